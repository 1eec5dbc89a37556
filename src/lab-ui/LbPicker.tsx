// The "Load balancer" picker: which product sits in the middle (nginx, HAProxy, AWS ALB, a Kubernetes
// Service, Cloudflare). Switching replays the run from 0:00 under the other product with the learner's
// interventions, back to the same moment (labStore `setLb`): a product swap is a new load balancer, not
// a mid-run change. A policy the new product lacks runs its stand-in, which the routing picker and the
// event log explain.

import { Select } from '../components/Select.tsx'
import { LB_PRODUCTS, policyUnder } from '../sim/products/registry.ts'
import { LB_PRODUCT_IDS, type LbProductId } from '../sim/types.ts'
import { useLab, useLabStore } from '../store/LabContext.tsx'
import { askedPolicy } from './config/askedPolicy.ts'

export function LbPicker() {
  const store = useLabStore()
  const lb = useLab((s) => s.sim.config.lb)
  // The design asks for a policy this product lacks: say which one stands in, and why.
  const problem = useLab((s) => {
    const asked = askedPolicy(s)
    return asked === undefined ? null : policyUnder(s.sim.config.lb, asked).problem
  })
  return (
    <div className="flex min-w-0 flex-col gap-1" data-testid="lb-picker">
      <Select<LbProductId> label="Load balancer" value={lb} onChange={(v) => store.getState().setLb(v)}>
        {LB_PRODUCT_IDS.map((id) => (
          <option key={id} value={id}>
            {LB_PRODUCTS[id].label}
          </option>
        ))}
      </Select>
      <p className="text-xs text-muted" data-picker-note>
        Switching replays this run from 0:00 under the other load balancer, to this moment.
      </p>
      {problem !== null && (
        <p className="text-xs text-warn" data-testid="lb-standin">
          {problem}
        </p>
      )}
    </div>
  )
}
