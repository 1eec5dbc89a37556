// A headless harness that reads like a lesson:
//   lab(7).lb('haproxy').servers(3).users(6).policy('cookie').at(30_000).crash('B').run(60_000)
// Scenarios, tests, the CLI and benchmarks all build runs through it.

import { resolveConfig, type ConfigPatch } from './config.ts'
// Tests, the CLI and the bench run every product: all of them registered (products/engine/index.ts).
import './products/engine/all.ts'
import { advanceTo } from './engine.ts'
import type { Intervention, ScriptItem } from './interventions.ts'
import { SCENARIOS, type ScenarioId } from './scenarios/index.ts'
import { createSim } from './state.ts'
import type { LbProductId, PolicyId, ServerId, SimConfig, SimMs, SimState, StorageKind } from './types.ts'

export class LabBuilder {
  private patches: ConfigPatch[] = []
  private script: ScriptItem[] = []
  private cursor: SimMs = 0

  constructor(private seedValue: number) {}

  scenario(id: ScenarioId): this {
    const sc = SCENARIOS[id]
    this.seedValue = sc.seed
    this.patches.push(sc.config)
    this.script.push(...sc.script)
    return this
  }
  seed(n: number): this {
    this.seedValue = n
    return this
  }
  config(patch: ConfigPatch): this {
    this.patches.push(patch)
    return this
  }
  servers(n: number): this {
    return this.config({ servers: n })
  }
  users(n: number): this {
    return this.config({ users: n })
  }
  /** The load balancer product (src/sim/products/). */
  lb(id: LbProductId): this {
    return this.config({ lb: id })
  }
  policy(p: PolicyId): this {
    return this.config({ policy: p })
  }
  storage(st: StorageKind): this {
    return this.config({ storage: st })
  }
  /** Later interventions happen at this simulated time. */
  at(t: SimMs): this {
    this.cursor = t
    return this
  }
  do(iv: Intervention): this {
    this.script.push({ at: this.cursor, do: iv })
    return this
  }
  crash(server: ServerId): this {
    return this.do({ kind: 'crashServer', server })
  }
  restart(server: ServerId): this {
    return this.do({ kind: 'restartServer', server })
  }
  addServer(): this {
    return this.do({ kind: 'addServer' })
  }
  /** Drop the scripted interventions (keep config and seed). */
  withoutScript(): this {
    this.script = []
    return this
  }

  get resolvedConfig(): SimConfig {
    return resolveConfig(...this.patches)
  }
  get scriptItems(): readonly ScriptItem[] {
    return [...this.script].sort((a, b) => a.at - b.at)
  }
  get seedNumber(): number {
    return this.seedValue
  }

  /** The initial state. */
  start(): SimState {
    return createSim(this.resolvedConfig, this.seedValue)
  }

  /** Run from the start to `until` and return the final state. */
  run(until: SimMs): SimState {
    return advanceTo(this.start(), until, this.scriptItems)
  }

  /** Run and return the state at each of `times` (ascending), one state per time. */
  runAt<const T extends readonly SimMs[]>(times: T): { [K in keyof T]: SimState } {
    const script = this.scriptItems
    let s = this.start()
    return times.map((t) => (s = advanceTo(s, t, script))) as { [K in keyof T]: SimState }
  }
}

export function lab(seed = 1): LabBuilder {
  return new LabBuilder(seed)
}
