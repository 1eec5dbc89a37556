// Cookie affinity, modelled on AWS ALB duration-based stickiness: the LB issues its own cookie
// (AWSALB, default 1 day, expiry reset on every request) naming the target; the first request is
// routed round robin; if the pinned target is unhealthy or gone the LB picks a new one and updates
// the cookie ("re-pin") — or, with failover "fail", answers 503 (like nginx-sticky's no_fallback).

import { formatDuration } from '../trace.ts'
import type { ServerId } from '../types.ts'
import type { RoutingPolicy, RouteContext, RouteResult } from './policy.ts'
import { noServer } from './policy.ts'

export const cookie: RoutingPolicy = {
  id: 'cookie',
  label: 'Cookie affinity',
  sticky: true,
  describe: (c) => `cookie ${c.cookie.name}, ${formatDuration(c.cookie.ttlMs)}, ${c.cookie.mode}`,
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
    if (s.config.failover === 'fail') return noServer(`cookie says ${jar.server}, ${jar.server} is unavailable → 503 (no failover)`)
    return pickFresh(ctx, `cookie says ${jar.server}, ${jar.server} is unavailable`, true, 're-pin to')
  },
}

// The common case, "cookie says B → B", is the same answer every time: build it once per server.
const followed = new Map<string, Map<ServerId, RouteResult>>()
function followCookie(name: string, server: ServerId): RouteResult {
  let byServer = followed.get(name)
  if (!byServer) followed.set(name, (byServer = new Map()))
  let result = byServer.get(server)
  if (!result) {
    result = { server, decision: `cookie ${name} says ${server} → ${server}`, affinity: { server, issued: false } }
    byServer.set(server, result)
  }
  return result
}

function pickFresh(ctx: RouteContext, why: string, issue: boolean, verb = 'round robin →'): RouteResult {
  const srv = ctx.roundRobin()
  if (!srv) return noServer(`${why} → no healthy server → 503`)
  const name = ctx.s.config.cookie.name
  return {
    server: srv.id,
    decision: issue ? `${why} → ${verb} ${srv.id} · set ${name}=${srv.id}` : `${why} → ${srv.id}`,
    ...(issue ? { affinity: { server: srv.id, issued: true } } : {}),
  }
}
