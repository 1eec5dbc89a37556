// Least connections: the server with the fewest requests in flight (nginx least_conn, ALB
// least_outstanding_requests). Ties go to the next server in round-robin order.

import type { RoutingPolicy } from './policy.ts'

export const leastConnections: RoutingPolicy = {
  id: 'least-connections',
  label: 'Least connections',
  sticky: false,
  describe: () => 'least connections: the server with the fewest requests in flight',
  route(ctx) {
    const candidates = ctx.candidates()
    if (candidates.length === 0) return ctx.none()
    let best = Infinity
    for (const srv of candidates) best = Math.min(best, (srv.busy + srv.queue.length) / srv.weight)
    const tied = candidates.filter((srv) => (srv.busy + srv.queue.length) / srv.weight === best)
    const chosen = ctx.roundRobin(tied) ?? tied[0]!
    return { server: chosen.id, decision: `fewest in flight (${best}) → ${chosen.id}` }
  },
}
