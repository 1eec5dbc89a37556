// What the request canvas shows, as a flat list of drawing operations: trails of requests that
// finished recently (fading over TRAIL_MS of *simulated* time, ending in ✕ when they failed), dots
// for requests in flight (positioned from the engine's timestamps), and the selected request
// outlined. Recording is cheap and runs on the main thread; replaying onto a 2D context can run in
// a worker (requestCanvas.worker.ts) so the pixels never cost the page a frame; replaying is
// drawList.ts, which a page loads only when it has to draw on the main thread.

import { findRequest } from '../sim/inflight.ts'
import { TRAIL_MS } from '../sim/network.ts'
import type { SimRequest, SimState } from '../sim/types.ts'
import { userFill } from './palette.ts'
import { dotAt, visited, type Anchors, type Point } from './geometry.ts'
import { CROSS, DOT, LINE, type DrawList } from './drawOps.ts'

class Recorder {
  private buf = new Float64Array(1024)
  private n = 0
  readonly colors: string[] = []
  /** The operations recorded so far (a view: the recorder is used once). */
  get ops(): Float64Array {
    return this.buf.subarray(0, this.n)
  }
  /** Room for `k` more numbers (no array per call: this runs for every dot and trail, every frame). */
  private room(k: number): Float64Array {
    if (this.n + k > this.buf.length) {
      const bigger = new Float64Array(Math.max(this.buf.length * 2, this.n + k))
      bigger.set(this.buf.subarray(0, this.n))
      this.buf = bigger
    }
    return this.buf
  }
  private op(code: number, a: number, b: number, c: number, d: number) {
    const buf = this.room(5)
    buf[this.n] = code
    buf[this.n + 1] = a
    buf[this.n + 2] = b
    buf[this.n + 3] = c
    buf[this.n + 4] = d
    this.n += 5
  }
  private color(c: string): number {
    const i = this.colors.indexOf(c)
    return i >= 0 ? i : this.colors.push(c) - 1
  }
  line(pts: readonly Point[], color: string, alpha: number, width: number) {
    if (pts.length < 2) return
    this.op(LINE, this.color(color), alpha, width, pts.length)
    const buf = this.room(2 * pts.length)
    for (const p of pts) {
      buf[this.n++] = p.x
      buf[this.n++] = p.y
    }
  }
  dot(p: Point, fill: string, ink: string) {
    this.op(DOT, this.color(fill), this.color(ink), p.x, p.y)
  }
  cross(p: Point | undefined, color: string, alpha: number) {
    if (p) this.op(CROSS, this.color(color), Math.max(0, alpha), p.x, p.y)
  }
}

export function recordRequests(sim: SimState, a: Anchors, selected: number | null, reduced: boolean, dark: boolean): DrawList {
  const rec = new Recorder()
  const now = sim.now
  const ink = dark ? '#ececf1' : '#1b1b1f'
  const bad = dark ? '#ff8a80' : '#b3261e'
  const fill = (r: SimRequest) => userFill(sim.users[r.user]?.color ?? 0)

  // Trails of requests that finished recently (newest last so they draw on top).
  for (let i = sim.recent.length - 1; i >= 0; i--) {
    const r = sim.recent[i]!
    if (r.receivedAt > now) continue
    const age = now - r.receivedAt
    if (age > TRAIL_MS) break
    const alpha = 0.55 * (1 - age / TRAIL_MS)
    rec.line(visited(r, a), fill(r), alpha, 2)
    if (r.outcome === 'error' || r.outcome === 'lost') rec.cross(end(r, a), bad, Math.min(1, alpha * 2))
  }

  // Requests in flight: travelling dots, or with reduced motion a still line to where they are going.
  // Straight from the per-user slots: this runs every frame, and the order dots are drawn in is moot.
  for (const r of sim.inflight) {
    if (!r || r.sentAt > now) continue
    if (reduced) {
      rec.line(visited(r, a), fill(r), 0.6, 2)
      continue
    }
    const p = dotAt(r, now, a)
    if (!p) continue
    rec.dot(p, fill(r), ink)
    for (const hop of r.refused) {
      if (now - hop.at < TRAIL_MS) rec.cross(a.server(hop.server), bad, 1 - (now - hop.at) / TRAIL_MS)
    }
  }

  // The selected request, outlined whatever its age.
  if (selected !== null) {
    const r = findRequest(sim, selected)
    if (r) {
      const pts = visited(r, a)
      rec.line(pts, ink, 0.9, 6)
      rec.line(pts, fill(r), 1, 3)
    }
  }
  return { ops: rec.ops, colors: rec.colors }
}

/** Where a failed request's trail ends: the server that refused it, or the user. */
function end(r: SimRequest, a: Anchors): Point | undefined {
  const last = r.refused[r.refused.length - 1]
  if (r.outcome === 'error' && last && r.serverAt < 0) return a.server(last.server)
  return a.user(r.user)
}
