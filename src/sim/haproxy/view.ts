// Which servers a HAProxy 2.6 backend may use right now: the admin state and weight of the config, plus
// the servers health checks have marked DOWN. See docs/facts/haproxy.md §Server states.

import type { HaproxyServer } from './servers.ts'

export interface BackendView {
  readonly servers: readonly HaproxyServer[]
  /** Indices of servers that health checks (`check`) currently mark DOWN. */
  readonly down: ReadonlySet<number>
}

export const NO_DOWN: ReadonlySet<number> = new Set()

export function viewOf(servers: readonly HaproxyServer[], down: ReadonlySet<number> = NO_DOWN): BackendView {
  return { servers, down }
}

/** srv_currently_usable(): the balancer may pick it (weight > 0, not drain, not maint, not DOWN). */
export function isUsable(view: BackendView, i: number): boolean {
  const s = view.servers[i]
  return s !== undefined && s.weight > 0 && s.state === 'ready' && !view.down.has(i)
}

/** cur_state != SRV_ST_STOPPED: maint and DOWN servers are stopped; drain and weight 0 are not. */
export function isRunning(view: BackendView, i: number): boolean {
  const s = view.servers[i]
  return s !== undefined && s.state !== 'maint' && !view.down.has(i)
}

export function usableIndices(view: BackendView): number[] {
  const out: number[] = []
  for (let i = 0; i < view.servers.length; i++) if (isUsable(view, i)) out.push(i)
  return out
}

/** A stable text key of what the lookup structures depend on (which servers are usable). */
export function usableKey(view: BackendView): string {
  return usableIndices(view).join(',')
}
