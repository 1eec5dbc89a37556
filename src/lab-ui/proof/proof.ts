// The one table of what is proven on real software: each scenario under its own design and under the
// opposite one (sticky ↔ stateless), replayed by `npm run test:real` (real/test/suite.ts runs exactly
// these rows and fails when a row marked proven no longer gives the simulation's counters), or
// simulation only with the reason. The lesson scenes' and the lab's badge (ProofBadge.tsx) and the
// #/real page (src/features/real) read it, so they can't claim more than CI checks. Pure data: no imports at run time.

import type { LbProductId, PolicyId, StorageKind } from '../../sim/types.ts'

export interface ProofRow {
  readonly scenario: string
  /** `default`: the scenario's own design; `opposite`: sticky ↔ stateless (real/test/suite.ts `opposite`). */
  readonly design: 'default' | 'opposite'
  readonly lb: LbProductId
  readonly policy: PolicyId
  readonly storage: StorageKind
  /** Replayed with equal counters, `SEEDS_PER_DESIGN` seeds (the scenario's own and +101). */
  readonly proven: boolean
  /** Why not (simulation only). */
  readonly why?: string
}

export const SEEDS_PER_DESIGN = 2

/** What the replay ran on (Debian 12 packages; Node for the app servers). */
export const REAL_VERSIONS: readonly { readonly name: string; readonly version: string }[] = [
  { name: 'nginx', version: '1.22.1' },
  { name: 'HAProxy', version: '2.6.12' },
  { name: 'Redis', version: '7.0.15' },
  { name: 'PostgreSQL', version: '15' },
  { name: 'Node.js', version: '20 (node:http app servers)' },
]

const ALB = 'an AWS Application Load Balancer is a managed service: nothing to run on 127.0.0.1 (the same design on HAProxy is replayed — see the list)'
const p = (scenario: string, design: ProofRow['design'], lb: LbProductId, policy: PolicyId, storage: StorageKind): ProofRow => ({ scenario, design, lb, policy, storage, proven: true })
const s = (scenario: string, design: ProofRow['design'], lb: LbProductId, policy: PolicyId, storage: StorageKind, why: string): ProofRow => ({ scenario, design, lb, policy, storage, proven: false, why })

