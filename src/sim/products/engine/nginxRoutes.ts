// nginx's own routing algorithms as the lab's policies use them — round robin, `ip_hash`,
// `hash $cookie_uid`, `hash $cookie_uid consistent`, `hash $http_x_user_id consistent` — run by the exact nginx code
// (src/sim/nginx through nginxUpstream.ts). Part of the nginx product: this file and what it imports
// load in the browser only with a product that needs them (docs/DECISIONS.md "Products load on demand").

import { mutLb } from '../../cow.ts'
import { headerValue } from '../../policies/header.ts'
import { passivelyFailed } from '../../servers.ts'
import type { RouteContext, RouteResult } from '../../policies/policy.ts'
import type { PolicyId, Server, ServerId, SimState } from '../../types.ts'
import { partOf } from './index.ts'
import { nginxPick } from './nginxUpstream.ts'

/** Routes the policies that are nginx algorithms; null for the lab's generic ones (round robin…). */
export function nginxRoute(ctx: RouteContext, policy: PolicyId): RouteResult | null {
  switch (policy) {
    case 'round-robin':
      return nginxRoundRobin(ctx)
    case 'ip-hash': {
      const ip = ctx.user.ip
      const shown = ip.includes(':') ? ip : `${ip.split('.').slice(0, 3).join('.')}.x`
      return nginxPick(ctx, 'ip-hash', ip, `ip_hash(${shown})`)
    }
    case 'hash': {
      const key = ctx.user.jar.uid ?? ''
      return nginxPick(ctx, 'hash', key, key ? `hash(uid=${key})` : 'no uid cookie')
    }
    case 'hash-consistent': {
      const key = ctx.user.jar.uid ?? ''
      return nginxPick(ctx, 'hash-consistent', key, key ? `ring(uid=${key})` : 'no uid cookie')
    }
    case 'header': {
      const name = ctx.s.config.header.name
      const value = headerValue(ctx.s, ctx.user)
      return nginxPick(ctx, 'hash-consistent', value, value ? `${name}: ${value}` : `no ${name}`)
    }
    default:
      return null
  }
}

/**
 * nginx's smooth weighted round robin (ngx_http_upstream_get_peer; docs/facts/nginx.md "Round robin"),
 * the same steps as src/sim/nginx/roundRobin.ts on the engine's state without building a picker — it
 * runs for every request of the lab's default design: every usable peer adds its effective weight
 * (creeping back by 1 after a failure's penalty), the highest wins (first in order on ties) and pays
 * back the total. A one-server upstream is used unless `down` (nginx's peers->single path).
 */
function nginxRoundRobin(ctx: RouteContext): RouteResult {
  const { s, tried } = ctx
  let inUpstream = 0
  let only: Server | null = null
  for (const srv of s.servers) {
    if (srv.status === 'removed' || (srv.fresh && srv.status === 'starting')) continue
    inUpstream += 1
    only = srv
  }
  if (inUpstream === 1 && only !== null) {
    if (only.status === 'draining') return ctx.none()
    return { server: only.id, decision: `round robin → ${only.id}` }
  }
  const lb = mutLb(s)
  let best: Server | null = null
  let bestWeight = 0
  let total = 0
  for (const srv of s.servers) {
    if (srv.status === 'removed' || (srv.fresh && srv.status === 'starting') || srv.status === 'draining') continue
    if (tried.includes(srv.id) || !srv.healthy || passivelyFailed(s, srv)) continue
    let w = lb.rrWeights[srv.id]
    if (w === undefined) {
      w = { current: 0, effective: srv.weight }
      lb.rrWeights[srv.id] = w
    }
    w.current += w.effective
    total += w.effective
    if (w.effective < srv.weight) w.effective += 1
    if (best === null || w.current > bestWeight) {
      best = srv
      bestWeight = w.current
    }
  }
  if (best === null) return ctx.none()
  lb.rrWeights[best.id]!.current -= total
  return { server: best.id, decision: `round robin → ${best.id}` }
}

/**
 * Where nginx's `hash $http_x_user_id consistent` ring sends a header value (nginxHash.ts): what a
 * forger aims with under nginx and under the products that hash no header (ALB, Kubernetes) or keep a
 * table (Cloudflare).
 */
export function nginxHeaderPicker(s: SimState): (value: string) => ServerId | null {
  return partOf('nginx-hash').headerPicker(s)
}
