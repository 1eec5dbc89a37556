// The migration plan (lesson 12) as data: five stages (the lesson's "Step 1…5"), what each one changes in a running system,
// and how far a learner has got — derived from the run's own script, so scrubbing back, resetting
// or forking the run can never leave the walkthrough out of sync with the lab.

import type { Intervention, ScriptItem } from '../../../sim/interventions.ts'
import type { LabInit } from '../../../store/labStore.ts'

export interface MigrationStage {
  readonly title: string
  readonly does: string
  readonly apply: readonly Intervention[]
}

export const MIGRATION_STAGES: readonly MigrationStage[] = [
  { title: 'Inventory what lives in memory', does: 'No config change: list what each server keeps between two requests.', apply: [] },
  { title: 'Move sessions to a shared store', does: 'Sessions are copied into a Redis-like store; affinity stays on as a safety net.', apply: [{ kind: 'setStorage', storage: 'shared' }] },
  { title: 'Turn on idempotency keys', does: 'Checkouts carry a key, so a retried request can’t place an order twice.', apply: [{ kind: 'setIdempotency', on: true }] },
  {
    title: 'Lean on affinity less',
    does: 'The ALB’s stickiness duration drops from a day to 5 minutes, and a 20 % canary ignores affinity.',
    apply: [
      { kind: 'setAffinityTtl', ttlMs: 300_000 },
      { kind: 'setCanary', percent: 20 },
    ],
  },
  { title: 'Turn affinity off', does: 'The balancer switches to plain round robin.', apply: [{ kind: 'setPolicy', policy: 'round-robin' }] },
]

/**
 * Where the walkthrough starts: the sticky fleet of the migration-plan scenario (3 servers, 18 users,
 * cookie affinity, sessions in memory, seed 15) but without its scripted stages — the learner applies
 * them. Started 30 s in, so every server already holds sessions to take stock of. The lab's Reset
 * goes back to this sticky start (the stages are derived from the run's script, so a Reset that
 * kept the migrated design would leave the list of stages out of step with the lab).
 */
export const WALKTHROUGH_INIT: LabInit = { scenario: 'cookie-affinity', seed: 15, overrides: { users: 18, natGroups: [] }, at: 30_000, keepDesign: false }

/** Simulated time to watch after a stage before the next one unlocks. */
export const SETTLE_MS = 10_000

/** When each stage was applied (null: not yet), from the applied script and the inventory moment. */
export function stageTimes(applied: readonly ScriptItem[], inventoryAt: number | null, now: number): (number | null)[] {
  const times: (number | null)[] = [inventoryAt !== null && inventoryAt <= now ? inventoryAt : null]
  for (const stage of MIGRATION_STAGES.slice(1)) {
    const last = stage.apply.at(-1)!
    const item = applied.find((x) => x.do.kind === last.kind && JSON.stringify(x.do) === JSON.stringify(last))
    times.push(item ? item.at : null)
  }
  // A stage only counts when every stage before it counts too (a learner can't skip ahead).
  for (let i = 1; i < times.length; i++) if (times[i - 1] === null) times[i] = null
  return times
}

/** The stage the learner may apply now (index), or null: all done, or still settling. */
export function nextStage(times: readonly (number | null)[], now: number): { index: number; waitMs: number } | null {
  const index = times.findIndex((t) => t === null)
  if (index < 0) return null
  const prev = index === 0 ? null : times[index - 1]!
  return { index, waitMs: prev === null ? 0 : Math.max(0, prev + SETTLE_MS - now) }
}
