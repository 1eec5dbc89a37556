// The migration walkthrough: its five stages, applied to the sticky starting point at any pace a
// learner can manage (≥ 10 s apart), keep unexpected logouts at zero and end with affinity off; and
// the walkthrough reads its progress from the run's script.

import { describe, expect, it } from 'vitest'
import { lab } from '../../../sim/harness.ts'
import type { ScriptItem } from '../../../sim/interventions.ts'
import { MIGRATION_STAGES, nextStage, SETTLE_MS, stageTimes, WALKTHROUGH_INIT } from './migrationStages.ts'

function walk(start: number, gap: number) {
  const b = lab().scenario(WALKTHROUGH_INIT.scenario).seed(WALKTHROUGH_INIT.seed!).config(WALKTHROUGH_INIT.overrides!)
  let t = start
  for (const stage of MIGRATION_STAGES) {
    b.at(t)
    for (const iv of stage.apply) b.do(iv)
    t += gap
  }
  return b.run(t + 30_000)
}

describe('migration walkthrough', () => {
  it('starts from the migration-plan fleet without its script: 3 servers, 18 users, cookie + memory', () => {
    const s = lab().scenario(WALKTHROUGH_INIT.scenario).seed(WALKTHROUGH_INIT.seed!).config(WALKTHROUGH_INIT.overrides!)
    expect(s.scriptItems).toEqual([])
    const c = s.resolvedConfig
    expect([c.servers, c.users, c.policy, c.storage, c.natGroups.length]).toEqual([3, 18, 'cookie', 'memory', 0])
    // 30 s in, every server holds sessions to take stock of.
    const at30 = s.run(WALKTHROUGH_INIT.at!)
    for (const srv of at30.servers) expect(srv.memory.size).toBeGreaterThan(0)
  })

  it.each([
    [30_000, SETTLE_MS],
    [30_000, 25_000],
    [45_000, 12_000],
    [90_000, 60_000],
  ])('stages from %i ms, %i ms apart: zero logouts, affinity off at the end', (start, gap) => {
    const s = walk(start, gap)
    expect(s.counters.unexpectedLogouts).toBe(0)
    expect(s.counters.cartsLost).toBe(0)
    expect(s.config.policy).toBe('round-robin')
    expect(s.config.storage).toBe('shared')
  })

  it('reads stage progress from the applied script, in order, with a settle time between stages', () => {
    const item = (at: number, i: number): ScriptItem[] => MIGRATION_STAGES[i]!.apply.map((iv) => ({ at, do: iv }))
    expect(stageTimes([], null, 40_000)).toEqual([null, null, null, null, null])
    expect(nextStage([null, null, null, null, null], 40_000)).toEqual({ index: 0, waitMs: 0 })
    const applied = [...item(42_000, 1), ...item(55_000, 2)]
    expect(stageTimes(applied, 31_000, 60_000)).toEqual([31_000, 42_000, 55_000, null, null])
    expect(nextStage(stageTimes(applied, 31_000, 60_000), 60_000)).toEqual({ index: 3, waitMs: 5_000 })
    // Without the inventory (e.g. scrubbed back before it), later stages don't count either.
    expect(stageTimes(applied, null, 60_000)).toEqual([null, null, null, null, null])
    expect(stageTimes(applied, 70_000, 60_000)[0]).toBeNull()
    const all = [...applied, ...item(66_000, 3), ...item(80_000, 4)]
    expect(nextStage(stageTimes(all, 31_000, 95_000), 95_000)).toBeNull()
  })
})
