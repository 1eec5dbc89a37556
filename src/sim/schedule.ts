// Putting events on the queue. Sequence numbers break ties so equal-time events keep their order.
// Request events — three per request, the engine's hot path — travel as two numbers on the queue
// entry (the request id, and a code for kind, server and user), so they allocate nothing. Every
// other event is kept as an object in `s.events` under its seq; its entry carries request id -1.

import { heapPush } from './heap.ts'
import { serverIndex } from './servers.ts'
import { SERVER_IDS, type SimEvent, type SimRequest, type RequestEventKind, type ServerId, type SimMs, type SimState, type UserId } from './types.ts'

/** A request event's code: user × 64 + kind × 16 + server slot (0 = none, 1 + the server's index). */
const KIND_CODE = { 'request.forward': 0, 'request.done': 16, 'request.atClient': 32, 'client.timeout': 48 } as const
const KINDS: readonly RequestEventKind[] = ['request.forward', 'request.done', 'request.atClient', 'client.timeout']

export function schedule(s: SimState, t: SimMs, e: SimEvent): void {
  const seq = s.seq++
  s.events.set(seq, e)
  heapPush(s.heap, t, seq, -1, 0)
}

export function scheduleRequest(s: SimState, t: SimMs, kind: RequestEventKind, req: SimRequest, server: ServerId | null = null): void {
  heapPush(s.heap, t, s.seq++, req.id, req.user * 64 + KIND_CODE[kind] + (server === null ? 0 : serverIndex(server) + 1))
}

export function requestEventKind(code: number): RequestEventKind {
  return KINDS[(code >> 4) & 3]!
}

export function requestEventUser(code: number): UserId {
  return code >> 6
}

export function requestEventServer(code: number): ServerId | null {
  const slot = code & 15
  return slot === 0 ? null : SERVER_IDS[slot - 1]!
}

/** Take the object of a non-request event off the side table. */
export function takeEvent(s: SimState, seq: number): SimEvent {
  const e = s.events.get(seq)
  if (e === undefined) throw new Error(`no queued event with seq ${seq}`)
  s.events.delete(seq)
  return e
}
