// App servers A–J: addresses, status, capacity and the busy-time bookkeeping behind utilisation.

import { createHistogram } from './histogram.ts'
import { createRng, type Rng } from './rng.ts'
import { isLive } from './storage.ts'
import { SERVER_IDS, type Server, type ServerId, type SimConfig, type SimMs, type SimState } from './types.ts'

/**
 * The upstream line for server `index`, as it would appear in an nginx config: the config's own
 * (the replay on real software runs on loopback ports) or 10.0.0.11:3000, 10.0.0.12:3000, …
 */
export function serverAddress(config: Pick<SimConfig, 'serverAddresses'>, index: number): string {
  return config.serverAddresses[index] ?? `10.0.0.${11 + index}:3000`
}

/**
 * The random stream of one server process's service times: its own per (server, incarnation), so a
 * server's work does not depend on who else is served, and a restarted process starts a fresh stream
 * — which a real app server can draw itself (real/app/, docs/DECISIONS.md 2026-11-30, "Each server its own service-time stream").
 */
export function serverRng(seed: number, index: number, version: number): Rng {
  return createRng(seed, 100_000 + index * 10_000 + version)
}

export function makeServer(seed: number, config: Pick<SimConfig, 'serverAddresses'>, index: number, now: SimMs, status: 'up' | 'starting'): Server {
  return {
    v: 0,
    id: SERVER_IDS[index]!,
    address: serverAddress(config, index),
    weight: 1,
    status,
    statusSince: now,
    version: 1,
    rng: serverRng(seed, index, 1),
    healthy: status === 'up',
    fresh: status !== 'up',
    probeFails: 0,
    probeOks: 0,
    fails: 0,
    failedAt: -1,
    checkedAt: -1,
    busy: 0,
    queue: [],
    memory: new Map(),
    connections: 0,
    requests: 0,
    errors: 0,
    busyMsTotal: 0,
    busyChangedAt: now,
    drainDeadline: -1,
    latency: createHistogram(),
  }
}

/** 'A' → 0 … 'J' → 9. */
export function serverIndex(id: ServerId): number {
  return id.charCodeAt(0) - 65
}

/** Does the process accept connections? (A crashed or still-booting server refuses them.) */
export function accepts(srv: Server): boolean {
  return srv.status === 'up' || srv.status === 'draining'
}

/** Integrate busy-worker time up to `now` before `busy` changes. */
export function settleBusy(srv: Server, now: SimMs): void {
  srv.busyMsTotal += srv.busy * (now - srv.busyChangedAt)
  srv.busyChangedAt = now
}

/** Busy worker-milliseconds up to `now`, without mutating. */
export function busyMsAt(srv: Server, now: SimMs): number {
  return srv.busyMsTotal + srv.busy * (now - srv.busyChangedAt)
}

/** nginx's clock: whole seconds (ngx_time()); -1 (never) is long ago, as nginx's 0 is. */
export function nginxSecond(ms: SimMs): number {
  return ms < 0 ? -1e12 : Math.floor(ms / 1000)
}

/** nginx passive health: max_fails failures, and fail_timeout not yet passed since the window began
 *  (`now - checked <= fail_timeout` in whole seconds; docs/facts/nginx-products.md §2). */
export function passivelyFailed(s: SimState, srv: Server): boolean {
  const { maxFails, failTimeoutMs } = s.config.passive
  return maxFails > 0 && srv.fails >= maxFails && nginxSecond(s.now) - nginxSecond(srv.checkedAt) <= failTimeoutMs / 1000
}

/** Live (not idle-expired) sessions held in this server's memory. */
export function liveSessionCount(s: SimState, srv: Server): number {
  let n = 0
  for (const session of srv.memory.values()) if (isLive(session, s.now, s.config.sessionIdleMs)) n += 1
  return n
}
