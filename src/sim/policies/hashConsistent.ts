// nginx `hash $cookie_uid consistent`: a ketama ring (160 points per unit of weight, CRC32). Adding a
// server moves only about 1/(n+1) of users. No cookie yet → round robin.

import type { RoutingPolicy } from './policy.ts'
import { nginxPick } from './nginxUpstream.ts'

export const hashConsistent: RoutingPolicy = {
  id: 'hash-consistent',
  label: 'Consistent hash (nginx hash … consistent)',
  sticky: true,
  describe: () => 'nginx hash $cookie_uid consistent: ketama ring, 160 points per server; no cookie → round robin',
  route(ctx) {
    const key = ctx.user.jar.uid ?? ''
    return nginxPick(ctx, 'hash-consistent', key, key ? `ring(uid=${key})` : 'no uid cookie')
  },
}
