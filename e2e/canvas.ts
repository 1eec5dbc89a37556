// How much the request canvas has drawn: copies its current picture (drawn by a worker through an
// OffscreenCanvas, or on the main thread) onto a scratch canvas and counts non-transparent pixels.

import type { Frame, Page } from '@playwright/test'

export function inkedPixels(target: Page | Frame, scope = 'body'): Promise<number> {
  return target.evaluate((sel) => {
    const layer = document.querySelector<HTMLCanvasElement>(`${sel} [data-testid="request-layer"]`)
    if (!layer || layer.width === 0 || layer.height === 0) return 0
    const scratch = document.createElement('canvas')
    scratch.width = layer.width
    scratch.height = layer.height
    const ctx = scratch.getContext('2d')!
    ctx.drawImage(layer, 0, 0)
    const data = ctx.getImageData(0, 0, scratch.width, scratch.height).data
    let n = 0
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
    return n
  }, scope)
}
