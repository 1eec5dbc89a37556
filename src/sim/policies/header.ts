// Header affinity: hash a request header (X-User-Id) onto a consistent-hash ring (nginx
// `hash $http_x_user_id consistent`). Trusted when a gateway injects it from the authenticated
// identity; forgeable when the client sets it — an attacker can pin itself to, or flood, any backend.

import { createPicker, ringFor } from '../nginx/index.ts'
import type { ServerId, SimState, User } from '../types.ts'
import type { RoutingPolicy } from './policy.ts'
import { nginxPick, upstreamOf } from './nginxUpstream.ts'

export const header: RoutingPolicy = {
  id: 'header',
  label: 'Header affinity',
  sticky: true,
  describe: (c) => `hash of the ${c.header.name} header (${c.header.source === 'gateway' ? 'injected by a trusted gateway' : 'as sent by the client — forgeable'})`,
  route(ctx) {
    const name = ctx.s.config.header.name
    const value = headerValue(ctx.s, ctx.user)
    return nginxPick(ctx, 'hash-consistent', value, value ? `${name}: ${value}` : `no ${name}`)
  },
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
 * What an attacker does: try values until one hashes to the target server — on nginx's ring, or on
 * HAProxy's (`pick` answers for a value). Cloudflare keeps header affinity in a table it fills by
 * random steering, so no value can be aimed at a server there.
 */
export function forgeValueFor(s: SimState, target: ServerId, pick?: (value: string) => ServerId | null): string {
  if (pick) {
    for (let n = 0; n < 10_000; n++) if (pick(`evil-${n}`) === target) return `evil-${n}`
    return 'evil-0'
  }
  const up = upstreamOf(s)
  const ring = ringFor(up.servers)
  for (let n = 0; n < 10_000; n++) {
    const value = `evil-${n}`
    const choice = createPicker('hash-consistent', { servers: up.servers, isFailed: () => false }, value, { current: up.servers.map(() => 0), effective: up.servers.map((x) => x.weight) }, ring).next()
    if (choice.index !== null && up.ids[choice.index] === target) return value
  }
  return 'evil-0'
}
