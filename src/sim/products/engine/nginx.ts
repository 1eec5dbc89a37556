// nginx 1.22.1 open source in the engine (docs/facts/nginx-products.md): no active health checks; a
// refused connection or a server dying before the response header counts a failure (max_fails=1,
// fail_timeout=10s) and moves the request to the next peer — except a POST whose request was sent
// (§1, "non_idempotent"); nothing live → 502 "no live upstreams" (§3); drain = `down` + reload: no
// new requests, in-flight ones finish (§4). A server being added joins the upstream when its process
// answers (the operator reloads nginx then); a restarted one never left it.

import { mutLb, mutServer } from '../../cow.ts'
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
  srv.checkedAt = s.now
  srv.errors += 1
  const { maxFails, failTimeoutMs } = s.config.passive
  // Round robin's penalty: effective_weight -= weight / max_fails, creeping back by 1 a pick (§2).
  if (maxFails > 0) {
    const lb = mutLb(s)
    const w = lb.rrWeights[server] ?? { current: 0, effective: srv.weight }
    lb.rrWeights[server] = { current: w.current, effective: Math.max(0, w.effective - Math.floor(srv.weight / maxFails)) }
  }
  if (maxFails > 0 && srv.fails === maxFails) {
    emit(s, 'health', `nginx: ${what} → ${server} skipped for ${failTimeoutMs / 1000} s (max_fails=${maxFails} fail_timeout=${failTimeoutMs / 1000}s)`, { server })
  }
}

/** The upstream's `server` lines as the operator writes them (a draining server is `down`). */
function serverLines(s: SimState): string {
  let out = ''
  for (const srv of s.servers) {
    if (srv.status === 'removed' || (srv.fresh && srv.status === 'starting')) continue
    out += `${srv.address}${srv.status === 'draining' ? ' down' : ''};`
  }
  return out
}

/**
 * §4: a changed upstream is a reload — new worker processes build the upstream afresh (its peers live
 * in each worker's memory): round robin starts again at the first server, with every weight and
 * failure count reset. Old workers only finish the requests they hold.
 */
function reloaded(s: SimState): void {
  const lb = mutLb(s)
  lb.rrCursor = -1
  lb.rrWeights = {}
  s.servers.forEach((srv, i) => {
    if (srv.fails !== 0 || srv.failedAt !== -1 || srv.checkedAt !== -1) {
      const owned = mutServer(s, i)
      owned.fails = 0
      owned.failedAt = -1
      owned.checkedAt = -1
    }
  })
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
  configKey: serverLines,
  reloaded,
  route: nginxRoute,
  headerPicker: nginxHeaderPicker,
}
