// What a replay needs for a scenario and a design: which real load balancer plays the lab's routing
// policy, which stores run, and — when real software can't play it exactly — why not. One place
// decides this, for the CLI, the tests and the lab's "proven on real software" badge.

import { resolveConfig } from '../src/sim/config.ts'
import type { ScriptItem } from '../src/sim/interventions.ts'
import { SCENARIOS, type ScenarioId } from '../src/sim/scenarios/index.ts'
import { policyUnder, productById } from '../src/sim/products/registry.ts'
import type { LbProductId, PolicyId, SimConfig, StorageKind } from '../src/sim/types.ts'

export type Balancer = 'nginx' | 'haproxy'

export interface Plan {
  readonly scenario: ScenarioId
  readonly seed: number
  readonly config: SimConfig
  readonly script: readonly ScriptItem[]
  readonly durationMs: number
  readonly lb: Balancer
  readonly redis: boolean
  readonly postgres: boolean
}

export class NotReplayable extends Error {}

/** Products the replay can start on 127.0.0.1 (Debian packages). */
export const RUNNABLE: readonly LbProductId[] = ['nginx', 'haproxy']

/** Why a product is simulation only. */
export const PRODUCT_SIMULATION_ONLY: Partial<Record<LbProductId, string>> = {
  alb: 'an AWS Application Load Balancer is a managed service; nothing to install and run on 127.0.0.1',
  'kube-proxy': 'a Kubernetes Service is kube-proxy programming iptables/IPVS on cluster nodes; there is no cluster on 127.0.0.1',
  cloudflare: 'Cloudflare Load Balancing runs at Cloudflare’s edge; nothing to install and run on 127.0.0.1',
}

/** Why a policy is simulation only, whatever the product. */
export const POLICY_SIMULATION_ONLY: Partial<Record<PolicyId, string>> = {
  random: 'a random balancer draws from its own generator; no replay can share the model’s random stream, so no replay can choose the same servers',
}

export interface PlanOptions {
  readonly scenario: ScenarioId
  readonly seed?: number
  readonly policy?: PolicyId
  readonly storage?: StorageKind
  readonly lb?: LbProductId
}

function policiesUsed(config: SimConfig, script: readonly ScriptItem[]): PolicyId[] {
  return [config.policy, ...script.flatMap((i) => (i.do.kind === 'setPolicy' ? [policyUnder(config.lb, i.do.policy).policy] : []))]
}

function storagesUsed(config: SimConfig, script: readonly ScriptItem[]): StorageKind[] {
  return [config.storage, ...script.flatMap((i) => (i.do.kind === 'setStorage' ? [i.do.storage] : []))]
}

/** Why real software cannot play this product and policy (null: it can). */
export function simulationOnly(lb: LbProductId, policy: PolicyId): string | null {
  const why = PRODUCT_SIMULATION_ONLY[lb]
  if (why) return `${productById(lb).label} is simulation only: ${why}`
  const p = POLICY_SIMULATION_ONLY[policy]
  return p ? `the "${policy}" policy is simulation only: ${p}` : null
}

export function makePlan(o: PlanOptions): Plan {
  const sc = SCENARIOS[o.scenario]
  const patches = [sc.config, ...(o.lb ? [{ lb: o.lb }] : []), ...(o.policy ? [{ policy: o.policy }] : []), ...(o.storage ? [{ storage: o.storage }] : [])]
  const config = resolveConfig(...patches)
  const script = [...sc.script].sort((a, b) => a.at - b.at)
  for (const p of policiesUsed(config, script)) {
    const why = simulationOnly(config.lb, p)
    if (why) throw new NotReplayable(why)
  }
  const storages = storagesUsed(config, script)
  const jwtNeedsRedis = storages.includes('jwt') && (config.jwt.denyList || config.jwt.carts === 'shared' || script.some((i) => i.do.kind === 'setDenyList'))
  return {
    scenario: o.scenario,
    seed: o.seed ?? sc.seed,
    config,
    script,
    durationMs: sc.durationMs,
    lb: config.lb as Balancer,
    redis: storages.includes('shared') || jwtNeedsRedis,
    postgres: storages.includes('database'),
  }
}
