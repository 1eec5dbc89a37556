// Sending a request: the browser creates it now; it reaches the load balancer CLIENT_MS later and its
// server HOP_MS after that (see requests.ts onForward).

import { CLIENT_MS, HOP_MS } from './network.ts'
import { scheduleRequest } from './schedule.ts'
import type { Hop, SimRequest, RequestKind, SimMs, SimState, User } from './types.ts'

const NO_STEPS: readonly string[] = []
const NO_HOPS: readonly Hop[] = []

/** Create the user's next request, sent at `sendAt`. */
export function sendRequest(s: SimState, user: User, kind: RequestKind, sendAt: SimMs, attempt: number): void {
  const id = s.nextRequestId++
  const req: SimRequest = {
    v: s.gen,
    id,
    user: user.id,
    kind,
    attempt,
    sentAt: sendAt,
    lbAt: sendAt + CLIENT_MS,
    refused: NO_HOPS,
    server: null,
    serverAt: -1,
    startAt: -1,
    doneAt: -1,
    lbBackAt: -1,
    receivedAt: -1,
    outcome: null,
    status: 0,
    decision: '',
    explain: NO_STEPS,
    detail: '',
    affinity: null,
    intent: user.checkoutIntent,
    sets: null,
    seq: -1,
    item: -1,
  }
  s.inflight[user.id] = req
  scheduleRequest(s, req.lbAt + HOP_MS, 'request.forward', req)
}

