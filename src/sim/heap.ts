// A binary min-heap of scheduled events ordered by (time, seq): equal times pop in the order they
// were scheduled, which is what makes a run deterministic.

import type { QueuedEvent } from './types.ts'

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq)
}

export function heapPush(heap: QueuedEvent[], item: QueuedEvent): void {
  let i = heap.length
  heap.push(item)
  while (i > 0) {
    const parent = (i - 1) >> 1
    const p = heap[parent]!
    if (!before(item, p)) break
    heap[i] = p
    i = parent
  }
  heap[i] = item
}

export function heapPop(heap: QueuedEvent[]): QueuedEvent | undefined {
  if (heap.length === 0) return undefined
  const top = heap[0]!
  const last = heap.pop()!
  if (heap.length === 0) return top
  const n = heap.length
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    const r = l + 1
    let c = l
    if (r < n && before(heap[r]!, heap[l]!)) c = r
    if (!before(heap[c]!, last)) break
    heap[i] = heap[c]!
    i = c
  }
  heap[i] = last
  return top
}
