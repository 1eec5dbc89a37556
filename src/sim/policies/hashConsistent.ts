// nginx `hash $cookie_uid consistent`: a ketama ring (160 points per unit of weight, CRC32). Adding a
// server moves only about 1/(n+1) of users. No cookie yet → round robin.

import type { RoutingPolicy } from './policy.ts'

// Routed by nginx itself (products/engine/nginxRoutes.ts): the algorithm loads with its product.
export const hashConsistent: RoutingPolicy = {
  id: 'hash-consistent',
  label: 'Consistent hash (nginx hash … consistent)',
  sticky: true,
  describe: () => 'nginx hash $cookie_uid consistent: ketama ring, 160 points per server; no cookie → round robin',
}
