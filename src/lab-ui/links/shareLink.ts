// Share links: the run of a lab → `#/lab?scenario=<id>&s=<compressed run>` (the scenario stays
// readable), and a URL's query → what to open, plus plain sentences for whatever could not be used.
// The same reader serves the lab page and embed.html. Writing a link (`shareHash`, lz-string) is in
// encode.ts, so a page that only reads links never loads the compressor; opening a decoded run is
// openRun.ts, loaded with the run (SharedRun.tsx).

import { SCENARIOS, isScenarioId, LANDING_SCENARIO, type ScenarioId } from '../../sim/scenarios/index.ts'
import type { LabInit, LabState } from '../../store/labStore.ts'
import type { LinkedRun } from './encode.ts'
import { MAX_AT_MS, MAX_SCRIPT_ITEMS, MAX_SEED } from './limits.ts'

export interface ShareRequest {
  readonly scenario: ScenarioId
  /** The lab's starting point: the scenario (and `seed`) at t = 0. A run in `encoded` is decoded,
   *  loaded and replayed to its moment after mount (SharedRun.tsx), so the validator loads lazily. */
  readonly init: LabInit
  /** The `s` parameter, when there is one to read (not when the scenario is unknown). */
  readonly encoded: string | null
  /** The URL named a scenario this lab does not have (the lab page says so itself). */
  readonly scenarioProblem: string | null
  /** Anything else in the URL that could not be used, in plain words. */
  readonly problems: readonly string[]
  /** Changes whenever the URL asks for a different run. */
  readonly key: string
}

/**
 * The learner's run as it stands: their interventions (not the scenario's own), the seed, now. A run
 * longer than a link can hold opens at the last moment the link reproduces exactly: at most
 * MAX_AT_MS, and before the first intervention that did not fit.
 */
export function runOf(state: Pick<LabState, 'seed' | 'overrides' | 'timeline' | 'sim'>): LinkedRun {
  const mine = state.timeline.script.filter((x) => x.by !== 'scenario' && x.at <= MAX_AT_MS)
  const dropped = mine[MAX_SCRIPT_ITEMS]
  const at = Math.min(state.sim.now, MAX_AT_MS, dropped ? Math.max(0, dropped.at - 1) : Infinity)
  return {
    seed: state.seed,
    ...(Object.keys(state.overrides).length > 0 ? { overrides: state.overrides } : {}),
    script: mine.slice(0, MAX_SCRIPT_ITEMS).map((x) => ({ at: x.at, do: x.do })),
    at,
  }
}

/** An absolute URL of the main app (from the app itself or from embed.html next to it). */
export function appUrl(hash: string, from: string = window.location.href): string {
  const url = new URL(from)
  url.pathname = url.pathname.replace(/embed\.html$/, '')
  url.search = ''
  url.hash = hash
  return url.href
}

/** Shorten and flatten text quoted back from a URL (it is shown as text, never as HTML). */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

export function readShare(query: URLSearchParams): ShareRequest {
  const problems: string[] = []
  const asked = query.get('scenario')
  const scenario: ScenarioId = asked !== null && isScenarioId(asked) ? asked : LANDING_SCENARIO
  const scenarioProblem = asked !== null && !isScenarioId(asked) ? `There is no scenario called “${quote(asked)}”, so “${SCENARIOS[scenario].title}” opened instead.` : null

  const seedParam = query.get('seed')
  let seed: number | undefined
  if (seedParam !== null) {
    if (/^\d{1,10}$/.test(seedParam) && Number(seedParam) <= MAX_SEED) seed = Number(seedParam)
    else problems.push(`The seed “${quote(seedParam)}” is not a whole number from 0 to ${MAX_SEED}, so the scenario’s own seed was used.`)
  }

  // lz-string's alphabet has "+", which a query string reads as a space: put it back.
  const s = query.get('s')?.replace(/ /g, '+') ?? null
  if (s !== null && scenarioProblem) problems.push('The saved run in this link was not replayed: it belongs to a scenario this lab does not have.')
  return {
    scenario,
    init: { scenario, ...(seed !== undefined ? { seed } : {}), playing: false },
    encoded: s !== null && !scenarioProblem ? s : null,
    scenarioProblem,
    problems,
    key: `${asked ?? ''}|${seedParam ?? ''}|${s ?? ''}`,
  }
}
