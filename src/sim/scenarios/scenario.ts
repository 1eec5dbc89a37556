// A scenario is data: a claim of the article turned into a seed, a config and a script of
// interventions. Each one is a golden test (scenarios.test.ts), an entry in the lab's picker, a URL,
// an embed and the scene behind flashcards and lessons. Its prose (what to watch, the claim) is
// display text and lives with the UI: src/lab-ui/content/scenarioWatch.ts and scenarioClaims.ts.

import type { ConfigPatch } from '../config.ts'
import type { Intervention, ScriptItem } from '../interventions.ts'
import type { SimMs } from '../types.ts'

export const SCENARIO_IDS = [
  'scale-out-no-affinity',
  'cookie-affinity',
  'affinity-ttl-expiry',
  'ip-hash-nat-hotspot',
  'mobile-ip-change',
  'header-spoofing',
  'crash-sticky-memory',
  'heavy-users-hotspot',
  'autoscale-sticky',
  'rolling-deploy',
  'one-hot-backend',
  'shared-store',
  'database-store',
  'store-outage',
  'jwt-tokens',
  'consistent-hash-scaling',
  'retry-duplicates',
  'migration-plan',
  'websocket-affinity',
] as const
export type ScenarioId = (typeof SCENARIO_IDS)[number]

export interface Scenario {
  readonly id: ScenarioId
  readonly title: string
  /** Slug of the lesson that teaches it. */
  readonly lesson: string
  readonly seed: number
  readonly config: ConfigPatch
  readonly script: readonly ScriptItem[]
  /** How long the scenario needs to make its point. */
  readonly durationMs: SimMs
}

/** Marks every scripted intervention as planned by the scenario (kept when a learner forks the run). */
export function at(ms: SimMs, iv: Intervention): ScriptItem {
  return { at: ms, do: iv, by: 'scenario' }
}

export function isScenarioId(x: string): x is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(x)
}
