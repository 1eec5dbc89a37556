// Putting events on the queue. Sequence numbers break ties so equal-time events keep their order.
// Every queued event has the same record shape (see QueuedEvent); request events, the hot path, get
// a helper that builds it directly.

import { heapPush } from './heap.ts'
import type { Event, QueuedEvent, ServerId, SimMs, SimState } from './types.ts'

export function schedule(s: SimState, t: SimMs, e: Event): void {
  const q: QueuedEvent = {
    t,
    seq: s.seq++,
    kind: e.kind,
    request: 'request' in e ? e.request : -1,
    server: 'server' in e ? e.server : null,
    user: 'user' in e ? e.user : -1,
    version: 'version' in e ? e.version : 0,
    jti: 'jti' in e ? e.jti : '',
    exp: 'exp' in e ? e.exp : 0,
  }
  heapPush(s.heap, q)
}

type RequestEventKind = 'request.forward' | 'request.done' | 'request.atClient' | 'client.timeout'

export function scheduleRequest(s: SimState, t: SimMs, kind: RequestEventKind, request: number, server: ServerId | null = null): void {
  heapPush(s.heap, { t, seq: s.seq++, kind, request, server, user: -1, version: 0, jti: '', exp: 0 })
}
