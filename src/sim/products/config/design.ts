// The design a "Config for this design" text is written from: the product, the routing policy as
// asked (possibly one the product lacks), the servers with their weights and states, and the affinity,
// health-check, retry and drain settings of the run. `designOf` reads it from a running simulation;
// the conformance run builds random ones. Pure data, no product knowledge (that is in each writer).

import { serverIndex } from '../../servers.ts'
import type { LbProductId, PolicyId, ServerId, SimConfig, SimState } from '../../types.ts'

/**
 * A server as the configuration lists it:
 * - `ready`: in rotation;
 * - `drain`: being taken out (no new clients; the product's drain or deregistration);
 * - `maint`: not in rotation yet (a server being added, or a deploy's new version, while it boots);
 * - `stopped`: listed, but its process is down — the product finds out by its checks or failures.
 */
export type ConfigServerState = 'ready' | 'drain' | 'maint' | 'stopped'

export interface ConfigServer {
  /** The lab's letter (A–J): HAProxy's server name and cookie value, the name elsewhere. */
  readonly id: ServerId
  /** 1-based position among the lab's servers (A = 1): HAProxy's explicit `id`, so ring points never move. */
  readonly index: number
  readonly host: string
  readonly port: number
  readonly weight: number
  readonly state: ConfigServerState
}

/** The run's settings a configuration can carry (a subset of SimConfig). */
export type ConfigSettings = Pick<
  SimConfig,
  'lb' | 'policy' | 'cookie' | 'clientIpTimeoutMs' | 'header' | 'health' | 'passive' | 'failover' | 'lbRetry' | 'drainTimeoutMs'
>

export interface ConfigDesign {
  readonly settings: ConfigSettings
  /** The policy the learner asked for, when the product runs a stand-in for it (shown as a comment). */
  readonly asked?: PolicyId
  readonly servers: readonly ConfigServer[]
  /** Where the load balancer listens (nginx `listen`, HAProxy `bind`, the Service port); default port 80. */
  readonly listen?: { readonly host?: string; readonly port: number }
}

export const lbOf = (d: ConfigDesign): LbProductId => d.settings.lb

function stateOf(status: SimState['servers'][number]['status'], fresh: boolean): ConfigServerState | null {
  switch (status) {
    case 'removed':
      return null
    case 'draining':
      return 'drain'
    case 'crashed':
      return 'stopped'
    case 'starting':
      // A process the load balancer has not seen yet is not in rotation; a restarting one is listed but down.
      return fresh ? 'maint' : 'stopped'
    case 'up':
      return 'ready'
  }
}

/** "10.0.0.11:3000" → host and port (a bare host gets port 80). */
export function splitAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':')
  const port = at > 0 ? Number(address.slice(at + 1)) : NaN
  return Number.isInteger(port) && port > 0 ? { host: address.slice(0, at), port } : { host: address, port: 80 }
}

/** The design of the run `s` at its current moment; `asked` = the policy the learner chose, if known. */
export function designOf(s: SimState, asked?: PolicyId): ConfigDesign {
  const c = s.config
  const servers: ConfigServer[] = []
  for (const srv of s.servers) {
    const state = stateOf(srv.status, srv.fresh)
    if (state === null) continue
    const { host, port } = splitAddress(srv.address)
    servers.push({ id: srv.id, index: serverIndex(srv.id) + 1, host, port, weight: srv.weight, state })
  }
  const settings: ConfigSettings = {
    lb: c.lb,
    policy: c.policy,
    cookie: c.cookie,
    clientIpTimeoutMs: c.clientIpTimeoutMs,
    header: c.header,
    health: c.health,
    passive: c.passive,
    failover: c.failover,
    lbRetry: c.lbRetry,
    drainTimeoutMs: c.drainTimeoutMs,
  }
  return { settings, ...(asked !== undefined && asked !== c.policy ? { asked } : {}), servers }
}
