// nginx's smooth weighted round robin (ngx_http_upstream_get_peer): the fallback of every hash balancer.

import { skipReason, explainLine, type ExplainLine, type PeerView } from './peerView.ts'
import type { UpstreamServer } from './upstream.ts'

/**
 * Per-upstream round-robin state, owned by the caller and shared by all requests to that upstream.
 * `current[i]` / `effective[i]` are nginx's current_weight / effective_weight of peer i.
 */
export interface RoundRobinState {
  current: number[]
  effective: number[]
}

export function createRoundRobinState(servers: readonly UpstreamServer[]): RoundRobinState {
  return { current: servers.map(() => 0), effective: servers.map((s) => s.weight) }
}

export interface RoundRobinPick {
  index: number | null
  explain: ExplainLine[]
}

/**
 * One round-robin pick for a request that already tried `tried`. Mutates `rr` exactly like nginx:
 * every usable peer gains its effective weight (which creeps back up by 1 per pick after a failure),
 * the highest running weight wins (first in config order on ties) and pays back the total.
 */
export function roundRobinPick(rr: RoundRobinState, view: PeerView, tried: ReadonlySet<number>): RoundRobinPick {
  const { servers } = view
  const only = servers[0]
  if (servers.length === 1 && only) {
    // A one-server group is never "failed" and is used unless it is `down` (nginx's peers->single path).
    if (only.down) return { index: null, explain: [explainLine('none', `${only.name} is marked down`, 0)] }
    return { index: 0, explain: [explainLine('round-robin', `only one server → ${only.name}`, 0)] }
  }

  let best = -1
  let total = 0
  for (let i = 0; i < servers.length; i++) {
    const server = servers[i]
    if (!server || skipReason(view, tried, i) !== null) continue
    const effective = rr.effective[i] ?? server.weight
    rr.current[i] = (rr.current[i] ?? 0) + effective
    total += effective
    if (effective < server.weight) rr.effective[i] = effective + 1
    if (best < 0 || (rr.current[i] ?? 0) > (rr.current[best] ?? 0)) best = i
  }
  if (best < 0) return { index: null, explain: [explainLine('none', 'round robin: no server is usable')] }

  rr.current[best] = (rr.current[best] ?? 0) - total
  view.onSelected?.(best)
  const name = servers[best]?.name ?? String(best)
  return { index: best, explain: [explainLine('round-robin', `round robin picks ${name}`, best)] }
}

/** nginx's penalty for a failed attempt: effective_weight -= weight / max_fails (integer), never below 0. */
export function penalizeFailure(rr: RoundRobinState, servers: readonly UpstreamServer[], index: number): void {
  const server = servers[index]
  if (!server || server.maxFails === 0) return
  const effective = (rr.effective[index] ?? server.weight) - Math.floor(server.weight / server.maxFails)
  rr.effective[index] = Math.max(0, effective)
}
