// The routing policy the learner (or the scenario) asked for, before the product's stand-in was
// applied: the latest setPolicy intervention already applied, else the lab's override, else the
// scenario's own. "Config for this design" names it when the product had to use another policy.

import type { ConfigPatch } from '../../sim/config.ts'
import { SCENARIOS, type ScenarioId } from '../../sim/scenarios/index.ts'
import { appliedScript, type Timeline } from '../../sim/timeline.ts'
import type { PolicyId, SimState } from '../../sim/types.ts'

export function askedPolicy(s: { readonly scenarioId: ScenarioId; readonly overrides: ConfigPatch; readonly timeline: Timeline; readonly sim: SimState }): PolicyId | undefined {
  const applied = appliedScript(s.timeline, s.sim)
  for (let i = applied.length - 1; i >= 0; i--) {
    const iv = applied[i]!.do
    if (iv.kind === 'setPolicy') return iv.policy
  }
  return s.overrides.policy ?? SCENARIOS[s.scenarioId].config.policy
}
