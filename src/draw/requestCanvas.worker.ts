// Draws the request canvas off the main thread. The page transfers the canvas once, then posts one
// CanvasFrame per animation frame; the worker's drawing reaches the screen without a main-thread
// commit, so 200 users' worth of dots and trails never cost the page a frame.

import { drawFrame } from './drawList.ts'
import type { CanvasFrame } from './drawOps.ts'

let canvas: OffscreenCanvas | null = null
let ctx: OffscreenCanvasRenderingContext2D | null = null

self.onmessage = (e: MessageEvent<{ canvas: OffscreenCanvas } | { frame: CanvasFrame }>) => {
  if ('canvas' in e.data) {
    canvas = e.data.canvas
    ctx = canvas.getContext('2d')
  } else if (canvas && ctx) {
    drawFrame(canvas, ctx, e.data.frame)
  }
}
