import { describe, expect, it } from 'vitest'
import { buildRing, findPoint, ringFor, splitHostPort } from './consistentHash.ts'
import { crc32 } from './crc32.ts'
import { B1, B2, B3, B4, firstPick, GOLDEN_HASH, GROUPS, port, pseudoRandom, servers } from './golden.fixture.ts'
import { createPeerHealth, peerViewAt } from './peerHealth.ts'
import { createPicker } from './picker.ts'
import { createRoundRobinState } from './roundRobin.ts'

describe('hash $key consistent golden vectors (nginx 1.22.1)', () => {
  const ch3 = servers(GROUPS.ch3)
  const ch2 = servers(GROUPS.ch2)
  const ch4 = servers(GROUPS.ch4)
  it.each(GOLDEN_HASH.map(([k, , , c3, c2, c4]) => [k, c3, c2, c4]))('%s → ch3 %s, ch2 %s, ch4 %s', (key, c3, c2, c4) => {
    expect(port(firstPick('hash-consistent', ch3, key))).toBe(c3)
    expect(port(firstPick('hash-consistent', ch2, key))).toBe(c2)
    expect(port(firstPick('hash-consistent', ch4, key))).toBe(c4)
  })
})

describe('ketama ring', () => {
  it('has 160 × weight points per server, sorted (480 / 320 / 640 as nginx built them)', () => {
    expect(buildRing(servers(GROUPS.ch3)).hashes).toHaveLength(480)
    expect(buildRing(servers(GROUPS.ch2)).hashes).toHaveLength(320)
    expect(buildRing(servers(GROUPS.ch4)).hashes).toHaveLength(640)
    expect(buildRing(servers(`${B1} weight=3; ${B2}`)).hashes).toHaveLength(640)
    const { hashes } = buildRing(servers(GROUPS.ch4))
    for (let i = 1; i < hashes.length; i++) expect(hashes[i]).toBeGreaterThan(hashes[i - 1] as number)
  })

  it('derives points from crc32(host "\\0" port prev-hash-LE)', () => {
    const ring = buildRing(servers(B1))
    const first = crc32(new Uint8Array([...new TextEncoder().encode('127.0.0.1'), 0, ...new TextEncoder().encode('18081'), 0, 0, 0, 0]))
    expect(ring.hashes).toContain(first)
  })

  it('splits host and port at the last colon followed by digits only', () => {
    expect(splitHostPort('127.0.0.1:18081')).toEqual({ host: '127.0.0.1', port: '18081' })
    expect(splitHostPort('[::1]:80')).toEqual({ host: '[::1]', port: '80' })
    expect(splitHostPort('backend')).toEqual({ host: 'backend', port: '' })
    expect(splitHostPort('unix:/tmp/a.sock')).toEqual({ host: '/tmp/a.sock', port: '' })
    expect(splitHostPort('12345')).toEqual({ host: '12345', port: '' })
  })

  it('collapses duplicate points (the same server written twice)', () => {
    expect(buildRing(servers(`${B1}; ${B1}`)).hashes).toHaveLength(160)
  })

  it('finds the first point ≥ the hash, wrapping past the end', () => {
    const ring = { hashes: [10, 20, 30], names: ['a', 'b', 'c'] }
    expect(findPoint(ring, 5)).toBe(0)
    expect(findPoint(ring, 20)).toBe(1)
    expect(findPoint(ring, 21)).toBe(2)
    expect(findPoint(ring, 31)).toBe(3) // = length → wraps to point 0
  })

  it('caches one ring per server list', () => {
    const list = servers(GROUPS.ch3)
    expect(ringFor(list)).toBe(ringFor(list))
  })

  it('round-robins an empty key in config order (O10)', () => {
    const list = servers(GROUPS.ch3)
    const rr = createRoundRobinState(list)
    const health = createPeerHealth(list)
    const got = [0, 1, 2, 3].map(() => list[createPicker('hash-consistent', peerViewAt(health, 0), '', rr).next().index ?? -1]?.name)
    expect(got).toEqual([B1, B2, B3, B1])
  })
})

describe('consistent hash remapping (docs/facts/nginx.md, "Remapping when servers change")', () => {
  const rand = pseudoRandom(3)
  const keys = Array.from({ length: 3000 }, () => `session-${rand.next().value}`)
  const ch3 = servers(GROUPS.ch3)
  const before = keys.map((k) => firstPick('hash-consistent', ch3, k))
  const after = (text: string): (string | null)[] => {
    const list = servers(text) // one list → one cached ring
    return keys.map((k) => firstPick('hash-consistent', list, k))
  }

  it('removing a server moves only its keys (its ring share, 29.4 % here)', () => {
    const now = after(GROUPS.ch2)
    const moved = now.filter((s, i) => s !== before[i]).length / keys.length
    now.forEach((s, i) => expect(s !== before[i]).toBe(before[i] === B2))
    expect(moved).toBeGreaterThan(0.25)
    expect(moved).toBeLessThan(0.34)
  })

  it('adding a server moves about 1/(n+1) of keys, all to the new server', () => {
    const movedTo = after(GROUPS.ch4).filter((s, i) => s !== before[i])
    expect(new Set(movedTo)).toEqual(new Set([B4]))
    expect(movedTo.length / keys.length).toBeGreaterThan(0.2)
    expect(movedTo.length / keys.length).toBeLessThan(0.3)
  })

  it('marking a server down sends its keys clockwise and leaves the rest', () => {
    after(`${B1}; ${B2} down; ${B3}`).forEach((s, i) => expect(s !== before[i]).toBe(before[i] === B2))
  })
})
