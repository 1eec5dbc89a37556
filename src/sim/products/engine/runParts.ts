// Which parts of its load balancer a run needs (index.ts POLICY_PARTS): for the policy it starts with,
// every policy its script switches to, and the header policy's pick when its script forges a header.
// Read before a browser creates or changes a run (src/store/productLoader.ts), so the part is there
// by the time the engine asks for it.

import type { Intervention, ScriptItem } from '../../interventions.ts'
import type { LbProductId, PolicyId } from '../../types.ts'
import type { PartId } from './behaviour.ts'
import { partsFor } from './index.ts'

/** The policies a script switches to or aims with. */
export function scriptPolicies(script: readonly ScriptItem[]): PolicyId[] {
  const out: PolicyId[] = []
  for (const { do: iv } of script) {
    if (iv.kind === 'setPolicy') out.push(iv.policy)
    else if (iv.kind === 'forgeHeader') out.push('header')
  }
  return out
}

/** The parts a run under `lb` starting with `policy` and following `script` needs. */
export function runParts(lb: LbProductId, policy: PolicyId, script: readonly ScriptItem[]): PartId[] {
  return partsFor(lb, [policy, ...scriptPolicies(script)])
}

/** The parts an intervention under `lb` needs before it is applied (switching to a policy that uses one). */
export function interventionParts(lb: LbProductId, iv: Intervention): PartId[] {
  return partsFor(lb, scriptPolicies([{ at: 0, do: iv }]))
}
