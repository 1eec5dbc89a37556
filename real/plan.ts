// What a replay needs for a scenario and a design: which real load balancer plays the lab's routing
// policy, which stores run, and — when real software can't play it exactly — why not. One place
// decides this, for the CLI, the tests and the lab's "proven on real software" badge.

import { resolveConfig } from '../src/sim/config.ts'
import type { ScriptItem } from '../src/sim/interventions.ts'
import { SCENARIOS, type ScenarioId } from '../src/sim/scenarios/index.ts'
import type { PolicyId, SimConfig, StorageKind } from '../src/sim/types.ts'

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

/** The real products that play each of the lab's policies (none: simulation only). */
export const POLICY_PRODUCTS: Record<PolicyId, readonly Balancer[]> = {
  'round-robin': ['nginx', 'haproxy'],
  'least-connections': ['nginx'],
  'ip-hash': ['nginx'],
  hash: ['nginx'],
  'hash-consistent': ['nginx'],
  header: ['nginx'],
  cookie: ['haproxy'],
  random: [],
  'client-ip': [],
}

/** Why a policy is simulation only. */
export const SIMULATION_ONLY: Partial<Record<PolicyId, string>> = {
  random: 'nginx `random` draws from its own generator; the lab cannot share a random stream with a real load balancer, so no replay can choose the same servers',
  'client-ip': 'Kubernetes `sessionAffinity: ClientIP` is kube-proxy programming iptables/IPVS on a cluster node; there is no kube-proxy to run on 127.0.0.1',
}

export interface PlanOptions {
  readonly scenario: ScenarioId
  readonly seed?: number
  readonly policy?: PolicyId
  readonly storage?: StorageKind
  readonly lb?: Balancer
}

function policiesUsed(config: SimConfig, script: readonly ScriptItem[]): PolicyId[] {
  return [config.policy, ...script.flatMap((i) => (i.do.kind === 'setPolicy' ? [i.do.policy] : []))]
}

function storagesUsed(config: SimConfig, script: readonly ScriptItem[]): StorageKind[] {
  return [config.storage, ...script.flatMap((i) => (i.do.kind === 'setStorage' ? [i.do.storage] : []))]
}

export function makePlan(o: PlanOptions): Plan {
  const sc = SCENARIOS[o.scenario]
  const patches = [sc.config, ...(o.policy ? [{ policy: o.policy }] : []), ...(o.storage ? [{ storage: o.storage }] : [])]
  const config = resolveConfig(...patches)
  const script = [...sc.script].sort((a, b) => a.at - b.at)
  const policies = policiesUsed(config, script)
  for (const p of policies) {
    const why = SIMULATION_ONLY[p]
    if (why) throw new NotReplayable(`the "${p}" policy is simulation only: ${why}`)
  }
  const lb = o.lb ?? (policies.some((p) => !POLICY_PRODUCTS[p].includes('nginx')) ? 'haproxy' : 'nginx')
  for (const p of policies) {
    if (!POLICY_PRODUCTS[p].includes(lb)) {
      throw new NotReplayable(
        lb === 'nginx'
          ? `open-source nginx 1.22 has no cookie affinity (docs/facts/nginx-products.md §5): the lab's "${p}" policy plays on --lb haproxy`
          : `the lab's "${p}" policy is nginx's algorithm (docs/facts/nginx.md); HAProxy balances differently — use --lb nginx`,
      )
    }
  }
  const storages = storagesUsed(config, script)
  const jwtNeedsRedis = storages.includes('jwt') && (config.jwt.denyList || config.jwt.carts === 'shared' || script.some((i) => i.do.kind === 'setDenyList'))
  return {
    scenario: o.scenario,
    seed: o.seed ?? sc.seed,
    config,
    script,
    durationMs: sc.durationMs,
    lb,
    redis: storages.includes('shared') || jwtNeedsRedis,
    postgres: storages.includes('database'),
  }
}
