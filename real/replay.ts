// One replay, start to finish: plan → stack up → replay on the chosen clock → report → stack down
// (always, also on an error). Also the simulated run of the same plan, for --compare and the tests.

// Node runs every product's behaviour: register them all before any run is created.
import '../src/sim/products/engine/all.ts'
import { advanceTo } from '../src/sim/engine.ts'
import { report, type RunReport } from '../src/sim/report.ts'
import { createSim } from '../src/sim/state.ts'
import type { SimState } from '../src/sim/types.ts'
import { quietLog, type ReplayLog } from './drive/log.ts'
import { VirtualReplay } from './drive/virtual.ts'
import { WallReplay } from './drive/wall.ts'
import type { ServerId } from '../src/sim/types.ts'
import type { Plan } from './plan.ts'
import { releasePorts, Stack, type ClockOptions } from './stack/stack.ts'

export interface ReplayResult {
  readonly plan: Plan
  readonly state: SimState
  readonly report: RunReport
  readonly wallMs: number
  /** Model's clock: requests the load balancer sent on to another server after theirs died with them. */
  readonly movedOnDeath: number
}

/** The simulated run of exactly this plan (same config, addresses included, same seed and script). */
export function simulate(plan: Plan): { state: SimState; report: RunReport } {
  const state = advanceTo(createSim(plan.config, plan.seed), plan.durationMs, plan.script)
  return { state, report: report(state, plan.scenario) }
}

/**
 * Replays `basePlan` for real. `whileUp` runs with the result before everything is taken down (the
 * CLI prints the report there, and with --hold keeps it all running until Ctrl-C).
 */
export async function replay(
  basePlan: Plan,
  clock: ClockOptions = { clock: 'virtual', speed: 1 },
  log: ReplayLog = quietLog,
  whileUp?: (r: ReplayResult) => void | Promise<void>,
): Promise<ReplayResult> {
  const started = Date.now()
  const { plan, ports } = await Stack.prepare(basePlan)
  const driver = clock.clock === 'virtual' ? new VirtualReplay(plan, log) : new WallReplay(plan, clock.speed, log)
  let stack: Stack
  try {
    stack = await Stack.up(plan, ports, clock, driver)
  } catch (err) {
    releasePorts(ports)
    throw err
  }
  try {
    const state = await driver.run(stack)
    const sessions = await sessionsNow(stack, state)
    const r = report(state, plan.scenario)
    const servers = r.servers.map((x) => ({ ...x, sessions: sessions.get(x.id as ServerId) ?? 0 }))
    const movedOnDeath = driver instanceof VirtualReplay ? driver.movedOnDeath : 0
    const result = { plan, state, report: { ...r, servers }, wallMs: Date.now() - started, movedOnDeath }
    await whileUp?.(result)
    if (clock.hold) await holdUntilInterrupted(stack, log)
    return result
  } finally {
    stack.down()
  }
}

/** Live sessions in each running app server's memory at the end (the report's per-server sessions). */
async function sessionsNow(stack: Stack, s: SimState): Promise<Map<ServerId, number>> {
  const out = new Map<ServerId, number>()
  for (const srv of s.servers) {
    const app = stack.apps.get(srv.id)
    if (!app || !app.alive || srv.status === 'removed' || srv.status === 'crashed') continue
    out.set(srv.id, (await app.ask({ t: 'sessions', now: s.now }, 'sessions')).live)
  }
  return out
}

/** --hold: everything stays up (for curl, kill -9, a look at the logs) until Ctrl-C, which cleans up. */
function holdUntilInterrupted(stack: Stack, log: ReplayLog): Promise<void> {
  log.warn(`the scenario is over; everything keeps running on 127.0.0.1:${stack.lb.port} — press Ctrl-C to stop it and clean up`)
  return new Promise(() => undefined)
}
