// Requests in flight, drawn on a canvas over the stage every frame straight from the engine's
// timestamps (no React re-render per frame); see requestDrawList.ts for what is drawn.
//
// Cost control, because a 200-user stage is big: a frame where nothing changed (paused, same layout,
// same theme) is skipped, so an idle lab costs nothing (a lesson page holds several); the canvas
// covers only the slice of the stage that is on screen; and where the browser allows, the pixels are
// drawn by a worker on an OffscreenCanvas. Where it doesn't (a sandboxed embed can't start workers,
// old browsers lack transferControlToOffscreen), the same drawing runs here on the main thread.
// The painter (and so the worker's script) starts with the first frame after 0:00 that has a request
// to draw: a fresh lab or embed that nobody plays never fetches it (first-load budget,
// docs/DECISIONS.md); a shared moment or a scrubbed one draws at once.

import { useEffect, useRef, useState } from 'react'
import { useLabStore } from '../../store/LabContext.tsx'
import type { CanvasFrame } from '../../draw/drawOps.ts'
import { recordRequests } from '../../draw/requestDrawList.ts'
import type { AnchorMap } from './useAnchors.ts'

type Painter = { draw(frame: CanvasFrame): void; stop(): void }

// A canvas can be handed to a worker only once, but the effect below re-runs (reduced motion toggled,
// StrictMode's double mount) with the same element: keep each element's painter, and stop it only
// when no effect has claimed it back by the next task.
const painters = new WeakMap<HTMLCanvasElement, { painter: Painter; claims: number }>()

function claimPainter(el: HTMLCanvasElement, onMainThread: boolean, onFail: () => void): Painter | null {
  let entry = painters.get(el)
  if (!entry) {
    const painter = (!onMainThread && workerPainter(el, onFail)) || mainThreadPainter(el)
    if (!painter) return null
    entry = { painter, claims: 0 }
    painters.set(el, entry)
  }
  entry.claims++
  return entry.painter
}

function releasePainter(el: HTMLCanvasElement) {
  const entry = painters.get(el)
  if (!entry) return
  entry.claims--
  setTimeout(() => {
    if (entry.claims > 0 || painters.get(el) !== entry) return
    entry.painter.stop()
    painters.delete(el)
  })
}

/** A worker painter, or null when this page can't have one. */
function workerPainter(el: HTMLCanvasElement, onFail: () => void): Painter | null {
  if (typeof Worker === 'undefined' || typeof el.transferControlToOffscreen !== 'function') return null
  let worker: Worker
  try {
    worker = new Worker(new URL('../../draw/requestCanvas.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    return null
  }
  worker.onerror = () => {
    worker.terminate()
    onFail()
  }
  const offscreen = el.transferControlToOffscreen()
  worker.postMessage({ canvas: offscreen }, [offscreen])
  return {
    // The draw list's numbers move to the worker (transferred, not copied); this frame's list is never read again here.
    draw: (frame) => worker.postMessage({ frame }, frame.list.ops instanceof Float64Array ? [frame.list.ops.buffer] : []),
    stop: () => worker.terminate(),
  }
}

/** Drawing here: the player (drawList.ts) loads now; the latest frame waits for it. */
function mainThreadPainter(el: HTMLCanvasElement): Painter | null {
  const ctx = el.getContext('2d')
  if (!ctx) return null
  let play: ((frame: CanvasFrame) => void) | null = null
  let waiting: CanvasFrame | null = null
  import('../../draw/drawList.ts').then(
    (m) => {
      play = (frame) => m.drawFrame(el, ctx, frame)
      if (waiting) play(waiting)
      waiting = null
    },
    // The dots are the only thing lost; the stage, the counters and the table still tell the run.
    (e: unknown) => console.warn('The request canvas could not load its drawing code', e),
  )
  return { draw: (frame) => (play ? play(frame) : (waiting = frame)), stop: () => {} }
}

export function RequestLayer({ anchors, reduced }: { anchors: React.RefObject<AnchorMap | null>; reduced: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const store = useLabStore()
  // If the worker fails after the canvas was handed over, a fresh canvas element is drawn here instead.
  const [onMainThread, setOnMainThread] = useState(false)

  useEffect(() => {
    const el = canvas.current
    if (!el) return
    // Claimed with the first frame that has something to draw; until then the canvas stays blank. A
    // canvas that already has one (this effect re-running) keeps it: it may have gone to a worker.
    let painter: Painter | null = null
    let claimed = false
    const claim = () => {
      claimed = true
      painter = claimPainter(el, onMainThread, () => setOnMainThread(true))
    }
    if (painters.has(el)) claim()
    let raf = 0
    let drawn: readonly unknown[] = []
    // Even reading `window.scrollY` or `innerHeight` in a frame forces a layout: keep them from their events.
    const viewport = { scrollY: window.scrollY, height: window.innerHeight }
    const onScroll = () => (viewport.scrollY = window.scrollY)
    const onResize = () => {
      viewport.scrollY = window.scrollY
      viewport.height = window.innerHeight
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('resize', onResize)
    const draw = () => {
      raf = requestAnimationFrame(draw)
      const map = anchors.current
      if (!map) return
      const dpr = window.devicePixelRatio || 1
      // The on-screen slice of the stage, in stage coordinates (at least 1 px so the canvas exists).
      // From the measured box and the scroll position: asking the stage for its box here would force
      // a layout in every frame.
      const box = map.stage
      const viewTop = box.pageTop - viewport.scrollY
      const top = Math.floor(Math.min(Math.max(0, -viewTop), Math.max(0, box.height - 1)))
      const bottom = Math.ceil(Math.max(top + 1, Math.min(box.height, viewport.height - viewTop)))
      const width = Math.round(box.width)
      const height = bottom - top
      const { sim, selectedRequest } = store.getState()
      const dark = document.documentElement.classList.contains('dark')
      const inputs = [sim, selectedRequest, map, width, height, top, dpr, dark]
      if (inputs.every((x, i) => x === drawn[i])) return
      drawn = inputs
      const list = recordRequests(sim, map, selectedRequest, reduced, dark)
      if (!claimed) {
        // At 0:00 nothing has moved yet (a first request's dot would sit on its user's avatar).
        if (list.ops.length === 0 || sim.now === 0) return
        claim()
      }
      if (!painter) return
      if (el.style.top !== `${top}px` || el.style.height !== `${height}px`) {
        el.style.top = `${top}px`
        el.style.height = `${height}px`
      }
      painter.draw({ width, height, top, dpr, keepOut: map.keepOut, list })
    }
    raf = requestAnimationFrame(draw)
    return () => {
      cancelAnimationFrame(raf)
      window.removeEventListener('scroll', onScroll)
      window.removeEventListener('resize', onResize)
      if (claimed) releasePainter(el)
    }
  }, [anchors, store, reduced, onMainThread])

  return (
    <canvas
      key={onMainThread ? 'main' : 'worker'}
      ref={canvas}
      aria-hidden="true"
      className="pointer-events-none absolute inset-x-0 top-0 w-full will-change-transform"
      data-testid="request-layer"
      data-painter={onMainThread ? 'main' : 'auto'}
    />
  )
}
