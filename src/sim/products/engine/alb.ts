// AWS ALB in the engine (docs/facts/alb.md): no retry and no passive marking — a refused connection
// or a target dying with the request is a 502 to the client (§1); only health checks (30 s, timeout
// 5 s, unhealthy after 2, healthy after 5; a newly registered target after 1, §2) take a target out
// or put it back; every registered target unhealthy → fail open: the algorithm uses them all (§2);
// deregistration sends the target nothing new, sticky users included, and completes once it has no
// request in flight, or at the delay, 300 s (§4).

import type { RouteResult } from '../../policies/policy.ts'
import { configured, idle, type LbBehaviour, type Plan } from './behaviour.ts'
import { nginxHeaderPicker } from './nginxRoutes.ts'

export const albBehaviour: LbBehaviour = {
  id: 'alb',
  activeChecks: true,
  passive: false,
  usable: (_, srv) => configured(srv) && srv.healthy,
  pinnable: (_, srv) => configured(srv) && srv.healthy,
  fallback: (s) => s.servers.filter(configured),
  noServer: (why): RouteResult => ({ server: null, decision: `${why ? `${why} → ` : ''}no registered target → 503`, status: 503 }),
  refused: (_, req): Plan => ({ fail: 502, words: `${req.server!} refused the connection → 502 (an ALB does not retry)` }),
  died: (_, req): Plan => ({ fail: 502, words: `${req.server!} closed the connection → 502` }),
  drained: (_, srv) => idle(srv),
  started(s, srv) {
    if (srv.fresh) {
      // A newly registered target starts `initial` and needs one passed check (§2); it stays `fresh`
      // until then, so the health sentence can say so.
      srv.healthy = false
      srv.probeOks = Math.max(0, s.config.health.healthyThreshold - 1)
    }
    return false
  },
  // An ALB hashes no header; a forger still aims at nginx's ring, as the lab always did.
  headerPicker: nginxHeaderPicker,
}
