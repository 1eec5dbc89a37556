// The lab as the host API reports it (getState, replies, `state` events): scenario, design, time and
// the counters a course page shows — plain JSON, built from the store, nothing else.

import { liveSessionCount, SCENARIOS } from '../../../lab-ui/engine.ts'
import { modeOf, type LabState as StoreState } from '../../../store/labStore.ts'
import type { LabState } from './client.ts'

export function snapshot(s: StoreState): LabState {
  const sim = s.sim
  const c = sim.counters
  return {
    scenario: s.scenarioId,
    title: SCENARIOS[s.scenarioId].title,
    design: modeOf(sim),
    policy: sim.config.policy,
    storage: sim.config.storage,
    seed: s.seed,
    timeMs: sim.now,
    horizonMs: s.horizon,
    durationMs: SCENARIOS[s.scenarioId].durationMs,
    playing: s.playing,
    speed: s.speed,
    users: sim.users.length,
    counters: { requests: c.requests, ok: c.ok, failed: c.failed, unexpectedLogouts: c.unexpectedLogouts, cartsLost: c.cartsLost, sessionsLost: c.sessionsLost },
    servers: sim.servers.map((srv) => ({ id: srv.id, status: srv.status, sessions: liveSessionCount(sim, srv), requests: srv.requests })),
  }
}
