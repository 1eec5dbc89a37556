// A design under comparison: a routing policy, where sessions live, and the few options that change
// the lesson (affinity TTL, idempotency keys, a JWT deny list, fleet size). It becomes a config
// override on top of the shared scenario, so every column keeps the scenario's seed and traffic.

import type { ConfigPatch } from '../../sim/config.ts'
import { LB_PRODUCTS, ROUTING_POLICIES } from '../../lab-ui/engine.ts'
import type { LbProductId, PolicyId, StorageKind } from '../../sim/types.ts'
import { designKind } from '../../store/design.ts'

export interface Design {
  /** The load balancer, when not the scenario's own. */
  readonly lb?: LbProductId
  readonly policy: PolicyId
  readonly storage: StorageKind
  /** Affinity TTL in seconds (the LB cookie and Kubernetes ClientIP). */
  readonly ttlS?: number
  readonly idempotency?: boolean
  readonly denyList?: boolean
  readonly servers?: number
}

export const STORAGE_SHORT: Record<StorageKind, string> = {
  memory: 'server memory',
  shared: 'shared store',
  database: 'database',
  jwt: 'JWT',
}

export function designOverrides(d: Design): ConfigPatch {
  const ttl = d.ttlS !== undefined ? d.ttlS * 1000 : undefined
  return {
    ...(d.lb !== undefined ? { lb: d.lb } : {}),
    policy: d.policy,
    storage: d.storage,
    ...(ttl !== undefined ? { cookie: { ttlMs: ttl }, clientIpTimeoutMs: ttl } : {}),
    ...(d.idempotency ? { idempotencyKeys: true } : {}),
    ...(d.denyList ? { jwt: { denyList: true } } : {}),
    ...(d.servers !== undefined ? { servers: d.servers } : {}),
  }
}

/**
 * The design in a few words, e.g. "Sticky: Cookie affinity + server memory". Sticky and Stateless
 * mean what the lab's Design toggle means (any affinity over server memory is sticky); a JWT's carts
 * are taken to be in memory, the engine's default.
 */
export function designLabel(d: Design): string {
  const base = `${ROUTING_POLICIES[d.policy].label} + ${STORAGE_SHORT[d.storage]}`
  const k = designKind({ policy: d.policy, storage: d.storage, jwt: { carts: 'memory' } })
  const kind = k === 'sticky' ? 'Sticky: ' : k === 'stateless' ? 'Stateless: ' : ''
  const opts = designOptions(d)
  return `${kind}${base}${opts.length > 0 ? ` (${opts.join(', ')})` : ''}`
}

export function designOptions(d: Design): string[] {
  const out: string[] = []
  if (d.lb !== undefined) out.push(LB_PRODUCTS[d.lb].label)
  if (d.ttlS !== undefined) out.push(`affinity TTL ${d.ttlS} s`)
  if (d.idempotency) out.push('idempotency keys')
  if (d.denyList) out.push('deny list')
  if (d.servers !== undefined) out.push(`${d.servers} server${d.servers === 1 ? '' : 's'}`)
  return out
}

/** The URL token: "policy.storage" plus options in a fixed order, e.g. "cookie.memory.lb-haproxy.ttl60.idem". */
export function designToken(d: Design): string {
  const parts: string[] = [d.policy, d.storage]
  if (d.lb !== undefined) parts.push(`lb-${d.lb}`)
  if (d.ttlS !== undefined) parts.push(`ttl${d.ttlS}`)
  if (d.idempotency) parts.push('idem')
  if (d.denyList) parts.push('deny')
  if (d.servers !== undefined) parts.push(`s${d.servers}`)
  return parts.join('.')
}

/** Tokens are unique per design, so they double as equality. */
export const sameDesign = (a: Design, b: Design) => designToken(a) === designToken(b)
