// Where a request's dot is, as a pure function of simulated time and the request's own timestamps
// (RaftScope's trick): pause, step, speed and scrubbing need no animation code, and the picture can
// never disagree with the model.

import { CLIENT_MS, HOP_MS } from '../sim/network.ts'
import type { SimRequest, ServerId, SimMs } from '../sim/types.ts'

export interface Point {
  x: number
  y: number
}

export interface Anchors {
  user(id: number): Point | undefined
  lb: Point
  server(id: ServerId): Point | undefined
}

export type Phase = 'to-lb' | 'to-server' | 'refused' | 'at-server' | 'to-lb-back' | 'to-user'

export interface DotPosition extends Point {
  phase: Phase
}

/** A stop on the request's path: a place and the time the request is there. */
interface Stop {
  at: SimMs
  p: Point
  phase: Phase
}

function lerp(a: Point, b: Point, f: number): Point {
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f }
}

/** The request's path as timed stops (only the parts that have happened by `now`, plus what's planned). */
export function stops(req: SimRequest, a: Anchors): Stop[] {
  const user = a.user(req.user)
  if (!user) return []
  const out: Stop[] = [{ at: req.sentAt, p: user, phase: 'to-lb' }, { at: req.lbAt, p: a.lb, phase: 'to-server' }]
  for (const hop of req.refused) {
    const p = a.server(hop.server)
    if (!p) continue
    out.push({ at: hop.at, p, phase: 'refused' })
    out.push({ at: hop.at + HOP_MS, p: a.lb, phase: 'to-server' })
  }
  const server = req.server ? a.server(req.server) : undefined
  if (server && req.serverAt >= 0) {
    out.push({ at: req.serverAt, p: server, phase: 'at-server' })
    const leave = req.doneAt >= 0 ? req.doneAt : Infinity
    out.push({ at: leave, p: server, phase: 'to-lb-back' })
  }
  if (req.lbBackAt >= 0) {
    out.push({ at: req.lbBackAt, p: a.lb, phase: 'to-user' })
    if (req.outcome !== 'lost') out.push({ at: req.lbBackAt + CLIENT_MS, p: user, phase: 'to-user' })
  }
  return out
}

/** The dot's position at `now`, or null if the request isn't travelling at that moment. */
export function dotAt(req: SimRequest, now: SimMs, a: Anchors): DotPosition | null {
  if (now < req.sentAt) return null
  const path = stops(req, a)
  for (let i = 0; i + 1 < path.length; i++) {
    const from = path[i]!
    const to = path[i + 1]!
    if (now >= from.at && now < to.at) {
      const span = to.at - from.at
      const f = span === Infinity || span <= 0 ? 0 : (now - from.at) / span
      return { ...lerp(from.p, to.p, f), phase: from.phase }
    }
  }
  return null
}

/** The places a request visited (for trails and the selected-request highlight). */
export function visited(req: SimRequest, a: Anchors): Point[] {
  return stops(req, a).map((s) => s.p)
}
