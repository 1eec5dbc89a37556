// The routing policies as <option>s for a product: each under the lab's name, titled with the
// product's own name for it; a policy the product can't express is listed, but not offered, with why
// (products/registry.ts). Used by the lab's routing picker and each compare column's.

import { ROUTING_POLICIES } from '../sim/policies/registry.ts'
import { LB_PRODUCTS } from '../sim/products/registry.ts'
import { POLICY_IDS, type LbProductId } from '../sim/types.ts'

export function PolicyOptions({ lb }: { lb: LbProductId }) {
  return POLICY_IDS.map((p) => {
    const entry = LB_PRODUCTS[lb].policies[p]
    return (
      <option key={p} value={p} disabled={!entry.supported} title={entry.supported ? entry.name : entry.why}>
        {ROUTING_POLICIES[p].label}
        {entry.supported ? '' : ` — not in ${LB_PRODUCTS[lb].short}`}
      </option>
    )
  })
}
