// One replay, start to finish: plan → stack up → replay on the chosen clock → report → stack down
// (always, also on an error). Also the simulated run of the same plan, for --compare and the tests.

import { advanceTo } from '../src/sim/engine.ts'
import { report, type RunReport } from '../src/sim/report.ts'
import { createSim } from '../src/sim/state.ts'
import type { SimState } from '../src/sim/types.ts'
import { quietLog, type ReplayLog } from './drive/log.ts'
import { VirtualReplay } from './drive/virtual.ts'
import type { Plan } from './plan.ts'
import { Stack, type ClockOptions } from './stack/stack.ts'

export interface ReplayResult {
  readonly plan: Plan
  readonly state: SimState
  readonly report: RunReport
  readonly wallMs: number
}

/** The simulated run of exactly this plan (same config, addresses included, same seed and script). */
export function simulate(plan: Plan): { state: SimState; report: RunReport } {
  const state = advanceTo(createSim(plan.config, plan.seed), plan.durationMs, plan.script)
  return { state, report: report(state, plan.scenario) }
}

export async function replay(basePlan: Plan, clock: ClockOptions = { clock: 'virtual', speed: 1 }, log: ReplayLog = quietLog): Promise<ReplayResult> {
  const started = Date.now()
  const { plan, ports } = await Stack.prepare(basePlan)
  if (clock.clock !== 'virtual') throw new Error('--clock real is not available yet')
  const driver = new VirtualReplay(plan, log)
  const stack = await Stack.up(plan, ports, clock, driver)
  try {
    const state = await driver.run(stack)
    const sessions = await driver.sessionsNow()
    const r = report(state, plan.scenario)
    const servers = r.servers.map((x) => ({ ...x, sessions: sessions.get(x.id as never) ?? 0 }))
    return { plan, state, report: { ...r, servers }, wallMs: Date.now() - started }
  } finally {
    stack.down()
  }
}
