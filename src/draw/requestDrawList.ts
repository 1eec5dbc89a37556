// What the request canvas shows, as a flat list of drawing operations: trails of requests that
// finished recently (fading over TRAIL_MS of *simulated* time, ending in ✕ when they failed), dots
// for requests in flight (positioned from the engine's timestamps), and the selected request
// outlined. Recording is cheap and runs on the main thread; replaying onto a 2D context can run in
// a worker (requestCanvas.worker.ts) so the pixels never cost the page a frame.

import { findRequest } from '../sim/inflight.ts'
import { TRAIL_MS } from '../sim/network.ts'
import type { SimRequest, SimState } from '../sim/types.ts'
import { userFill } from './palette.ts'
import { dotAt, visited, type Anchors, type Point } from './geometry.ts'

const LINE = 1
const DOT = 2
const CROSS = 3

/**
 * Operations as numbers (op code, colour index, parameters…) plus the colours they refer to. The
 * numbers are a typed array so posting a frame to the worker moves its buffer instead of copying
 * each number (a plain array's structured clone was the main thread's largest script cost per frame
 * on a phone: docs/DECISIONS.md 2026-11-30 "Phone frame budget").
 */
export interface DrawList {
  readonly ops: ArrayLike<number>
  readonly colors: string[]
}

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

/** Draw a list onto a context whose transform is already set (works on a canvas or an OffscreenCanvas). */
export function replay(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, { ops, colors }: DrawList): void {
  ctx.lineJoin = 'round'
  let i = 0
  while (i < ops.length) {
    const op = ops[i]!
    if (op === LINE) {
      const n = ops[i + 4]!
      ctx.globalAlpha = ops[i + 2]!
      ctx.strokeStyle = colors[ops[i + 1]!]!
      ctx.lineWidth = ops[i + 3]!
      ctx.beginPath()
      ctx.moveTo(ops[i + 5]!, ops[i + 6]!)
      for (let k = 1; k < n; k++) ctx.lineTo(ops[i + 5 + 2 * k]!, ops[i + 6 + 2 * k]!)
      ctx.stroke()
      i += 5 + 2 * n
    } else if (op === DOT) {
      const x = ops[i + 3]!
      const y = ops[i + 4]!
      ctx.globalAlpha = 1
      ctx.beginPath()
      ctx.arc(x, y, 5, 0, Math.PI * 2)
      ctx.fillStyle = colors[ops[i + 1]!]!
      ctx.fill()
      ctx.lineWidth = 1.5
      ctx.strokeStyle = colors[ops[i + 2]!]!
      ctx.stroke()
      i += 5
    } else if (op === CROSS) {
      const x = ops[i + 3]!
      const y = ops[i + 4]!
      ctx.globalAlpha = ops[i + 2]!
      ctx.strokeStyle = colors[ops[i + 1]!]!
      ctx.lineWidth = 3
      ctx.beginPath()
      ctx.moveTo(x - 6, y - 6)
      ctx.lineTo(x + 6, y + 6)
      ctx.moveTo(x + 6, y - 6)
      ctx.lineTo(x - 6, y + 6)
      ctx.stroke()
      i += 5
    } else {
      throw new Error(`unknown draw op ${op} at ${i}`)
    }
  }
  ctx.globalAlpha = 1
}

/** The canvas's frame: backing-store size, the on-screen slice of the stage it covers, and what to draw. */
export interface CanvasFrame {
  readonly width: number
  readonly height: number
  readonly top: number
  readonly dpr: number
  readonly list: DrawList
  /** Rectangles (x, y, width, height runs, stage coordinates) left blank: the words lines must not cross. */
  readonly keepOut?: readonly number[]
}

/** Resize if needed, clear, and draw one frame. */
export function drawFrame(canvas: HTMLCanvasElement | OffscreenCanvas, ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, f: CanvasFrame): void {
  const pw = Math.round(f.width * f.dpr)
  const ph = Math.round(f.height * f.dpr)
  if (canvas.width !== pw || canvas.height !== ph) {
    canvas.width = pw
    canvas.height = ph
  }
  ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, -f.top * f.dpr)
  ctx.clearRect(0, f.top, f.width, f.height)
  const keepOut = f.keepOut ?? []
  if (keepOut.length > 0) {
    // Draw everywhere except the keep-out rectangles: the frame, with holes (even-odd rule).
    ctx.save()
    ctx.beginPath()
    ctx.rect(0, f.top, f.width, f.height)
    for (let i = 0; i + 3 < keepOut.length; i += 4) ctx.rect(keepOut[i]!, keepOut[i + 1]!, keepOut[i + 2]!, keepOut[i + 3]!)
    ctx.clip('evenodd')
    replay(ctx, f.list)
    ctx.restore()
  } else {
    replay(ctx, f.list)
  }
}
