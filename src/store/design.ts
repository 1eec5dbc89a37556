// A lab's design in the words a learner uses, and the learner's design choices as config.
// Sticky = any routing that keeps a user on one server (cookie, ip_hash, a key hash, a header,
// Kubernetes ClientIP) with sessions in server memory; Stateless = routing free to pick any server,
// with sessions outside the servers. Everything else is a mix, named as such (docs/DECISIONS.md;
// the sentence that names it: designSummary.ts).
// `learnerDesign` folds the learner's configuration changes into a config patch: Reset restarts the
// run from 0:00 with that patch, so the design the learner chose is kept and only events are dropped.

import { clampInt, MAX_SERVERS, type ConfigPatch } from '../sim/config.ts'
import type { ScriptItem } from '../sim/interventions.ts'
import { ROUTING_POLICIES } from '../sim/policies/registry.ts'
import { productById } from '../sim/products/registry.ts'
import type { LbProductId, PolicyId, SimConfig, StorageKind } from '../sim/types.ts'

export type DesignKind = 'sticky' | 'stateless' | 'mixed'

/** The one-click designs of the Design toggle, under load balancer `lb`: Sticky is the product's own
 *  affinity (HAProxy/ALB/Cloudflare cookie, nginx `hash $cookie_uid consistent`, Kubernetes ClientIP)
 *  over server memory; Stateless its affinity-free default over a shared store (products/*.ts). */
export function modeDesign(mode: 'sticky' | 'stateless', lb: LbProductId): { readonly policy: PolicyId; readonly storage: StorageKind } {
  const product = productById(lb)
  return mode === 'sticky' ? { policy: product.stickyPolicy, storage: 'memory' } : { policy: product.statelessPolicy, storage: 'shared' }
}

export type DesignConfig = Pick<SimConfig, 'policy' | 'storage'> & { readonly jwt: Pick<SimConfig['jwt'], 'carts'> }

/** Does per-user state (sessions, or a JWT user's cart) live in one server's memory? */
export function stateInMemory(c: DesignConfig): boolean {
  return c.storage === 'memory' || (c.storage === 'jwt' && c.jwt.carts === 'memory')
}

export function designKind(c: DesignConfig): DesignKind {
  const sticky = ROUTING_POLICIES[c.policy].sticky
  const memory = stateInMemory(c)
  if (sticky && memory) return 'sticky'
  if (!sticky && !memory) return 'stateless'
  return 'mixed'
}

/** Interventions that are design choices (kept by Reset) rather than events (dropped by it). */
const DESIGN_KINDS: ReadonlySet<string> = new Set([
  'setPolicy',
  'setStorage',
  'setUsers',
  'addServer',
  'removeServer',
  'setAffinityTtl',
  'setRate',
  'setHeaderSource',
  'setCanary',
  'setIdempotency',
  'setDenyList',
  'setFailover',
  'setStorePersistence',
])

export function isDesignChoice(item: ScriptItem): boolean {
  return item.by !== 'scenario' && DESIGN_KINDS.has(item.do.kind)
}

/** Routing or storage changed by the learner: what the Design toggle shows, and what the lab marks. */
export function isDesignSwitch(item: ScriptItem): boolean {
  return item.by !== 'scenario' && (item.do.kind === 'setPolicy' || item.do.kind === 'setStorage')
}

/**
 * The learner's design choices among `applied` (script items already applied, in order) as a patch
 * on top of `base` (the run's starting config). Scenario-planned items are not the learner's: they
 * stay in the scenario's script and happen again.
 */
export function learnerDesign(base: SimConfig, applied: readonly ScriptItem[]): ConfigPatch {
  const out: { -readonly [K in keyof ConfigPatch]: ConfigPatch[K] } = {}
  let servers = base.servers
  let serversChanged = false
  for (const item of applied) {
    if (!isDesignChoice(item)) continue
    const iv = item.do
    switch (iv.kind) {
      case 'setPolicy':
        out.policy = iv.policy
        break
      case 'setStorage':
        out.storage = iv.storage
        break
      case 'setUsers':
        out.users = iv.count
        break
      case 'addServer':
        servers += 1
        serversChanged = true
        break
      case 'removeServer':
        servers -= 1
        serversChanged = true
        break
      case 'setAffinityTtl':
        out.cookie = { ...out.cookie, ttlMs: iv.ttlMs, ...(iv.mode ? { mode: iv.mode } : {}) }
        out.clientIpTimeoutMs = iv.ttlMs
        break
      case 'setRate':
        out.rate = iv.rate
        break
      case 'setHeaderSource':
        out.header = { ...out.header, source: iv.source }
        break
      case 'setCanary':
        out.canaryPercent = iv.percent
        break
      case 'setIdempotency':
        out.idempotencyKeys = iv.on
        break
      case 'setDenyList':
        out.jwt = { ...out.jwt, denyList: iv.on }
        break
      case 'setFailover':
        out.failover = iv.mode
        break
      case 'setStorePersistence':
        out.store = { ...out.store, persistent: iv.persistent }
        break
      default:
        break
    }
  }
  if (serversChanged) out.servers = clampInt(servers, 1, MAX_SERVERS)
  return out
}

/** `b` on top of `a`, nested objects merged (as resolveConfig applies patches). */
export function mergePatches(a: ConfigPatch, b: ConfigPatch): ConfigPatch {
  const out: Record<string, unknown> = { ...a }
  for (const [key, value] of Object.entries(b)) {
    if (value === undefined) continue
    const before = out[key]
    out[key] = before !== null && typeof before === 'object' && !Array.isArray(before) && typeof value === 'object' && !Array.isArray(value) ? { ...before, ...value } : value
  }
  return out as ConfigPatch
}
