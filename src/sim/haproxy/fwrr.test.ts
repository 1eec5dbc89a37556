// HAProxy 2.6's `balance roundrobin` (fwrr.ts, a port of src/lb_fwrr.c): the recorded sequences of the
// real binary (fwrrGolden.fixture.ts, replayed on haproxy by npm run test:haproxy), a server coming
// back at the end of the window, and a redispatch avoiding only the failed server.

import { describe, expect, it } from 'vitest'
import { createFwrr, fwrrNext, fwrrServerDown, fwrrServerUp, fwrrSync } from './fwrr.ts'
import { FWRR_GOLDEN } from './fwrrGolden.fixture.ts'
import { balancePick, createLb, createRrState, parseBackend, parseHashType, viewOf, type HaproxyServer } from './index.ts'

const picks = (st: ReturnType<typeof createFwrr>, n: number, names: readonly string[]): string[] =>
  Array.from({ length: n }, () => names[fwrrNext(st)!]!)

describe('balance roundrobin (lb_fwrr.c)', () => {
  it('replays every recorded haproxy 2.6.12 sequence, servers leaving and coming back included', () => {
    for (const c of FWRR_GOLDEN) {
      let servers: HaproxyServer[] = parseBackend(c.backend)
      const rr = createRrState()
      const got: string[] = []
      for (const step of c.steps) {
        const m = /^set (\S+) (maint|drain|ready)$/.exec(step)
        if (m) servers = servers.map((s) => (s.name === m[1] ? { ...s, state: m[2] as HaproxyServer['state'] } : s))
        else {
          const lb = createLb(viewOf(servers), { kind: 'roundrobin' }, parseHashType('map-based'))
          got.push(servers[balancePick(lb, {}, rr).server!]!.name)
        }
      }
      expect(got, c.backend).toEqual(c.expected)
    }
  })

  it('equal weights take turns in server order', () => {
    expect(picks(createFwrr([1, 1, 1], [true, true, true]), 7, ['A', 'B', 'C'])).toEqual(['A', 'B', 'C', 'A', 'B', 'C', 'A'])
  })

  it('a server back from maint is not next: it joins at the end of the current window', () => {
    const st = createFwrr([1, 1, 1, 1], [true, true, true, false])
    const names = ['A', 'B', 'C', 'D']
    expect(picks(st, 4, names)).toEqual(['A', 'B', 'C', 'A'])
    fwrrServerUp(st, 3)
    // The lab's old rotation sent the next request to D; HAProxy lets B, C and A finish their turn.
    expect(picks(st, 8, names)).toEqual(['B', 'C', 'A', 'D', 'B', 'C', 'A', 'D'])
  })

  it('a server going down leaves the rotation at once; fwrrSync applies a view in server order', () => {
    const st = createFwrr([1, 1, 1], [true, true, true])
    fwrrServerDown(st, 1)
    expect(picks(st, 4, ['A', 'B', 'C'])).toEqual(['A', 'C', 'A', 'C'])
    fwrrSync(st, [true, true, true])
    expect(new Set(picks(st, 6, ['A', 'B', 'C']))).toEqual(new Set(['A', 'B', 'C']))
  })

  it('a redispatch avoids only the failed server, and takes it when nothing else is left', () => {
    const st = createFwrr([1, 1, 1], [true, true, true])
    expect(fwrrNext(st, 0)).toBe(1) // A would be next: skipped, B instead
    // The skipped server is requeued "just as if it was consumed": it lost its turn.
    expect(fwrrNext(st)).toBe(2)
    expect(fwrrNext(st)).toBe(0)
    const one = createFwrr([1, 1], [true, false])
    expect(fwrrNext(one, 0)).toBe(0)
  })

  it('nothing in rotation: no server', () => {
    expect(fwrrNext(createFwrr([1, 1], [false, false]))).toBeNull()
    expect(fwrrNext(createFwrr([0, 0], [true, true]))).toBeNull()
  })
})
