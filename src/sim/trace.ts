// The trace: every meaningful event as data plus one plain sentence, bounded in memory. The event
// log, the screen-reader announcer and golden tests all read it. Finished requests are trace entries
// too, but they live in `SimState.recent` (thousands per minute, few ever read): their sentence is
// composed only when someone reads it.

import type { SimRequest, ServerId, SimMs, SimState, TraceEntry, TraceKind, UserId } from './types.ts'

const TRACE_LIMIT = 400

interface Refs {
  user?: UserId
  server?: ServerId
  request?: number
}

export function emit(s: SimState, kind: TraceKind, text: string, refs?: Refs): void {
  s.trace.push({ seq: s.traceSeq++, t: s.now, item: s.itemCount, kind, text, ...refs })
  // Trim in batches so appending stays amortised O(1).
  if (s.trace.length > TRACE_LIMIT * 2) s.trace.splice(0, s.trace.length - TRACE_LIMIT)
}

/** A finished request seen as a trace entry. */
function requestEntry(s: SimState, req: SimRequest): TraceEntry {
  const name = s.users[req.user]?.name ?? `user ${req.user}`
  return {
    seq: req.seq,
    t: req.receivedAt,
    item: req.item,
    kind: 'request',
    text: requestSentence(name, req),
    user: req.user,
    request: req.id,
    ...(req.server ? { server: req.server } : {}),
  }
}

function requestSentence(name: string, req: SimRequest): string {
  const what = req.kind === 'addToCart' ? 'add to cart' : req.kind
  const latency = req.lbBackAt >= 0 && req.serverAt >= 0 ? ` · ${req.lbBackAt - req.lbAt} ms` : ''
  const tail = req.outcome === 'lost' ? '' : latency
  const mark = req.outcome === 'error' || req.outcome === 'lost' ? ' ✕' : ''
  return `${name} (${what}) → LB: ${req.decision} · ${req.detail}${tail}${mark}`
}

/** The latest `n` entries (requests and events merged), newest first. */
export function latestTrace(s: SimState, n = TRACE_LIMIT, keep?: (e: { kind: TraceKind; user?: UserId; server?: ServerId }) => boolean): TraceEntry[] {
  const out: TraceEntry[] = []
  let i = s.trace.length - 1
  let j = s.recent.length - 1
  while (out.length < n && (i >= 0 || j >= 0)) {
    const e = i >= 0 ? s.trace[i]! : undefined
    const r = j >= 0 ? s.recent[j]! : undefined
    if (e && (!r || e.seq > r.seq)) {
      i -= 1
      if (!keep || keep(e)) out.push(e)
    } else if (r) {
      j -= 1
      const view = { kind: 'request' as const, user: r.user, ...(r.server ? { server: r.server } : {}) }
      if (!keep || keep(view)) out.push(requestEntry(s, r))
    }
  }
  return out
}

/** The newest traced item's sequence number and item number, or null before anything happened. */
export function lastTraced(s: SimState): { seq: number; item: number; t: SimMs } | null {
  const e = s.trace[s.trace.length - 1]
  const r = s.recent[s.recent.length - 1]
  if (!e && !r) return null
  if (e && (!r || e.seq > r.seq)) return { seq: e.seq, item: e.item, t: e.t }
  return { seq: r!.seq, item: r!.item, t: r!.receivedAt }
}

/** "1:05.3" — the clock as learners read it. */
export function formatClock(t: SimMs): string {
  const totalTenths = Math.floor(t / 100)
  const minutes = Math.floor(totalTenths / 600)
  const seconds = Math.floor((totalTenths % 600) / 10)
  const tenths = totalTenths % 10
  return `${minutes}:${String(seconds).padStart(2, '0')}.${tenths}`
}

export function formatDuration(ms: SimMs): string {
  const DAY = 86_400_000
  if (ms >= DAY && ms % DAY === 0) return ms === DAY ? '1 day' : `${ms / DAY} days`
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 120_000) return `${+(ms / 1000).toFixed(1)} s`
  if (ms < 7_200_000) return `${+(ms / 60_000).toFixed(1)} min`
  if (ms < 172_800_000) return `${+(ms / 3_600_000).toFixed(1)} h`
  return `${+(ms / 86_400_000).toFixed(1)} days`
}
