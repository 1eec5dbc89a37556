// The event queue: a binary min-heap ordered by (time, seq) — equal times pop in the order they were
// scheduled, which is what makes a run deterministic. It is stored flat, four 32-bit integers an
// entry (time, seq and two payload numbers) in one Int32Array, so scheduling and popping allocate
// nothing: the engine schedules three events per request, and per-event objects were its largest
// source of garbage. Integers on purpose: simulated time is whole milliseconds, and values read
// back as small integers keep V8 storing the engine's time fields unboxed (a Float64Array made
// every request carry seven boxed numbers). The payload means whatever the scheduler says.

export interface EventHeap {
  /** Entries in heap order: [t, seq, a, b] × size; spare capacity after that. */
  data: Int32Array
  size: number
}

export function createHeap(capacity = 256): EventHeap {
  return { data: new Int32Array(capacity * 4), size: 0 }
}

/** An independent copy (states never share a mutable queue). */
export function cloneHeap(h: EventHeap): EventHeap {
  return { data: h.data.slice(), size: h.size }
}

/** Time of the earliest entry, or Infinity when the queue is empty. */
export function heapTopTime(h: EventHeap): number {
  return h.size > 0 ? h.data[0]! : Infinity
}

export function heapPush(h: EventHeap, t: number, seq: number, a: number, b: number): void {
  if ((t | 0) !== t) throw new RangeError(`event time ${t} is not a whole number of milliseconds below 2^31`)
  if ((h.size + 1) * 4 > h.data.length) {
    const grown = new Int32Array(h.data.length * 2)
    grown.set(h.data)
    h.data = grown
  }
  const d = h.data
  let i = h.size++
  while (i > 0) {
    const parent = (i - 1) >> 1
    const p = parent << 2
    const pt = d[p]!
    if (pt < t || (pt === t && d[p + 1]! < seq)) break
    const j = i << 2
    d[j] = pt
    d[j + 1] = d[p + 1]!
    d[j + 2] = d[p + 2]!
    d[j + 3] = d[p + 3]!
    i = parent
  }
  const j = i << 2
  d[j] = t
  d[j + 1] = seq
  d[j + 2] = a
  d[j + 3] = b
}

/**
 * Remove the earliest entry. Read its time, seq and payload from `data[0..3]` before calling.
 * Precondition: the queue is not empty.
 */
export function heapPop(h: EventHeap): void {
  const d = h.data
  const n = --h.size
  if (n === 0) return
  // Sift the last entry down from the root.
  const last = n << 2
  const t = d[last]!
  const seq = d[last + 1]!
  const a = d[last + 2]!
  const b = d[last + 3]!
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    let c = l
    let ct = d[l << 2]!
    let cs = d[(l << 2) + 1]!
    const r = l + 1
    if (r < n) {
      const rt = d[r << 2]!
      const rs = d[(r << 2) + 1]!
      if (rt < ct || (rt === ct && rs < cs)) {
        c = r
        ct = rt
        cs = rs
      }
    }
    if (t < ct || (t === ct && seq < cs)) break
    const j = i << 2
    const k = c << 2
    d[j] = ct
    d[j + 1] = cs
    d[j + 2] = d[k + 2]!
    d[j + 3] = d[k + 3]!
    i = c
  }
  const j = i << 2
  d[j] = t
  d[j + 1] = seq
  d[j + 2] = a
  d[j + 3] = b
}
