import { describe, expect, it } from 'vitest'
import { B1, B2, B3, firstPick, GOLDEN_HASH, GROUPS, port, pseudoRandom, servers } from './golden.fixture.ts'
import { hashSlice } from './hash.ts'
import { createPeerHealth, peerViewAt } from './peerHealth.ts'
import { createPicker } from './picker.ts'
import { createRoundRobinState } from './roundRobin.ts'

describe('hash $key golden vectors (nginx 1.22.1)', () => {
  const mod3 = servers(GROUPS.mod3)
  const mod2 = servers(GROUPS.mod2)
  it.each(GOLDEN_HASH.map(([k, m3, m2]) => [k, m3, m2]))('%s → mod3 %s, mod2 %s', (key, m3, m2) => {
    expect(port(firstPick('hash', mod3, key))).toBe(m3)
    expect(port(firstPick('hash', mod2, key))).toBe(m2)
  })
})

describe('hash $key', () => {
  it('adds 15-bit CRC32 slices, prefixing the round number on rehash', () => {
    const key = new TextEncoder().encode('alice')
    expect(hashSlice(key, 0)).toBe(0x278e) // crc32("alice") = 0x278ebc47 → bits 16–30
    expect(hashSlice(key, 1)).toBe(hashSlice(new TextEncoder().encode('1alice'), 0))
    expect(hashSlice(key, 12)).toBe(hashSlice(new TextEncoder().encode('12alice'), 0))
  })

  it('round-robins an empty key in config order (O10)', () => {
    const list = servers(GROUPS.mod3)
    const rr = createRoundRobinState(list)
    const health = createPeerHealth(list)
    const got = [0, 1, 2, 3].map(() => list[createPicker('hash', peerViewAt(health, 0), '', rr).next().index ?? -1]?.name)
    expect(got).toEqual([B1, B2, B3, B1])
  })

  const rand = pseudoRandom(11)
  const keys = Array.from({ length: 3000 }, () => `user-${rand.next().value}`)
  const moved = (from: string, to: string): number => {
    const a = servers(from)
    const b = servers(to)
    return keys.filter((k) => firstPick('hash', a, k) !== firstPick('hash', b, k)).length / keys.length
  }

  it('remaps about 2/3 of keys when going from 3 to 2 servers', () => {
    const m = moved(GROUPS.mod3, GROUPS.mod2)
    expect(m).toBeGreaterThan(0.62)
    expect(m).toBeLessThan(0.71)
  })

  it('remaps about 3/4 of keys when going from 3 to 4 servers', () => {
    const m = moved(GROUPS.mod3, `${GROUPS.mod3}; 127.0.0.1:18084`)
    expect(m).toBeGreaterThan(0.7)
    expect(m).toBeLessThan(0.8)
  })

  it('moves only the down server\'s keys when it is marked down', () => {
    const a = servers(GROUPS.mod3)
    const b = servers(`${B1}; ${B2} down; ${B3}`)
    for (const k of keys.slice(0, 500)) {
      const before = firstPick('hash', a, k)
      expect(firstPick('hash', b, k) !== before).toBe(before === B2)
    }
  })
})
