// nginx 1.22.1 open source in the engine (docs/facts/nginx-products.md): no active health checks; a
// refused connection or a server dying before the response header counts a failure (max_fails=1,
// fail_timeout=10s) and moves the request to the next peer — except a POST whose request was sent
// (§1, "non_idempotent"); nothing live → 502 "no live upstreams" (§3); drain = `down` + reload: no
// new requests, in-flight ones finish (§4). A server being added joins the upstream when its process
// answers (the operator reloads nginx then); a restarted one never left it.

import { mutServer } from '../../cow.ts'
import type { RouteResult } from '../../policies/policy.ts'
import { passivelyFailed, serverIndex } from '../../servers.ts'
import { emit } from '../../trace.ts'
import type { Server, ServerId, SimState } from '../../types.ts'
import { configured, idle, isIdempotent, type LbBehaviour, type Plan } from './behaviour.ts'
import { nginxHeaderPicker, nginxRoute } from './nginxRoutes.ts'

/** In the upstream block now: not deleted, not yet-to-be-added, not marked `down` (draining). */
export function inUpstream(srv: Server): boolean {
  return configured(srv) && !(srv.fresh && srv.status === 'starting')
}

/** §2: a failed attempt counts against the peer; at max_fails it is skipped for fail_timeout. A
 *  single-server upstream is never marked ("peers->single"). */
export function markFailed(s: SimState, server: ServerId, what: string): void {
  if (s.servers.filter((x) => x.status !== 'removed' && !(x.fresh && x.status === 'starting')).length <= 1) return
  const srv = mutServer(s, serverIndex(server))
  srv.fails += 1
  srv.failedAt = s.now
  srv.errors += 1
  const { maxFails, failTimeoutMs } = s.config.passive
  if (maxFails > 0 && srv.fails === maxFails) {
    emit(s, 'health', `nginx: ${what} → ${server} skipped for ${failTimeoutMs / 1000} s (max_fails=${maxFails} fail_timeout=${failTimeoutMs / 1000}s)`, { server })
  }
}

/** proxy_next_upstream's tries: every peer not marked `down`, once (§1 "How many tries"). */
function triesLeft(s: SimState, tried: number): boolean {
  return s.config.lbRetry && tried < s.servers.filter(inUpstream).length
}

export const nginxBehaviour: LbBehaviour = {
  id: 'nginx',
  activeChecks: false,
  passive: true,
  usable: (s, srv) => inUpstream(srv) && !passivelyFailed(s, srv),
  pinnable: (s, srv) => inUpstream(srv) && !passivelyFailed(s, srv),
  fallback: () => [],
  noServer: (why): RouteResult => ({ server: null, decision: `${why ? `${why} → ` : ''}no live upstreams → 502`, status: 502 }),
  refused(s, req): Plan {
    const server = req.server!
    markFailed(s, server, `connection to ${server} refused`)
    if (triesLeft(s, req.refused.length)) return { retry: 'route', delayMs: 0, words: `${server} refused → next upstream` }
    return { fail: 502, words: `${server} refused the connection → 502` }
  },
  died(s, req): Plan {
    const server = req.server!
    markFailed(s, server, `${server} closed the connection before the response header`)
    if (!isIdempotent(req)) return { fail: 502, words: `${server} died before the response header → 502 (a POST is not retried)` }
    if (triesLeft(s, req.refused.length)) return { retry: 'route', delayMs: 0, words: `${server} died before the response header → next upstream` }
    return { fail: 502, words: `${server} died before the response header → 502` }
  },
  drained: (_, srv) => idle(srv),
  started(_, srv) {
    srv.healthy = true
    srv.fresh = false
    return true
  },
  route: nginxRoute,
  headerPicker: nginxHeaderPicker,
}
