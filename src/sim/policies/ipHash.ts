// nginx `ip_hash`: the first three octets of the client's IPv4 address (all of IPv6) pick the server,
// so everyone in one /24 — or behind one NAT — lands on the same backend. Exact nginx arithmetic.

import type { RoutingPolicy } from './policy.ts'
import { nginxPick } from './nginxUpstream.ts'

export const ipHash: RoutingPolicy = {
  id: 'ip-hash',
  label: 'IP hash (nginx ip_hash)',
  sticky: true,
  describe: () => 'nginx ip_hash: first three octets of the client IPv4 address',
  route(ctx) {
    const ip = ctx.user.ip
    const shown = ip.includes(':') ? ip : `${ip.split('.').slice(0, 3).join('.')}.x`
    return nginxPick(ctx, 'ip-hash', ip, `ip_hash(${shown})`)
  },
}
