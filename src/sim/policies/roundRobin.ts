// Round robin: the next available server in order, no affinity (nginx's default, HAProxy `balance
// roundrobin`, ALB `round_robin`, IPVS `rr`; the lab's rotation stands for each with equal weights).

import type { RoutingPolicy } from './policy.ts'

export const roundRobin: RoutingPolicy = {
  id: 'round-robin',
  label: 'Round robin',
  sticky: false,
  describe: () => 'round robin: each request to the next server in turn',
  route(ctx) {
    const srv = ctx.roundRobin()
    if (!srv) return ctx.none()
    return { server: srv.id, decision: `round robin → ${srv.id}` }
  },
}
