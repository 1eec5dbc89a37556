// nginx's own routing algorithms as the lab's policies use them — round robin, `ip_hash`,
// `hash $cookie_uid`, `hash $cookie_uid consistent`, `hash $http_x_user_id consistent` — run by the exact nginx code
// (src/sim/nginx through nginxUpstream.ts). Part of the nginx product: this file and what it imports
// load in the browser only with a product that needs them (docs/DECISIONS.md "Products load on demand").

import { createPicker, ringFor } from '../../nginx/index.ts'
import { headerValue } from '../../policies/header.ts'
import type { RouteContext, RouteResult } from '../../policies/policy.ts'
import type { PolicyId, ServerId, SimState } from '../../types.ts'
import { nginxPick, upstreamOf } from './nginxUpstream.ts'

/** Routes the policies that are nginx algorithms; null for the lab's generic ones (round robin…). */
export function nginxRoute(ctx: RouteContext, policy: PolicyId): RouteResult | null {
  switch (policy) {
    case 'round-robin':
      // nginx's smooth weighted round robin, with a failed peer's weight penalty (docs/facts/nginx.md).
      return nginxPick(ctx, 'round-robin', '', 'round robin')
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
 * Where nginx's `hash $http_x_user_id consistent` ring sends a header value, every server counted as
 * up (a forger aims at the ring, not at the servers' health). Also what a forger aims with under the
 * products that hash no header (ALB, Kubernetes) or keep a table (Cloudflare).
 */
export function nginxHeaderPicker(s: SimState): (value: string) => ServerId | null {
  const up = upstreamOf(s)
  const ring = ringFor(up.servers)
  return (value) => {
    const choice = createPicker('hash-consistent', { servers: up.servers, isFailed: () => false }, value, { current: up.servers.map(() => 0), effective: up.servers.map((x) => x.weight) }, ring).next()
    return choice.index === null ? null : up.ids[choice.index]!
  }
}
