// The proof table (proof.ts) checked against the scenarios: every scenario has a row for its own design
// and for the opposite one (sticky ↔ stateless) under its own load balancer, each naming the design the
// scenario really has. Used by `npm run test:real` and proof.test.ts; not part of any page's bundle.

import { resolveConfig } from '../../sim/config.ts'
import { ROUTING_POLICIES } from '../../sim/policies/registry.ts'
import { isScenarioId, SCENARIO_IDS, SCENARIOS, type ScenarioId } from '../../sim/scenarios/index.ts'
import type { PolicyId, StorageKind } from '../../sim/types.ts'
import { designKind, modeDesign } from '../../store/design.ts'
import { REAL_PROOF } from './proof.ts'

/** The opposite design: sticky ↔ stateless (a mix counts as sticky when its routing pins users). */
export function opposite(id: ScenarioId): { policy: PolicyId; storage: StorageKind } {
  const c = resolveConfig(SCENARIOS[id].config)
  const kind = designKind(c)
  const pinned = kind === 'sticky' || (kind === 'mixed' && ROUTING_POLICIES[c.policy].sticky)
  return modeDesign(pinned ? 'stateless' : 'sticky', c.lb)
}

/**
 * The proof table, checked against the scenarios: every scenario has its own design and the opposite
 * one, each with the design the scenario really has. Returns the mistakes (none = the table is true).
 */
export function tableMistakes(): string[] {
  const out: string[] = []
  for (const id of SCENARIO_IDS) {
    const c = resolveConfig(SCENARIOS[id].config)
    const want = { default: { policy: c.policy, storage: c.storage }, opposite: opposite(id) }
    for (const design of ['default', 'opposite'] as const) {
      const rows = REAL_PROOF.filter((r) => r.scenario === id && r.design === design && r.lb === c.lb)
      if (rows.length !== 1) out.push(`${id} (${design}, ${c.lb}): ${rows.length} rows in proof.ts, expected 1`)
      for (const r of rows) if (r.policy !== want[design].policy || r.storage !== want[design].storage) out.push(`${id} (${design}): proof.ts says ${r.policy} + ${r.storage}, the scenario gives ${want[design].policy} + ${want[design].storage}`)
    }
  }
  for (const r of REAL_PROOF) if (!isScenarioId(r.scenario)) out.push(`proof.ts names no scenario "${r.scenario}"`)
  return out
}
