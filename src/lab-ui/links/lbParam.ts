// The `lb=` URL parameter of the lab page and embed.html: which load balancer the run starts with
// (nginx, haproxy, alb, kube-proxy, cloudflare). A value that isn't one of them is named in a plain
// sentence and left out, so the scenario's own load balancer is used; a routing policy the chosen one
// can't express is named too (the run uses the product's stand-in, products/registry.ts).

import { DEFAULT_CONFIG, type ConfigPatch } from '../../sim/config.ts'
import { isLbProductId, policyUnder } from '../../sim/products/registry.ts'
import { LB_PRODUCT_IDS, type LbProductId, type PolicyId } from '../../sim/types.ts'
import { quote } from './shareLink.ts'

export function readLbParam(query: URLSearchParams): { lb?: LbProductId; problem: string | null } {
  const v = query.get('lb')
  if (v === null) return { problem: null }
  if (isLbProductId(v)) return { lb: v, problem: null }
  return { problem: `“${quote(v)}” is not a load balancer (use ${LB_PRODUCT_IDS.join(', ')}).` }
}

/**
 * The sentence for a routing policy the run's load balancer can't express (the run uses the product's
 * stand-in), or null: `config` is the scenario's config, `overrides` what the URL set on top.
 */
export function productProblem(config: ConfigPatch, overrides: ConfigPatch): string | null {
  const lb: LbProductId = overrides.lb ?? config.lb ?? DEFAULT_CONFIG.lb
  const policy: PolicyId | undefined = overrides.policy ?? config.policy
  if (policy === undefined) return null
  const { problem } = policyUnder(lb, policy)
  return problem
}
