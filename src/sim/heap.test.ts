import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cloneHeap, createHeap, heapPop, heapPush, heapTopTime } from './heap.ts'

function drain(h: ReturnType<typeof createHeap>): number[][] {
  const out: number[][] = []
  while (h.size > 0) {
    out.push([h.data[0]!, h.data[1]!, h.data[2]!, h.data[3]!])
    heapPop(h)
  }
  return out
}

describe('event heap', () => {
  it('pops in (time, seq) order whatever the push order, payloads intact, growing past its capacity', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
        const h = createHeap(4)
        times.forEach((t, seq) => heapPush(h, t, seq, seq * 10 + 7, 1000 - seq))
        const expected = times.map((t, seq) => [t, seq, seq * 10 + 7, 1000 - seq]).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
        expect(drain(h)).toEqual(expected)
        expect(heapTopTime(h)).toBe(Infinity)
      }),
    )
  })

  it('keeps order when pushes and pops interleave, and a clone is independent of its original', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(-1)), { maxLength: 200 }), (ops) => {
        const h = createHeap(2)
        const model: number[][] = []
        let seq = 0
        for (const op of ops) {
          if (op >= 0) {
            heapPush(h, op, seq, seq, 2 * seq)
            model.push([op, seq, seq, 2 * seq])
            seq++
          } else if (h.size > 0) {
            model.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
            expect([h.data[0], h.data[1], h.data[2], h.data[3]]).toEqual(model.shift())
            heapPop(h)
          }
        }
        const copy = cloneHeap(h)
        heapPush(h, -1, seq, 0, 0)
        expect(copy.size).toBe(model.length)
        model.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)
        expect(drain(copy)).toEqual(model)
      }),
    )
  })
})
