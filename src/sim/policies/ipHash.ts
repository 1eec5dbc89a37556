// nginx `ip_hash`: the first three octets of the client's IPv4 address (all of IPv6) pick the server,
// so everyone in one /24 — or behind one NAT — lands on the same backend. Exact nginx arithmetic.

import type { RoutingPolicy } from './policy.ts'

// Routed by nginx itself (products/engine/nginxRoutes.ts): the algorithm loads with its product.
export const ipHash: RoutingPolicy = {
  id: 'ip-hash',
  label: 'IP hash (nginx ip_hash)',
  sticky: true,
  describe: () => 'nginx ip_hash: first three octets of the client IPv4 address',
}
