// embed.html's own parameters (controls, autoplay, speed, theme, height) — read leniently with a plain
// sentence for each value that could not be used — and the query string the embed generator writes.
// Scenario, seed and the shared run `s` are read by shareLink.ts like any share link; `lb` (the load
// balancer) by lbParam.ts, as on the lab page.

import { SPEEDS } from '../../store/labStore.ts'
import type { ScenarioId } from '../../sim/scenarios/index.ts'
import type { LbProductId } from '../../sim/types.ts'
import { quote } from './shareLink.ts'

export const CONTROLS = ['full', 'minimal', 'none'] as const
export const THEMES = ['auto', 'light', 'dark'] as const
/** `frame`: fit the frame exactly, never scroll (the default). `auto`: lay out at a natural height for
 *  a host page that grows the frame to fit (the generator's auto-height snippet asks for this). */
export const HEIGHTS = ['frame', 'auto'] as const
export type EmbedControls = (typeof CONTROLS)[number]
export type EmbedTheme = (typeof THEMES)[number]
export type EmbedHeight = (typeof HEIGHTS)[number]

export interface EmbedOptions {
  readonly controls: EmbedControls
  readonly autoplay: boolean
  readonly speed: number
  readonly theme: EmbedTheme
  readonly height: EmbedHeight
}

export const EMBED_DEFAULTS: EmbedOptions = { controls: 'minimal', autoplay: false, speed: 1, theme: 'auto', height: 'frame' }

export function readEmbedOptions(query: URLSearchParams): { options: EmbedOptions; problems: string[] } {
  const problems: string[] = []
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const v = query.get(name)
    if (v === null) return fallback
    if ((allowed as readonly string[]).includes(v)) return v as T
    problems.push(`“${quote(v)}” is not a valid ${name} (use ${allowed.join(', ')}), so ${fallback} was used.`)
    return fallback
  }
  const controls = pick('controls', CONTROLS, EMBED_DEFAULTS.controls)
  const theme = pick('theme', THEMES, EMBED_DEFAULTS.theme)
  const height = pick('height', HEIGHTS, EMBED_DEFAULTS.height)

  let autoplay = EMBED_DEFAULTS.autoplay
  const a = query.get('autoplay')
  if (a !== null) {
    if (a === '1' || a === 'true') autoplay = true
    else if (a !== '0' && a !== 'false') problems.push(`“${quote(a)}” is not a valid autoplay (use 0 or 1), so the lab starts paused.`)
  }

  let speed = EMBED_DEFAULTS.speed
  const sp = query.get('speed')
  if (sp !== null) {
    const digits = /^(\d+(?:\.\d+)?)x?$/i.exec(sp)?.[1]
    const n = digits === undefined ? NaN : Number(digits)
    if ((SPEEDS as readonly number[]).includes(n)) speed = n
    else problems.push(`“${quote(sp)}” is not a valid speed (use one of ${SPEEDS.join(', ')}), so 1× was used.`)
  }
  return { options: { controls, autoplay, speed, theme, height }, problems }
}

export interface EmbedChoice extends EmbedOptions {
  readonly scenario: ScenarioId
  readonly seed?: number
  /** The load balancer, when not the scenario's own (read back by lbParam.ts). */
  readonly lb?: LbProductId
  /** A shared run (the `s` of a share link) to open at. */
  readonly run?: string
}

/** "scenario=…&controls=…" — readable, in a stable order; the run last (it is the long part). */
export function embedQuery(c: EmbedChoice): string {
  const parts = [`scenario=${encodeURIComponent(c.scenario)}`, `controls=${c.controls}`, `autoplay=${c.autoplay ? 1 : 0}`, `theme=${c.theme}`]
  if (c.speed !== 1) parts.push(`speed=${c.speed}`)
  if (c.height === 'auto') parts.push('height=auto')
  if (c.seed !== undefined) parts.push(`seed=${c.seed}`)
  if (c.lb !== undefined) parts.push(`lb=${c.lb}`)
  if (c.run) parts.push(`s=${c.run}`)
  return parts.join('&')
}
