// Header affinity: hash a request header (X-User-Id) onto a consistent-hash ring (nginx
// `hash $http_x_user_id consistent`). Trusted when a gateway injects it from the authenticated
// identity; forgeable when the client sets it — an attacker can pin itself to, or flood, any backend.

import type { ServerId, SimState, User } from '../types.ts'
import type { RoutingPolicy } from './policy.ts'

// Routed by the product: nginx's ring (products/engine/nginxRoutes.ts), HAProxy's hdr(), Cloudflare's table.
export const header: RoutingPolicy = {
  id: 'header',
  label: 'Header affinity',
  sticky: true,
  describe: (c) => `hash of the ${c.header.name} header (${c.header.source === 'gateway' ? 'injected by a trusted gateway' : 'as sent by the client — forgeable'})`,
}

/**
 * The header value the load balancer sees for this user's request: the user's id, as a gateway would
 * inject it (or the app would send it) — unless a client-set header was forged.
 */
export function headerValue(s: SimState, user: User): string {
  const identity = `user-${user.id}`
  if (s.config.header.source === 'gateway') return identity
  return user.forgedHeader ?? identity
}

/**
 * What an attacker does: try values until one hashes to the target server on the product's ring
 * (`pick` answers for a value: nginx's or HAProxy's, behaviour.headerPicker). Cloudflare keeps header
 * affinity in a table it fills by random steering, so no value can be aimed at a server there.
 */
export function forgeValueFor(target: ServerId, pick: (value: string) => ServerId | null): string {
  for (let n = 0; n < 10_000; n++) if (pick(`evil-${n}`) === target) return `evil-${n}`
  return 'evil-0'
}
