// PNG of the stage, without a dependency: the stage's DOM is cloned into an SVG <foreignObject> with
// the page's own stylesheet, drawn onto a canvas, and the request canvas is drawn on top. A header
// band names the scenario, the moment and the counters. Browsers that refuse to export such a
// drawing (a tainted canvas) get a schematic of the same state drawn by hand (stageSchematic.ts).
// The picture is for slides: it shows what is on the stage (session chips included) and none of the
// controls (Crash, Restart, Remove…), which are hidden in place so nothing else moves.

import { drawSchematic } from './stageSchematic.ts'
import type { SimState } from '../../sim/types.ts'

export interface PngCaption {
  readonly title: string
  readonly subtitle: string
  readonly stats: string
}

export interface PngResult {
  readonly blob: Blob
  readonly width: number
  readonly height: number
  readonly method: 'dom' | 'schematic'
}

/** The controls on the stage's cards (a server's Crash/Restart and its "Remove…" drawer); users stay. */
const CONTROLS = 'article button, article details'

/**
 * An SVG image starts its CSS animations afresh when it is drawn, so a chip's pop-in would be caught
 * at its first frame (scale 0, invisible): the picture is a still. Chips on their way out are gone.
 */
const STILL = '\n*,*::before,*::after{animation:none!important;transition:none!important}.chip-leave{display:none!important}'

const PAD = 16
const HEADER = 68
const MAX_PIXELS = 16_000_000

export async function stagePng(card: HTMLElement, sim: SimState, caption: PngCaption): Promise<PngResult> {
  const box = card.getBoundingClientRect()
  const w = Math.ceil(box.width)
  const h = Math.ceil(box.height)
  try {
    const picture = await domPicture(card, w, h)
    const { canvas, ctx, scale } = sheet(w, h)
    frame(ctx, canvas.width / scale, canvas.height / scale, caption)
    ctx.drawImage(picture, PAD, HEADER, w, h)
    for (const layer of card.querySelectorAll('canvas')) {
      const r = layer.getBoundingClientRect()
      if (r.width > 0 && r.height > 0) ctx.drawImage(layer, PAD + r.left - box.left, HEADER + r.top - box.top, r.width, r.height)
    }
    return { blob: await toPng(canvas), width: canvas.width, height: canvas.height, method: 'dom' }
  } catch {
    const { canvas, ctx, scale } = sheet(w, Math.max(h, 320))
    frame(ctx, canvas.width / scale, canvas.height / scale, caption)
    drawSchematic(ctx, sim, { x: PAD, y: HEADER, w, h: Math.max(h, 320) }, colors())
    return { blob: await toPng(canvas), width: canvas.width, height: canvas.height, method: 'schematic' }
  }
}

function sheet(w: number, h: number) {
  const cssW = w + PAD * 2
  const cssH = h + HEADER + PAD
  const scale = cssW * cssH * 4 <= MAX_PIXELS ? 2 : 1
  const canvas = document.createElement('canvas')
  canvas.width = cssW * scale
  canvas.height = cssH * scale
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('This browser cannot draw images (no 2D canvas).')
  ctx.scale(scale, scale)
  return { canvas, ctx, scale }
}

export function colors() {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  return { page: v('--color-page', '#f7f7f5'), card: v('--color-card', '#fff'), ink: v('--color-ink', '#1b1b1f'), muted: v('--color-muted', '#55565e'), line: v('--color-line', '#c9cad1'), bad: v('--color-bad', '#b3261e'), accent: v('--color-accent', '#0b63b6') }
}

/** The background and the caption band: scenario, moment and key counters. */
function frame(ctx: CanvasRenderingContext2D, w: number, h: number, caption: PngCaption) {
  const c = colors()
  const font = getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif'
  ctx.fillStyle = c.page
  ctx.fillRect(0, 0, w, h)
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = c.ink
  ctx.font = `600 16px ${font}`
  ctx.fillText(caption.title, PAD, 26, w - PAD * 2)
  ctx.fillStyle = c.muted
  ctx.font = `13px ${font}`
  ctx.fillText(caption.subtitle, PAD, 45, w - PAD * 2)
  ctx.fillText(caption.stats, PAD, 61, w - PAD * 2)
}

async function domPicture(card: HTMLElement, w: number, h: number): Promise<HTMLImageElement> {
  const clone = card.cloneNode(true) as HTMLElement
  // The card's size came from its place on the page (a flex item): give the copy the same, or a
  // stage sized by its parent (and size-contained) would draw at zero height.
  clone.style.width = `${w}px`
  clone.style.height = `${h}px`
  freezeAnimations(card, clone)
  for (const c of clone.querySelectorAll('canvas')) c.remove()
  for (const control of clone.querySelectorAll<HTMLElement>(CONTROLS)) control.style.visibility = 'hidden'
  const html = new XMLSerializer().serializeToString(clone)
  const dark = document.documentElement.classList.contains('dark')
  const base = getComputedStyle(document.body)
  // line-height as the ratio the page sets on <html> (a px value would be inherited by small text).
  const style = `width:${w}px;height:${h}px;margin:0;font-family:${base.fontFamily.replace(/"/g, "'")};font-size:${base.fontSize};line-height:1.5;color:var(--color-ink);-webkit-font-smoothing:antialiased`
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
    `<foreignObject x="0" y="0" width="${w}" height="${h}">` +
    `<div xmlns="http://www.w3.org/1999/xhtml" class="${dark ? 'dark' : ''}" style="${style}"><style>${escapeXml(pageCss() + STILL)}</style>${html}</div>` +
    `</foreignObject></svg>`
  const img = new Image()
  img.width = w
  img.height = h
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
  await img.decode()
  return img
}

/**
 * Elements mid-animation (a chip popping in, a user's logout flash) show their animated values on
 * screen but keep the starting ones in their style attribute: copy what is on screen into the clone.
 */
function freezeAnimations(original: HTMLElement, clone: HTMLElement) {
  const from = [original, ...original.querySelectorAll<HTMLElement>('*')]
  const to = [clone, ...clone.querySelectorAll<HTMLElement>('*')]
  from.forEach((el, i) => {
    const copy = to[i]
    if (!copy || el.getAnimations().length === 0) return
    const now = getComputedStyle(el)
    copy.style.transform = now.transform
    copy.style.opacity = now.opacity
    copy.style.backgroundColor = now.backgroundColor
  })
}

/** The page's own CSS rules (same-origin sheets), so the picture looks like the stage on screen. */
function pageCss(): string {
  const out: string[] = []
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) out.push(rule.cssText)
    } catch {
      // A sheet we may not read (another origin): the picture just lacks its rules.
    }
  }
  return out.join('\n')
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function toPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    // toBlob throws on a tainted canvas; both paths end up in the caller's fallback.
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png')
  })
}
