// Cloudflare Load Balancing (one proxied pool) in the engine (docs/facts/cloudflare.md): a refused
// connection is a 521, retried once on another healthy endpoint ("zero-downtime failover") — for a
// session pinned by affinity only when zero_downtime_failover is not `none` (the lab's failover
// "re-pin" = `sticky`, "fail" = `none`, Cloudflare's default) (§1); an endpoint dying with the request
// is a 520, not retried; monitors every 60 s (timeout 5 s, retries 2; one failed round marks it
// unhealthy, one passed round healthy, §2); nothing healthy → the fallback pool, health ignored (§2);
// steering inside the pool is random (§5); header affinity is a table Cloudflare keeps, idle 1800 s
// (§3); a disabled endpoint with drain_duration keeps its pinned sessions until the duration ends (§4).

import { mutLb } from '../../cow.ts'
import { headerValue } from '../../policies/header.ts'
import type { RouteContext, RouteResult } from '../../policies/policy.ts'
import { liveSessionCount } from '../../servers.ts'
import { configured, idle, type LbBehaviour, type Plan } from './behaviour.ts'
import { nginxHeaderPicker } from './nginxRoutes.ts'

/** session_affinity_ttl for `header` affinity: 1800 s by default, an idle timeout (§3). */
export const HEADER_TTL_MS = 1_800_000

export const cloudflareBehaviour: LbBehaviour = {
  id: 'cloudflare',
  activeChecks: true,
  passive: false,
  usable: (_, srv) => configured(srv) && srv.healthy,
  pinnable: (s, srv) => srv.status !== 'removed' && srv.healthy && (srv.status !== 'draining' || s.now < srv.drainDeadline),
  fallback: (s) => s.servers.filter(configured),
  noServer: (why): RouteResult => ({ server: null, decision: `${why ? `${why} → ` : ''}no endpoint enabled → 530`, status: 530 }),
  refused(s, req): Plan {
    const server = req.server!
    if (req.refused.length > 1) return { fail: 521, words: `${server} refused → 521 (zero-downtime failover retries once)` }
    if (req.pinned && s.config.failover === 'fail') return { fail: 521, words: `${server} refused → 521 (pinned session, zero_downtime_failover: none)` }
    const other = s.servers.some((x) => configured(x) && x.healthy && !req.refused.some((h) => h.server === x.id))
    if (!other) return { fail: 521, words: `${server} refused → 521 (no other healthy endpoint)` }
    return { retry: 'route', delayMs: 0, words: `${server} refused (521) → zero-downtime failover: one retry` }
  },
  died: (_, req): Plan => ({ fail: 520, words: `${req.server!} died while serving → 520 (not retried)` }),
  drained: (s, srv) => idle(srv) && liveSessionCount(s, srv) === 0,
  started(_, srv) {
    srv.fresh = false
    return false
  },
  route: (ctx, policy) => (policy === 'header' ? routeHeader(ctx) : null),
  // Cloudflare's table can't be aimed at; a forger still picks values off nginx's ring, as the lab always did.
  headerPicker: nginxHeaderPicker,
}

function routeHeader(ctx: RouteContext): RouteResult {
  const { s, user } = ctx
  const name = s.config.header.name
  const value = headerValue(s, user)
  const entry = s.lb.headerTable.get(value)
  const fresh = entry !== undefined && s.now - entry.lastSeen < HEADER_TTL_MS
  if (entry && fresh && ctx.canUse(entry.server, true)) {
    mutLb(s).headerTable.set(value, { server: entry.server, lastSeen: s.now })
    return { server: entry.server, decision: `${name}: ${value} is in Cloudflare's session table → ${entry.server}`, pinned: true }
  }
  const srv = ctx.firstPick()
  if (!srv) return cloudflareBehaviour.noServer(`${name}: ${value}`)
  mutLb(s).headerTable.set(value, { server: srv.id, lastSeen: s.now })
  const why = entry === undefined ? 'new session' : fresh ? `${entry.server} is unhealthy` : 'session idle past 1800 s'
  return { server: srv.id, decision: `${name}: ${value}, ${why} → random steering → ${srv.id}` }
}
