import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { heapPop, heapPush } from './heap.ts'
import type { QueuedEvent } from './types.ts'

const ev = (t: number, seq: number): QueuedEvent => ({ t, seq, kind: 'metrics.sample', request: -1, server: null, user: -1, version: 0, jti: '', exp: 0 })

describe('event heap', () => {
  it('pops in (time, seq) order whatever the push order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const heap: QueuedEvent[] = []
        times.forEach((t, seq) => heapPush(heap, ev(t, seq)))
        const out: QueuedEvent[] = []
        for (let e = heapPop(heap); e; e = heapPop(heap)) out.push(e)
        const expected = times.map((t, seq) => ev(t, seq)).sort((a, b) => a.t - b.t || a.seq - b.seq)
        expect(out.map((e) => [e.t, e.seq])).toEqual(expected.map((e) => [e.t, e.seq]))
      }),
    )
  })
})
