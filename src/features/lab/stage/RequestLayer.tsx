// Requests in flight, drawn on a canvas over the stage every frame straight from the engine's
// timestamps (no React re-render per frame). Finished requests leave a trail that fades over
// TRAIL_MS of *simulated* time, ending in ✕ when they failed; the selected request is outlined.
// With reduced motion, dots don't travel: each request in flight is a still line to its server.

import { useEffect, useRef } from 'react'
import { TRAIL_MS } from '../../../sim/network.ts'
import type { Request, SimState } from '../../../sim/types.ts'
import { useLabStore } from '../../../store/LabContext.tsx'
import { userFill } from '../palette.ts'
import { dotAt, visited, type Anchors, type Point } from './geometry.ts'
import type { AnchorMap } from './useAnchors.ts'

export function RequestLayer({ anchors, reduced }: { anchors: React.RefObject<AnchorMap | null>; reduced: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const store = useLabStore()

  useEffect(() => {
    let raf = 0
    const draw = () => {
      raf = requestAnimationFrame(draw)
      const el = canvas.current
      const map = anchors.current
      if (!el || !map) return
      const ctx = el.getContext('2d')
      if (!ctx) return
      const dpr = window.devicePixelRatio || 1
      const w = el.clientWidth
      const h = el.clientHeight
      if (el.width !== Math.round(w * dpr) || el.height !== Math.round(h * dpr)) {
        el.width = Math.round(w * dpr)
        el.height = Math.round(h * dpr)
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0)
      ctx.clearRect(0, 0, w, h)
      const { sim, selectedRequest } = store.getState()
      paint(ctx, sim, map, selectedRequest, reduced)
    }
    raf = requestAnimationFrame(draw)
    return () => cancelAnimationFrame(raf)
  }, [anchors, store, reduced])

  return <canvas ref={canvas} aria-hidden="true" className="pointer-events-none absolute inset-0 h-full w-full will-change-transform" data-testid="request-layer" />
}

function paint(ctx: CanvasRenderingContext2D, sim: SimState, a: Anchors, selected: number | null, reduced: boolean) {
  const now = sim.now
  const dark = document.documentElement.classList.contains('dark')
  const ink = dark ? '#ececf1' : '#1b1b1f'
  const bad = dark ? '#ff8a80' : '#b3261e'

  // Trails of requests that finished recently (newest last so they draw on top).
  for (let i = sim.recent.length - 1; i >= 0; i--) {
    const r = sim.recent[i]!
    if (r.receivedAt > now) continue
    const age = now - r.receivedAt
    if (age > TRAIL_MS) break
    const alpha = 0.55 * (1 - age / TRAIL_MS)
    trail(ctx, r, a, userFill(sim.users[r.user]?.color ?? 0), alpha, 2)
    if (r.outcome === 'error' || r.outcome === 'lost') cross(ctx, end(r, a), bad, Math.min(1, alpha * 2))
  }

  // Requests in flight.
  for (const r of sim.requests.values()) {
    if (r.sentAt > now) continue
    const color = userFill(sim.users[r.user]?.color ?? 0)
    if (reduced) {
      trail(ctx, r, a, color, 0.6, 2)
      continue
    }
    const p = dotAt(r, now, a)
    if (!p) continue
    ctx.beginPath()
    ctx.arc(p.x, p.y, 5, 0, Math.PI * 2)
    ctx.fillStyle = color
    ctx.fill()
    ctx.lineWidth = 1.5
    ctx.strokeStyle = ink
    ctx.stroke()
    for (const hop of r.refused) {
      if (now - hop.at < TRAIL_MS) cross(ctx, a.server(hop.server), bad, 1 - (now - hop.at) / TRAIL_MS)
    }
  }

  // The selected request, outlined whatever its age.
  if (selected !== null) {
    const r = sim.requests.get(selected) ?? sim.recent.find((x) => x.id === selected)
    if (r) {
      trail(ctx, r, a, ink, 0.9, 6)
      trail(ctx, r, a, userFill(sim.users[r.user]?.color ?? 0), 1, 3)
    }
  }
}

function trail(ctx: CanvasRenderingContext2D, r: Request, a: Anchors, color: string, alpha: number, width: number) {
  const pts = visited(r, a)
  if (pts.length < 2) return
  ctx.save()
  ctx.globalAlpha = alpha
  ctx.strokeStyle = color
  ctx.lineWidth = width
  ctx.lineJoin = 'round'
  ctx.beginPath()
  ctx.moveTo(pts[0]!.x, pts[0]!.y)
  for (const p of pts.slice(1)) ctx.lineTo(p.x, p.y)
  ctx.stroke()
  ctx.restore()
}

/** Where a failed request's trail ends: the server that refused it, or the user. */
function end(r: Request, a: Anchors): Point | undefined {
  const last = r.refused[r.refused.length - 1]
  if (r.outcome === 'error' && last && r.serverAt < 0) return a.server(last.server)
  return a.user(r.user)
}

function cross(ctx: CanvasRenderingContext2D, p: Point | undefined, color: string, alpha: number) {
  if (!p) return
  ctx.save()
  ctx.globalAlpha = Math.max(0, alpha)
  ctx.strokeStyle = color
  ctx.lineWidth = 3
  ctx.beginPath()
  ctx.moveTo(p.x - 6, p.y - 6)
  ctx.lineTo(p.x + 6, p.y + 6)
  ctx.moveTo(p.x + 6, p.y - 6)
  ctx.lineTo(p.x - 6, p.y + 6)
  ctx.stroke()
  ctx.restore()
}
