// Writing a share link's run: JSON with the format version, compressed with lz-string into a
// URL-safe string, and the link's hash. Reading it back (with validation) is decode.ts, loaded only when a link has one.

import LZString from 'lz-string'
import type { ConfigPatch } from '../../sim/config.ts'
import type { ScenarioId } from '../../sim/scenarios/index.ts'
import type { ScriptItem } from '../../sim/interventions.ts'
import type { SimMs } from '../../sim/types.ts'
import { MAX_AT_MS, MAX_SCRIPT_ITEMS, SHARE_VERSION } from './limits.ts'

/** A run on top of a scenario: what a share link reproduces. */
export interface LinkedRun {
  readonly seed?: number
  readonly overrides?: ConfigPatch
  /** The learner's interventions (never the scenario's own planned ones). */
  readonly script: readonly ScriptItem[]
  readonly at: SimMs
}

/** Compact keys: t = time, k = seed, c = config overrides, i = interventions as [at, what]. */
export function encodeRun(run: LinkedRun): string {
  const payload = {
    v: SHARE_VERSION,
    t: Math.min(MAX_AT_MS, Math.max(0, Math.round(run.at))),
    ...(run.seed !== undefined ? { k: run.seed } : {}),
    ...(run.overrides && Object.keys(run.overrides).length > 0 ? { c: run.overrides } : {}),
    ...(run.script.length > 0 ? { i: run.script.slice(0, MAX_SCRIPT_ITEMS).map((x) => [x.at, x.do]) } : {}),
  }
  return LZString.compressToEncodedURIComponent(JSON.stringify(payload))
}

/** "#/lab?scenario=…&s=…" — lz-string's alphabet is URL-safe, so `s` needs no escaping. */
export function shareHash(scenario: ScenarioId, run: LinkedRun, path = '/lab'): string {
  return `#${path}?scenario=${encodeURIComponent(scenario)}&s=${encodeRun(run)}`
}
