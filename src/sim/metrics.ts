// Derived metrics: pure functions of a state. Windowed figures (utilisation, imbalance, recent load)
// come from the one-second history samples.

import { percentile } from './histogram.ts'
import { busyMsAt, liveSessionCount } from './servers.ts'
import type { Server, ServerId, SimMs, SimState } from './types.ts'

const WINDOW_MS = 10_000

export interface ServerMetrics {
  id: ServerId
  status: Server['status']
  healthy: boolean
  /** nginx's passive failure count (the only health view nginx open source has). */
  fails: number
  requests: number
  inFlight: number
  /** Busy share of the server's workers over the window, 0..1. */
  utilization: number
  /** Requests answered per second over the window. */
  load: number
  sessions: number
  p95: number
  connections: number
}

function samplesInWindow(s: SimState, windowMs: SimMs) {
  const from = s.now - windowMs
  const out = []
  for (let i = s.history.length - 1; i >= 0; i--) {
    const h = s.history[i]!
    if (h.t <= from) break
    out.push(h)
  }
  return out
}

export function serverMetrics(s: SimState, windowMs: SimMs = WINDOW_MS): ServerMetrics[] {
  const samples = samplesInWindow(s, windowMs)
  const span = samples.length > 0 ? samples.length * 1000 : 1
  return s.servers
    .map((srv, index) => ({ srv, index }))
    .filter(({ srv }) => srv.status !== 'removed')
    .map(({ srv, index }) => {
      let busy = 0
      let load = 0
      for (const h of samples) {
        busy += h.busyMs[index] ?? 0
        load += h.load[index] ?? 0
      }
      return {
        id: srv.id,
        status: srv.status,
        healthy: srv.healthy,
        fails: srv.fails,
        requests: srv.requests,
        inFlight: srv.busy + srv.queue.length,
        utilization: samples.length > 0 ? Math.min(1, busy / (span * s.config.workers)) : lifetimeUtilization(s, srv),
        load: samples.length > 0 ? load / (span / 1000) : 0,
        sessions: liveSessionCount(s, srv),
        p95: percentile(srv.latency, 0.95),
        connections: srv.connections,
      }
    })
}

function lifetimeUtilization(s: SimState, srv: Server): number {
  return s.now > 0 ? Math.min(1, busyMsAt(srv, s.now) / (s.now * s.config.workers)) : 0
}

/** Max ÷ mean of per-server load over the window, among servers in rotation (1 = perfectly even). */
export function imbalance(s: SimState, windowMs: SimMs = WINDOW_MS): number {
  const live = serverMetrics(s, windowMs).filter((m) => m.status === 'up' && m.healthy)
  if (live.length === 0) return 1
  const loads = live.map((m) => m.load)
  const mean = loads.reduce((a, b) => a + b, 0) / loads.length
  if (mean === 0) return 1
  return Math.max(...loads) / mean
}

export function latency(s: SimState): { p50: number; p95: number } {
  return { p50: percentile(s.latency, 0.5), p95: percentile(s.latency, 0.95) }
}

/** p95 of the most recent finished requests (what the lab's metrics panel shows live). */
export function recentP95(s: SimState): number {
  const lat = s.recent
    .slice(-200)
    .filter((r) => r.lbBackAt >= 0 && r.serverAt >= 0)
    .map((r) => r.lbBackAt - r.lbAt)
    .sort((a, b) => a - b)
  if (lat.length === 0) return 0
  return lat[Math.min(lat.length - 1, Math.ceil(0.95 * lat.length) - 1)]!
}
