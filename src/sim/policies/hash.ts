// nginx `hash $cookie_uid`: modulo hashing on a stable visitor cookie (CRC32, 15-bit slice). Adding or
// removing a server remaps most users. No cookie yet (the very first request) → round robin.

import type { RoutingPolicy } from './policy.ts'

// Routed by nginx itself (products/engine/nginxRoutes.ts): the algorithm loads with its product.
export const hash: RoutingPolicy = {
  id: 'hash',
  label: 'Key hash (nginx hash)',
  sticky: true,
  describe: () => 'nginx hash $cookie_uid: modulo over the servers; no cookie → round robin',
}
