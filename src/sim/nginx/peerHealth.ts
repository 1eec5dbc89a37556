// nginx's passive health accounting (fails / checked / accessed, max_fails, fail_timeout) as plain data.
//
// nginx reads the clock in whole seconds (ngx_time()), so a peer that failed at 3.7 s with
// fail_timeout=10s is skipped until 13.999 s. We keep that granularity: times are stored in seconds.

import type { PeerView } from './peerView.ts'
import { penalizeFailure, type RoundRobinState } from './roundRobin.ts'
import type { UpstreamServer } from './upstream.ts'

/** "Long ago": nginx starts these at 0 on an epoch clock; simulated clocks start near 0, so use a far past. */
const NEVER_SEC = -1e12

export interface PeerHealthEntry {
  /** Failed attempts counted in the current window (nginx `fails`). */
  fails: number
  /** Whole seconds: start of the current window / last probe (nginx `checked`). */
  checkedSec: number
  /** Whole seconds: time of the last failure (nginx `accessed`). */
  accessedSec: number
}

export interface PeerHealth {
  readonly servers: readonly UpstreamServer[]
  peers: PeerHealthEntry[]
}

export function createPeerHealth(servers: readonly UpstreamServer[]): PeerHealth {
  return { servers, peers: servers.map(() => ({ fails: 0, checkedSec: NEVER_SEC, accessedSec: NEVER_SEC })) }
}

const toSec = (ms: number): number => Math.floor(ms / 1000)

/** Would nginx skip peer `index` at `nowMs` because of recent failures? One-server groups never fail. */
export function isFailed(h: PeerHealth, index: number, nowMs: number): boolean {
  const server = h.servers[index]
  const peer = h.peers[index]
  if (!server || !peer || h.servers.length === 1 || server.maxFails === 0) return false
  return peer.fails >= server.maxFails && toSec(nowMs) - peer.checkedSec <= server.failTimeoutMs / 1000
}

/**
 * nginx, on selecting a peer: once the fail_timeout window has passed, the selection starts a new one
 * (`checked = now`), so a success afterwards clears the failure count.
 */
export function recordSelected(h: PeerHealth, index: number, nowMs: number): void {
  const server = h.servers[index]
  const peer = h.peers[index]
  if (!server || !peer) return
  const now = toSec(nowMs)
  if (now - peer.checkedSec > server.failTimeoutMs / 1000) peer.checkedSec = now
}

/**
 * A failed attempt (connect error, timeout, or a status listed in proxy_next_upstream). Also lowers the
 * peer's round-robin effective weight, as nginx does. Returns true if the peer is now disabled
 * (nginx logs "upstream server temporarily disabled"). One-server groups keep no failure state.
 */
export function recordFailure(h: PeerHealth, index: number, nowMs: number, rr: RoundRobinState): boolean {
  const server = h.servers[index]
  const peer = h.peers[index]
  if (!server || !peer || h.servers.length === 1) return false
  const now = toSec(nowMs)
  peer.fails += 1
  peer.accessedSec = now
  peer.checkedSec = now
  penalizeFailure(rr, h.servers, index)
  return server.maxFails > 0 && peer.fails >= server.maxFails
}

/** A successful attempt: clears the failure count, but only if the peer was re-checked after its last failure. */
export function recordSuccess(h: PeerHealth, index: number): void {
  const peer = h.peers[index]
  if (!peer || h.servers.length === 1) return
  if (peer.accessedSec < peer.checkedSec) peer.fails = 0
}

/** The PeerView a picker needs at `nowMs`: failure windows from `h`, and selections refreshing `checked`. */
export function peerViewAt(h: PeerHealth, nowMs: number): PeerView {
  return {
    servers: h.servers,
    isFailed: (i) => isFailed(h, i, nowMs),
    onSelected: (i) => recordSelected(h, i, nowMs),
  }
}
