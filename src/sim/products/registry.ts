// Every load-balancer product, by id, and the one rule for a policy a product cannot express: the
// product's closest policy stands in, with a sentence saying why (config validation: resolveConfig,
// the CLI, share links, embeds and the lab all go through `policyUnder`). Adding a product = one file
// + its id in LB_PRODUCT_IDS (types/config.ts) + one line here + a test.

import { LB_PRODUCT_IDS, type LbProductId, type PolicyId } from '../types.ts'
import { alb } from './alb.ts'
import { cloudflare } from './cloudflare.ts'
import { haproxy } from './haproxy.ts'
import { kubeProxy } from './kubeProxy.ts'
import { nginx } from './nginx.ts'
import type { LbProduct } from './product.ts'

export const LB_PRODUCTS: Readonly<Record<LbProductId, LbProduct>> = {
  nginx,
  haproxy,
  alb,
  'kube-proxy': kubeProxy,
  cloudflare,
}

export function productById(id: LbProductId): LbProduct {
  return LB_PRODUCTS[id]
}

export function isLbProductId(x: string): x is LbProductId {
  return (LB_PRODUCT_IDS as readonly string[]).includes(x)
}

/**
 * The policy `lb` runs when asked for `policy`: the same one when the product has it, else its
 * stand-in, with the sentence to show ("nginx 1.22 (open source) has no cookie affinity: … → nginx
 * uses hash $cookie_uid consistent instead").
 */
export function policyUnder(lb: LbProductId, policy: PolicyId): { readonly policy: PolicyId; readonly problem: string | null } {
  const product = LB_PRODUCTS[lb]
  const entry = product.policies[policy]
  if (entry.supported) return { policy, problem: null }
  const instead = product.policies[entry.instead]
  const name = instead.supported ? instead.name : entry.instead
  return { policy: entry.instead, problem: `${entry.why} → ${product.short} uses ${name} instead.` }
}

/** What `lb` calls `policy` in its own configuration, or null when it has no such thing. */
export function policyName(lb: LbProductId, policy: PolicyId): string | null {
  const entry = LB_PRODUCTS[lb].policies[policy]
  return entry.supported ? entry.name : null
}
