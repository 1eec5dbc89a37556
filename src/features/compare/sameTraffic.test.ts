// Columns of the compare view share a seed, and the claim the page makes is "same users, same
// traffic". What that means precisely, given that a user's next request follows their previous
// response after a think time:
//  - every user arrives at the same moment in every design (arrivals don't depend on responses);
//  - each user draws the same think times from their own seeded stream, so while their responses
//    agree in outcome, the gap between a response and their next request is identical;
//  - the whole request stream (ids, users, kinds, send times) is identical until the first response
//    that differs — in timing (a different server, a different queue) or in outcome (a login page
//    instead of the cart) — and that difference is what the design changed: a routing decision or
//    where the session lived. After it, send times shift by the difference and ids interleave
//    differently, but it is still the same users doing the same journeys.

import { describe, expect, test } from 'vitest'
import { lab } from '../../sim/harness.ts'
import { inflightRequests } from '../../sim/inflight.ts'
import type { SimRequest, SimState } from '../../sim/types.ts'
import { designOverrides, type Design } from './design.ts'

// Past the scenario's crash of B at 0:30, so every pair of designs diverges somewhere.
const RUN_MS = 40_000
const BASE: Design = { policy: 'cookie', storage: 'memory' }
const OTHERS: readonly Design[] = [
  { policy: 'round-robin', storage: 'shared' },
  { policy: 'round-robin', storage: 'memory' },
  { policy: 'ip-hash', storage: 'memory' },
  { policy: 'cookie', storage: 'jwt' },
]

function run(d: Design): SimState {
  // The same path as a compare column: scenario (seed, config, script) + the design's overrides.
  return lab().scenario('crash-sticky-memory').config(designOverrides(d)).run(RUN_MS)
}

/** Every request of the run so far (finished and in flight), by id. */
function requests(s: SimState): SimRequest[] {
  return [...s.recent, ...inflightRequests(s)].sort((a, b) => a.id - b.id)
}

const sent = (r: SimRequest) => `${r.id}/${r.user}/${r.kind}/${r.attempt}@${r.sentAt}`
const answered = (r: SimRequest) => (r.receivedAt >= 0 ? `${r.server}/${r.outcome}@${r.receivedAt}` : 'pending')

describe('columns with the same seed see the same traffic', () => {
  const base = run(BASE)
  const baseReqs = requests(base)

  const complete = (rs: SimRequest[]) => rs[0]!.id === 1 && rs.length === rs[rs.length - 1]!.id

  test('nothing was dropped from the bounded list of finished requests', () => {
    expect(complete(baseReqs)).toBe(true)
  })

  for (const other of OTHERS) {
    const name = `${other.policy} + ${other.storage}`
    const s = run(other)
    const reqs = requests(s)

    test(`${name}: the run is complete`, () => expect(complete(reqs)).toBe(true))

    test(`${name}: every user arrives at the same moment`, () => {
      const firstSend = (rs: SimRequest[]) => new Map(rs.filter((r) => r.kind === 'landing' && r.attempt === 1).reverse().map((r) => [r.user, r.sentAt]))
      const a = firstSend(baseReqs)
      const b = firstSend(reqs)
      expect(a.size).toBe(base.config.users)
      expect([...b.entries()].sort()).toEqual([...a.entries()].sort())
    })

    test(`${name}: identical request stream up to the first response that differs`, () => {
      let d = 0
      while (d < baseReqs.length && d < reqs.length && sent(baseReqs[d]!) === sent(reqs[d]!)) d++
      expect(d).toBeGreaterThan(0)
      expect(d).toBeLessThan(Math.min(baseReqs.length, reqs.length)) // the designs do differ
      // The first differing response among the identical prefix came no later than the first
      // request that differs: the divergence is explained by a response, not by the traffic.
      const firstDiff = Math.min(
        ...baseReqs
          .slice(0, d)
          .map((r, i) => [r, reqs[i]!] as const)
          .filter(([a, b]) => answered(a) !== answered(b))
          .flatMap(([a, b]) => [a.receivedAt, b.receivedAt].filter((t) => t >= 0)),
      )
      expect(Number.isFinite(firstDiff)).toBe(true)
      expect(firstDiff).toBeLessThanOrEqual(Math.min(baseReqs[d]!.sentAt, reqs[d]!.sentAt))
    })

    test(`${name}: each user's think times are the same while their outcomes agree`, () => {
      const byUser = (rs: SimRequest[]) => {
        const m = new Map<number, SimRequest[]>()
        for (const r of [...rs].sort((x, y) => x.sentAt - y.sentAt)) m.set(r.user, [...(m.get(r.user) ?? []), r])
        return m
      }
      const a = byUser(baseReqs)
      const b = byUser(reqs)
      let compared = 0
      for (const [user, ra] of a) {
        const rb = b.get(user) ?? []
        for (let i = 0; i + 1 < Math.min(ra.length, rb.length); i++) {
          const [pa, pb] = [ra[i]!, rb[i]!]
          if (pa.kind !== pb.kind || pa.outcome !== pb.outcome || pa.receivedAt < 0 || pb.receivedAt < 0) break
          expect(ra[i + 1]!.kind).toBe(rb[i + 1]!.kind)
          expect(ra[i + 1]!.sentAt - pa.receivedAt).toBe(rb[i + 1]!.sentAt - pb.receivedAt)
          compared += 1
        }
      }
      expect(compared).toBeGreaterThan(base.config.users)
    })
  }
})
