// Random: any available server, uniformly (nginx `random`, no affinity).

import type { RoutingPolicy } from './policy.ts'

export const random: RoutingPolicy = {
  id: 'random',
  label: 'Random',
  sticky: false,
  describe: () => 'random: any healthy server, uniformly',
  route(ctx) {
    const candidates = ctx.candidates()
    if (candidates.length === 0) return ctx.none()
    const srv = candidates[Math.floor(ctx.random() * candidates.length)]!
    return { server: srv.id, decision: `random → ${srv.id}` }
  },
}
