// Plays a request canvas's draw list (requestDrawList.ts records it) onto a 2D context: in the
// worker (requestCanvas.worker.ts), or on the main thread where a page can't have one — loaded then,
// with the first request to draw, so a lab's first paint carries none of it.

import { CROSS, DOT, LINE, type CanvasFrame, type DrawList } from './drawOps.ts'

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
