// "Same crash, five load balancers": the crash-sticky-memory traffic (seed 1, 18 users, B crashes at
// 0:30) under one product, measured the way a lesson would quote it. Used by the tests of each
// product's crash behaviour (and available to the teaching content: compare presets, lessons).

import type { ConfigPatch } from '../../config.ts'
import { advanceTo } from '../../engine.ts'
import { lab, type LabBuilder } from '../../harness.ts'
import type { LbProductId, SimMs, SimRequest, SimState } from '../../types.ts'

/** Run `b` to `until`, keeping every finished request (the state's own list is bounded). */
export function runCollecting(b: LabBuilder, until: SimMs): { s: SimState; requests: SimRequest[] } {
  const script = b.scriptItems
  let s = b.start()
  const seen = new Map<number, SimRequest>()
  for (let t = 1_000; ; t += 1_000) {
    const at = Math.min(t, until)
    s = advanceTo(s, at, script)
    for (const r of s.recent) seen.set(r.id, r)
    if (at === until) break
  }
  return { s, requests: [...seen.values()].sort((a, b) => a.id - b.id) }
}

export interface CrashFigures {
  /** Requests that ended in an error the user saw (HTTP 5xx, or a refused/reset connection). */
  readonly failed: number
  /** Those errors by status (0 = a connection error with no HTTP status). */
  readonly errors: Readonly<Record<number, number>>
  /** Attempts made again, by the load balancer (nginx next upstream, HAProxy retries, Cloudflare's one
   *  retry) and by browsers (one retry after an error). */
  readonly retried: number
  /** Sessions that were in B's memory when it crashed. */
  readonly sessionsLost: number
  readonly logouts: number
  readonly cartsLost: number
  /** Requests that reached (or were refused by) B after the crash. */
  readonly sentToB: number
  /** Seconds from the crash until the load balancer took B out of its rotation (its first health sentence about B). */
  readonly outAfterS: number | null
}

export const CRASH_AT = 30_000

export function sameCrash(lb: LbProductId, until = 180_000): CrashFigures {
  return crashFigures({ lb }, until)
}

/** The same crash with `patch` on top of the scenario (a compare column's design, say). */
export function crashFigures(patch: ConfigPatch, until = 180_000): CrashFigures {
  const { s, requests } = runCollecting(lab().scenario('crash-sticky-memory').config(patch), until)
  const errors: Record<number, number> = {}
  let sentToB = 0
  for (const r of requests) {
    if (r.outcome === 'error') errors[r.status] = (errors[r.status] ?? 0) + 1
    if (r.lbAt >= CRASH_AT && (r.server === 'B' || r.refused.some((h) => h.server === 'B'))) sentToB += 1
  }
  const out = s.trace.find((e) => e.kind === 'health' && e.server === 'B' && e.t >= CRASH_AT)
  return {
    failed: s.counters.failed,
    errors,
    retried: s.counters.retried,
    sessionsLost: s.counters.sessionsLost,
    logouts: s.counters.unexpectedLogouts,
    cartsLost: s.counters.cartsLost,
    sentToB,
    outAfterS: out ? (out.t - CRASH_AT) / 1000 : null,
  }
}
