// Reading the requests in flight. They live in `s.inflight`, one slot per user (a browser waits for
// one response at a time); finished ones move to `s.recent`.

import type { SimRequest, SimState } from './types.ts'

/** Every request still in flight, oldest first. */
export function inflightRequests(s: SimState): SimRequest[] {
  const out: SimRequest[] = []
  for (const r of s.inflight) if (r) out.push(r)
  return out.sort((a, b) => a.id - b.id)
}

/** Request `id`, in flight or recently finished (undefined once it has left the bounded list). */
export function findRequest(s: SimState, id: number): SimRequest | undefined {
  for (const r of s.inflight) if (r && r.id === id) return r
  for (let i = s.recent.length - 1; i >= 0; i--) if (s.recent[i]!.id === id) return s.recent[i]
  return undefined
}
