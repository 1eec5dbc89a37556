// Recurring bookkeeping: a metrics sample every second (the short history behind charts) and a
// sweep that forgets idle-expired sessions.

import { mutServer, mutStore } from './cow.ts'
import { schedule } from './schedule.ts'
import { busyMsAt } from './servers.ts'
import { isLive } from './storage.ts'
import { SAMPLE_MS, SWEEP_MS } from './state.ts'
import type { HistorySample, SimState } from './types.ts'

/** Samples kept: ten minutes at one per second. */
const HISTORY_LIMIT = 600

export function sampleMetrics(s: SimState): void {
  const n = s.servers.length
  const load = new Array<number>(n)
  const busyMs = new Array<number>(n)
  const requests = new Array<number>(n)
  const busyTotals = new Array<number>(n)
  const last = s.lastSample
  for (let i = 0; i < n; i++) {
    const srv = s.servers[i]!
    const busy = busyMsAt(srv, s.now)
    load[i] = srv.requests - (last.requests[i] ?? 0)
    busyMs[i] = busy - (last.busyMs[i] ?? 0)
    requests[i] = srv.requests
    busyTotals[i] = busy
  }
  const sample: HistorySample = {
    t: s.now,
    unexpectedLogouts: s.counters.unexpectedLogouts,
    cartsLost: s.counters.cartsLost,
    failed: s.counters.failed,
    requests: s.counters.requests,
    load,
    busyMs,
  }
  s.history.push(sample)
  if (s.history.length > HISTORY_LIMIT * 2) s.history.splice(0, s.history.length - HISTORY_LIMIT)
  s.lastSample = { t: s.now, requests, busyMs: busyTotals }
  schedule(s, s.now + SAMPLE_MS, { kind: 'metrics.sample' })
}

export function sweepSessions(s: SimState): void {
  const idle = s.config.sessionIdleMs
  s.servers.forEach((srv, i) => {
    let expired = false
    for (const session of srv.memory.values()) if (!isLive(session, s.now, idle)) expired = true
    if (!expired) return
    const owned = mutServer(s, i)
    for (const [key, session] of owned.memory) if (!isLive(session, s.now, idle)) owned.memory.delete(key)
  })
  for (const which of ['sessionStore', 'database'] as const) {
    let expired = false
    for (const session of s[which].sessions.values()) if (!isLive(session, s.now, idle)) expired = true
    if (!expired) continue
    const owned = mutStore(s, which)
    for (const [key, session] of owned.sessions) if (!isLive(session, s.now, idle)) owned.sessions.delete(key)
  }
  // Deny-list entries are kept only until the token would have expired anyway (OWASP).
  if ([...s.deny.values()].some((exp) => exp <= s.now)) s.deny = new Map([...s.deny].filter(([, exp]) => exp > s.now))
  schedule(s, s.now + SWEEP_MS, { kind: 'sessions.sweep' })
}
