import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { B1, B2, B3, GROUPS, servers } from './golden.fixture.ts'
import { createPeerHealth, peerViewAt } from './peerHealth.ts'
import { NGINX_METHODS, createPicker, type NginxMethod } from './picker.ts'
import { createRoundRobinState } from './roundRobin.ts'
import type { UpstreamServer } from './upstream.ts'

const viewWith = (list: readonly UpstreamServer[], failed: readonly number[] = []) => ({
  servers: list,
  isFailed: (i: number) => failed.includes(i),
})

const names = (list: readonly UpstreamServer[], picks: (number | null)[]): (string | null)[] =>
  picks.map((i) => (i === null ? null : (list[i]?.name ?? null)))

describe('second choice after a failure', () => {
  const iph3 = servers(GROUPS.iph3)

  it('a failing first choice is skipped; the hash continues to the next choice', () => {
    // 1.2.3.4 → 18082 normally; with 18082 down nginx picked 18083 (golden iph3d), and "failed" skips the same way.
    const skipFailed = createPicker('ip-hash', viewWith(iph3, [1]), '1.2.3.4', createRoundRobinState(iph3))
    expect(names(iph3, [skipFailed.next().index])).toEqual([B3])
  })

  it('a retry of the same request lands on that same second choice', () => {
    const picker = createPicker('ip-hash', viewWith(iph3), '1.2.3.4', createRoundRobinState(iph3))
    const first = picker.next()
    const second = picker.next()
    expect(names(iph3, [first.index, second.index])).toEqual([B2, B3])
    expect(second.via).toBe('hash')
    expect(second.explain[0]?.text).toBe('127.0.0.1:18082 failed → next choice for the same request')
  })

  it('works for hash and consistent hash too, never repeating a peer', () => {
    for (const method of ['hash', 'hash-consistent'] as const) {
      const list = servers(GROUPS.mod3)
      const picker = createPicker(method, viewWith(list), 'alice', createRoundRobinState(list))
      const picks = [picker.next().index, picker.next().index, picker.next().index]
      expect(new Set(picks).size).toBe(3)
      const end = picker.next()
      expect(end).toMatchObject({ index: null, outcome: 'tries-exhausted' })
    }
  })

  it('limits the tries of a request to the non-down servers', () => {
    const list = servers(GROUPS.iph3d)
    const picker = createPicker('ip-hash', viewWith(list), '1.2.3.4', createRoundRobinState(list))
    expect(picker.maxAttempts).toBe(2)
    expect(picker.next().index).not.toBeNull()
    expect(picker.next().index).not.toBeNull()
    expect(picker.next()).toMatchObject({ index: null, outcome: 'tries-exhausted' })
  })
})

describe('no usable peer', () => {
  it.each(NGINX_METHODS)('%s: all failed → null (no live upstreams)', (method) => {
    const list = servers(GROUPS.iph3)
    const choice = createPicker(method, viewWith(list, [0, 1, 2]), '1.2.3.4', createRoundRobinState(list)).next()
    expect(choice).toMatchObject({ index: null, outcome: 'no-live-upstreams' })
    expect(choice.explain.at(-1)?.text).toBe('no live upstreams → 502')
  })

  it('all down → null', () => {
    const list = servers(`${B1} down; ${B2} down`)
    expect(createPicker('hash', viewWith(list), 'k', createRoundRobinState(list)).next().index).toBeNull()
  })
})

describe('fallback to round robin', () => {
  // Heavy down servers make almost every hash round land on an unusable peer.
  const list = servers(`${B1} weight=1000 down; ${B2}; ${B3}`)

  it.each(['ip-hash', 'hash', 'hash-consistent'] as const)('%s: after 21 unusable picks → round robin', (method) => {
    const rr = createRoundRobinState(list)
    const got: (string | null)[] = []
    for (const key of ['198.51.100.1', '198.51.100.2', '203.0.113.9', '192.0.2.1']) {
      const choice = createPicker(method, viewWith(list), key, rr).next()
      expect(choice.via).toBe('round-robin')
      expect(choice.explain.filter((s) => s.kind === 'skip')).toHaveLength(21)
      expect(choice.explain.some((s) => s.text === 'more than 20 unusable hash picks → round robin')).toBe(true)
      got.push(names(list, [choice.index])[0] ?? null)
    }
    // One shared round-robin state: the requests alternate between the two usable servers.
    expect(got).toEqual([B2, B3, B2, B3])
  })

  it('uses round robin directly for a one-server group or an empty key', () => {
    const one = servers(B1)
    expect(createPicker('ip-hash', viewWith(one), '1.2.3.4', createRoundRobinState(one)).next()).toMatchObject({ index: 0, via: 'round-robin' })
    const list = servers(GROUPS.mod3)
    expect(createPicker('hash', viewWith(list), '', createRoundRobinState(list)).next().via).toBe('round-robin')
  })
})

