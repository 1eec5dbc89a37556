// Helpers for tests of the engine and of everything built on it.

import { inflightRequests } from './inflight.ts'
import { latestTrace } from './trace.ts'
import type { SimState } from './types.ts'

/** A fingerprint of everything a learner can see. */
export function fingerprint(s: SimState): string {
  return JSON.stringify({
    now: s.now,
    itemCount: s.itemCount,
    counters: s.counters,
    users: s.users.map((u) => [u.ip, u.believesLoggedIn, u.believedCart, u.lastServer, u.jar, u.logouts, u.orders]),
    servers: s.servers.map((x) => [x.id, x.status, x.healthy, x.busy, x.queue, [...x.memory.keys()], x.requests]),
    store: [...s.sessionStore.sessions.keys()],
    inflight: inflightRequests(s).map((r) => r.id),
    trace: latestTrace(s, 50).map((e) => e.text),
  })
}

