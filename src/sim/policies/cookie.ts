// Cookie affinity as an ALB (`AWSALB`, duration-based) or Cloudflare (`__cflb`) issues it: the first
// request is placed by the product's algorithm (ALB round robin, Cloudflare random steering) and the
// response sets the cookie naming the target; later requests follow it while the load balancer still
// honours it (sliding or fixed TTL) and the target is in rotation as the product sees it; otherwise a
// new target and a new cookie ("re-pin") — docs/facts/alb.md §3a, docs/facts/cloudflare.md §3. HAProxy's
// `cookie SERVERID insert` has its own route (products/engine/haproxy.ts); nginx 1.22 has none.

import { formatDuration } from '../trace.ts'
import type { LbProductId, ServerId } from '../types.ts'
import type { RoutingPolicy, RouteContext, RouteResult } from './policy.ts'

export const cookie: RoutingPolicy = {
  id: 'cookie',
  label: 'Cookie affinity',
  sticky: true,
  describe: (c) => `cookie ${c.cookie.name}, ${c.cookie.ttlMs > 0 ? `${formatDuration(c.cookie.ttlMs)}, ${c.cookie.mode}` : 'session cookie'}`,
  route(ctx) {
    const { s, user } = ctx
    const name = s.config.cookie.name
    const jar = user.jar.affinity
    if (s.config.canaryPercent > 0 && ctx.random() * 100 < s.config.canaryPercent) {
      return pickFresh(ctx, `canary (${s.config.canaryPercent}% without affinity)`, false)
    }
    if (jar === null) return pickFresh(ctx, `no ${name} cookie`, true)
    if (jar.expiresAt <= s.now) return pickFresh(ctx, `${name} cookie expired`, true)
    if (ctx.canUse(jar.server, true)) return followCookie(name, jar.server)
    return pickFresh(ctx, `cookie says ${jar.server}, ${jar.server} is ${ctx.tried.includes(jar.server) ? 'refusing' : 'out of rotation'}`, true, 're-pin to')
  },
}

// The common case, "cookie AWSALB says B → B", is the same answer every time: build it once per server.
const followed = new Map<string, Map<ServerId, RouteResult>>()
function followCookie(name: string, server: ServerId): RouteResult {
  let byServer = followed.get(name)
  if (!byServer) followed.set(name, (byServer = new Map()))
  let result = byServer.get(server)
  if (!result) {
    result = { server, decision: `cookie ${name} says ${server} → ${server}`, affinity: { server, issued: false }, pinned: true }
    byServer.set(server, result)
  }
  return result
}

const FIRST_PICK: Partial<Record<LbProductId, string>> = { cloudflare: 'random steering' }

function pickFresh(ctx: RouteContext, why: string, issue: boolean, verb?: string): RouteResult {
  const srv = ctx.firstPick()
  if (!srv) return ctx.none(why)
  const name = ctx.s.config.cookie.name
  const how = verb ?? `${FIRST_PICK[ctx.s.config.lb] ?? 'round robin'} →`
  return {
    server: srv.id,
    decision: issue ? `${why} → ${how} ${srv.id} · set ${name}=${srv.id}` : `${why} → ${srv.id}`,
    ...(issue ? { affinity: { server: srv.id, issued: true } } : {}),
  }
}
