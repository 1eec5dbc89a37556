// The <iframe> snippet the embed generator hands out: an absolute src built from where the app is
// served (so it works under any sub-path), a title (axe's frame-title), lazy loading, fullscreen,
// a size, and — when the host page opts in — the few lines that turn on auto-height.

import { SCENARIOS } from '../../sim/scenarios/index.ts'
import { embedQuery, type EmbedChoice } from './embedParams.ts'

export const SIZES = {
  responsive: { label: 'Full width, 16:10', width: null, height: 400 },
  '640x400': { label: '640 × 400', width: 640, height: 400 },
  '560x315': { label: '560 × 315 (video size)', width: 560, height: 315 },
  '800x600': { label: '800 × 600', width: 800, height: 600 },
  '360x480': { label: '360 × 480 (phone)', width: 360, height: 480 },
} as const
export type SizeId = keyof typeof SIZES
/** The fixed sizes every controls level is checked to fit (README "Sizes", e2e/firstScreen.spec.ts). */
export const CHECKED_SIZES = ['640x400', '560x315', '360x480', '800x600'] as const satisfies readonly SizeId[]

export const RESIZER_CDN = 'https://cdn.jsdelivr.net/npm/@open-iframe-resizer/core@2.1.0/dist/index.js'

/** embed.html next to the app, e.g. https://host/course/lab/embed.html?scenario=…. */
export function embedSrc(choice: EmbedChoice, from: string): string {
  const url = new URL('embed.html', from)
  url.search = ''
  url.hash = ''
  return `${url.href}?${embedQuery(choice)}`
}

export function embedTitle(choice: Pick<EmbedChoice, 'scenario'>): string {
  return `Sticky Sessions Lab: ${SCENARIOS[choice.scenario].title}`
}

/** Inline style of the iframe (and of the live preview). `realSize`: never shrink below the chosen
 *  size (the generator's preview scrolls sideways instead), so what you see is what readers get. */
export function frameStyle(size: SizeId, realSize = false): { width: string; height?: string; aspectRatio?: string; maxWidth: string; border: string; flexShrink?: number } {
  const s = SIZES[size]
  if (s.width === null) return { width: '100%', aspectRatio: '16 / 10', maxWidth: '100%', border: '0' }
  return { width: `${s.width}px`, height: `${s.height}px`, maxWidth: realSize ? 'none' : '100%', border: '0', ...(realSize ? { flexShrink: 0 } : {}) }
}

export function snippet(choice: EmbedChoice, opts: { from: string; size: SizeId; autoHeight: boolean }): string {
  const s = SIZES[opts.size]
  const id = `sticky-lab-${choice.scenario}`
  const attrs = [
    ...(opts.autoHeight ? [`id="${id}"`] : []),
    `src="${attr(embedSrc({ ...choice, height: opts.autoHeight ? 'auto' : 'frame' }, opts.from))}"`,
    `title="${attr(embedTitle(choice))}"`,
    ...(s.width !== null ? [`width="${s.width}"`, `height="${s.height}"`] : []),
    'loading="lazy"',
    'allow="fullscreen"',
    `style="${s.width === null ? 'width:100%;aspect-ratio:16/10;' : 'max-width:100%;'}border:0"`,
  ]
  const frame = `<iframe\n  ${attrs.join('\n  ')}\n></iframe>`
  if (!opts.autoHeight) return frame
  return `${frame}\n<script type="module">\n  // Optional: grow the frame to fit the lab (open-iframe-resizer, MIT).\n  import { initialize } from '${RESIZER_CDN}'\n  initialize({}, '#${id}')\n</script>`
}

function attr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