export const REAL_PROOF: readonly ProofRow[] = [
  p('scale-out-no-affinity', 'default', 'haproxy', 'round-robin', 'memory'),
  p('scale-out-no-affinity', 'opposite', 'haproxy', 'cookie', 'memory'),
  s('cookie-affinity', 'default', 'alb', 'cookie', 'memory', ALB),
  s('cookie-affinity', 'opposite', 'alb', 'round-robin', 'shared', ALB),
  // The same two designs with HAProxy in the middle (npm run real -- --scenario cookie-affinity --lb haproxy).
  p('cookie-affinity', 'default', 'haproxy', 'cookie', 'memory'),
  p('cookie-affinity', 'opposite', 'haproxy', 'round-robin', 'shared'),
  p('affinity-ttl-expiry', 'default', 'haproxy', 'cookie', 'memory'),
  p('affinity-ttl-expiry', 'opposite', 'haproxy', 'round-robin', 'shared'),
  p('ip-hash-nat-hotspot', 'default', 'nginx', 'ip-hash', 'memory'),
  p('ip-hash-nat-hotspot', 'opposite', 'nginx', 'round-robin', 'shared'),
  p('mobile-ip-change', 'default', 'nginx', 'ip-hash', 'memory'),
  p('mobile-ip-change', 'opposite', 'nginx', 'round-robin', 'shared'),
  p('header-spoofing', 'default', 'nginx', 'header', 'memory'),
  p('header-spoofing', 'opposite', 'nginx', 'round-robin', 'shared'),
  p('crash-sticky-memory', 'default', 'haproxy', 'cookie', 'memory'),
  p('crash-sticky-memory', 'opposite', 'haproxy', 'round-robin', 'shared'),
  p('heavy-users-hotspot', 'default', 'nginx', 'ip-hash', 'memory'),
  p('heavy-users-hotspot', 'opposite', 'nginx', 'round-robin', 'shared'),
  p('autoscale-sticky', 'default', 'haproxy', 'cookie', 'memory'),
  p('autoscale-sticky', 'opposite', 'haproxy', 'round-robin', 'shared'),
  p('rolling-deploy', 'default', 'haproxy', 'cookie', 'memory'),
  p('rolling-deploy', 'opposite', 'haproxy', 'round-robin', 'shared'),
  p('one-hot-backend', 'default', 'haproxy', 'cookie', 'memory'),
  p('one-hot-backend', 'opposite', 'haproxy', 'round-robin', 'shared'),
  p('shared-store', 'default', 'nginx', 'round-robin', 'shared'),
  p('shared-store', 'opposite', 'nginx', 'hash-consistent', 'memory'),
  p('database-store', 'default', 'nginx', 'round-robin', 'database'),
  p('database-store', 'opposite', 'nginx', 'hash-consistent', 'memory'),
  p('store-outage', 'default', 'nginx', 'round-robin', 'shared'),
  p('store-outage', 'opposite', 'nginx', 'hash-consistent', 'memory'),
  p('jwt-tokens', 'default', 'haproxy', 'cookie', 'jwt'),
  p('jwt-tokens', 'opposite', 'haproxy', 'round-robin', 'shared'),
  p('consistent-hash-scaling', 'default', 'nginx', 'hash', 'memory'),
  p('consistent-hash-scaling', 'opposite', 'nginx', 'round-robin', 'shared'),
  p('retry-duplicates', 'default', 'nginx', 'round-robin', 'shared'),
  p('retry-duplicates', 'opposite', 'nginx', 'hash-consistent', 'memory'),
  // The canary's requests and "affinity off" are HAProxy's ignore-persist (real/stack/haproxyRuntime.ts).
  p('migration-plan', 'default', 'haproxy', 'cookie', 'memory'),
  p('migration-plan', 'opposite', 'haproxy', 'round-robin', 'shared'),
  // HAProxy's retries of the reconnects are watched on its runtime API (real/drive/haproxyRetries.ts).
  p('websocket-affinity', 'default', 'haproxy', 'cookie', 'shared'),
  p('websocket-affinity', 'opposite', 'haproxy', 'round-robin', 'shared'),
]

const NO_ROW = 'this scenario and design are not in the replayed set (only each scenario’s own design and its opposite are)'
const NO_SCENARIO = 'a free-form run is not replayed (only the scenarios are)'

export type Proof = { readonly proven: true; readonly on: string } | { readonly proven: false; readonly why: string }

const ON: Partial<Record<LbProductId, string>> = { nginx: 'nginx', haproxy: 'HAProxy' }

/** The badge's verdict for a scenario run under this load balancer, policy and storage. */
export function proofFor(scenario: string | null, d: { readonly lb: LbProductId; readonly policy: PolicyId; readonly storage: StorageKind }): Proof {
  if (d.policy === 'random') return { proven: false, why: 'a random balancer cannot share the model’s random stream' }
  if (d.policy === 'client-ip' && d.lb === 'kube-proxy') return { proven: false, why: 'kube-proxy programs a cluster node’s iptables/IPVS; there is no cluster on 127.0.0.1' }
  if (scenario === null) return { proven: false, why: NO_SCENARIO }
  const row = REAL_PROOF.find((r) => r.scenario === scenario && r.lb === d.lb && r.policy === d.policy && r.storage === d.storage)
  if (!row) return { proven: false, why: NO_ROW }
  if (!row.proven) return { proven: false, why: row.why ?? NO_ROW }
  const stores = d.storage === 'shared' ? ' + Redis' : d.storage === 'database' ? ' + PostgreSQL' : ''
  return { proven: true, on: `${ON[d.lb] ?? d.lb}${stores}` }
}