describe('explanations', () => {
  it('are short sentences about key, hash, slot, skips and the pick', () => {
    const list = servers(GROUPS.iph3d)
    const explain = createPicker('ip-hash', viewWith(list), '1.2.3.4', createRoundRobinState(list)).next().explain
    expect(explain.map((s) => s.text)).toEqual([
      'key bytes 1.2.3 (first 3 octets of the IPv4 address)',
      expect.stringMatching(/^hash\(1\.2\.3\.x\) = \d+ → weight slot \d+ mod 3 = 1 → 127\.0\.0\.1:18082$/),
      '127.0.0.1:18082 is marked down → hash again',
      expect.stringMatching(/^hash again = \d+ → weight slot \d+ mod 3 = 2 → 127\.0\.0\.1:18083$/),
      '→ 127.0.0.1:18083',
    ])
  })

  it('describe the ring walk for consistent hashing', () => {
    const list = servers(`${B1}; ${B2} down; ${B3}`)
    const texts = createPicker('hash-consistent', viewWith(list), 'session-2', createRoundRobinState(list))
      .next()
      .explain.map((s) => s.text)
    expect(texts[0]).toBe('crc32("session-2") = 0x' + texts[0]?.slice(-8))
    expect(texts[1]).toMatch(/^first ring point ≥ it: point #\d+ of 480 \(0x[0-9a-f]{8}\) → 127\.0\.0\.1:18082$/)
    expect(texts[2]).toBe('127.0.0.1:18082 is marked down')
    expect(texts[3]).toMatch(/^next point clockwise: point #\d+ of 480/)
  })
})

describe('properties', () => {
  const config = fc
    .array(fc.record({ weight: fc.integer({ min: 1, max: 5 }), down: fc.boolean(), failed: fc.boolean() }), {
      minLength: 1,
      maxLength: 10,
    })
    .map((peers) => ({
      list: peers.map((p, i) => ({ name: `10.0.0.${i + 1}:80`, weight: p.weight, down: p.down, maxFails: 1, failTimeoutMs: 10_000 })),
      failed: peers.flatMap((p, i) => (p.failed ? [i] : [])),
    }))
  const key = fc.oneof(
    fc.ipV4(),
    fc.ipV6().filter((ip) => !ip.includes('%')),
    fc.string({ maxLength: 12 }),
  )
  const method = fc.constantFrom<NginxMethod>(...NGINX_METHODS)

  it('never picks a down, failed or already-tried peer, and finds a usable one if any exists', () => {
    fc.assert(
      fc.property(config, key, method, ({ list, failed }, k, pol) => {
        const ipKey = pol === 'ip-hash' ? (k.includes('.') || k.includes(':') ? k : '192.0.2.1') : k
        let picker
        try {
          picker = createPicker(pol, viewWith(list, failed), ipKey, createRoundRobinState(list))
        } catch {
          return // fc.ipV4/ipV6 can produce forms our parser refuses; not what this property is about
        }
        const single = list.length === 1
        const usable = list.filter((s, i) => !s.down && (single || !failed.includes(i))).length
        const seen = new Set<number>()
        for (let n = 0; n <= list.length; n++) {
          const choice = picker.next()
          if (choice.index === null) break
          const server = list[choice.index]
          expect(server?.down).toBe(false)
          if (!single) expect(failed).not.toContain(choice.index)
          expect(seen.has(choice.index)).toBe(false)
          seen.add(choice.index)
        }
        expect(seen.size).toBe(Math.min(usable, picker.maxAttempts))
      }),
      { numRuns: 400 },
    )
  })

  it('keeps the ip_hash value below 6271 across retries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.integer({ min: 2, max: 10 }), (bytes, n) => {
        const list = Array.from({ length: n }, (_, i) => ({ name: `s${i}:80`, weight: 1, down: false, maxFails: 1, failTimeoutMs: 10_000 }))
        const picker = createPicker('ip-hash', viewWith(list), bytes, createRoundRobinState(list))
        for (let t = 0; t < n; t++) {
          for (const s of picker.next().explain) {
            const m = /= (\d+) →/.exec(s.text)
            if (s.kind === 'hash' && m) expect(Number(m[1])).toBeLessThan(6271)
          }
        }
      }),
    )
  })

  it('routes the same key the same way on a fresh upstream (pure function of config and key)', () => {
    fc.assert(
      fc.property(config, fc.string({ minLength: 1, maxLength: 10 }), ({ list }, k) => {
        const a = createPicker('hash-consistent', peerViewAt(createPeerHealth(list), 0), k, createRoundRobinState(list)).next()
        const b = createPicker('hash-consistent', peerViewAt(createPeerHealth(list), 0), k, createRoundRobinState(list)).next()
        expect(a.index).toBe(b.index)
      }),
    )
  })
})
