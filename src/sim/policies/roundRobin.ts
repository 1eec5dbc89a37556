// Round robin: the next available server in order, no affinity (AWS ALB's default algorithm).

import type { RoutingPolicy } from './policy.ts'
import { noServer } from './policy.ts'

export const roundRobin: RoutingPolicy = {
  id: 'round-robin',
  label: 'Round robin',
  sticky: false,
  describe: () => 'round robin: each request to the next server in turn',
  route(ctx) {
    const srv = ctx.roundRobin()
    if (!srv) return noServer('no healthy server → 503')
    return { server: srv.id, decision: `round robin → ${srv.id}` }
  },
}
