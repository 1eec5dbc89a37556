// The headless run report (the CLI's `run --json` object). Field names are a public contract.

import { imbalance, latency, serverMetrics } from './metrics.ts'
import type { LbProductId, PolicyId, SimState } from './types.ts'

export interface RunReport {
  scenario: string
  seed: number
  /** The load balancer product and the routing policy the run ended with (ids). */
  lb: LbProductId
  policy: PolicyId
  simulatedMs: number
  requests: { total: number; ok: number; failed: number; retried: number }
  unexpectedLogouts: number
  cartsLost: number
  sessionsLost: number
  duplicateOrders: number
  affinityRemaps: number
  revokedTokenAccepted: number
  latencyMs: { p50: number; p95: number }
  imbalance: number
  servers: { id: string; status: string; requests: number; utilization: number; sessions: number }[]
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits

export function report(s: SimState, scenario: string): RunReport {
  const c = s.counters
  return {
    scenario,
    seed: s.seed,
    lb: s.config.lb,
    policy: s.config.policy,
    simulatedMs: s.now,
    requests: { total: c.requests, ok: c.ok, failed: c.failed, retried: c.retried },
    unexpectedLogouts: c.unexpectedLogouts,
    cartsLost: c.cartsLost,
    sessionsLost: c.sessionsLost,
    duplicateOrders: c.duplicateOrders,
    affinityRemaps: c.affinityRemaps,
    revokedTokenAccepted: c.revokedTokenAccepted,
    latencyMs: latency(s),
    imbalance: round(imbalance(s, 60_000)),
    servers: serverMetrics(s, 60_000).map((m) => ({
      id: m.id,
      status: m.status,
      requests: m.requests,
      utilization: round(m.utilization),
      sessions: m.sessions,
    })),
  }
}
