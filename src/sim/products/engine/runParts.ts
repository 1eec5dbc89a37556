// Which parts of its load balancer a run needs (index.ts POLICY_PARTS, HEADER_PICK_PARTS): for the
// policy it starts with, every policy its script switches to, and the product's header pick when its
// script forges a header. Read before a browser creates or changes a run (src/store/productLoader.ts),
// so the part is there by the time the engine asks for it.

import type { Intervention, ScriptItem } from '../../interventions.ts'
import type { LbProductId, PolicyId } from '../../types.ts'
import type { PartId } from './behaviour.ts'
import { HEADER_PICK_PARTS, partsFor } from './index.ts'

/** The parts a run under `lb` starting with `policy` and following `script` needs. */
export function runParts(lb: LbProductId, policy: PolicyId, script: readonly ScriptItem[]): PartId[] {
  const parts = new Set(partsFor(lb, [policy]))
  for (const { do: iv } of script) for (const part of interventionParts(lb, iv)) parts.add(part)
  return [...parts].sort()
}

/** The parts an intervention under `lb` needs before it is applied (a policy that uses one; a forged header). */
export function interventionParts(lb: LbProductId, iv: Intervention): PartId[] {
  if (iv.kind === 'setPolicy') return partsFor(lb, [iv.policy])
  return iv.kind === 'forgeHeader' ? [HEADER_PICK_PARTS[lb]] : []
}
