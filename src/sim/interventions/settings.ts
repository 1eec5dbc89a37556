// Interventions that switch a setting of the running system: the routing policy, where sessions
// live, the affinity TTL, the canary share, idempotency keys and what failover does.

import { MAX_AFFINITY_TTL_MS } from '../config.ts'
import { policyById } from '../policies/registry.ts'
import { policyUnder } from '../products/registry.ts'
import { migrateSessions } from '../sessionMigration.ts'
import { emit, formatDuration } from '../trace.ts'
import { POLICY_IDS, STORAGE_KINDS, type PolicyId, type SimMs, type StorageKind } from '../types.ts'
import type { InterventionDef } from './define.ts'

export type SetPolicy = { readonly kind: 'setPolicy'; readonly policy: PolicyId }
export type SetStorage = { readonly kind: 'setStorage'; readonly storage: StorageKind }
export type SetAffinityTtl = { readonly kind: 'setAffinityTtl'; readonly ttlMs: SimMs; readonly mode?: 'sliding' | 'fixed' }
export type SetCanary = { readonly kind: 'setCanary'; readonly percent: number }
export type SetIdempotency = { readonly kind: 'setIdempotency'; readonly on: boolean }
export type SetFailover = { readonly kind: 'setFailover'; readonly mode: 'repin' | 'fail' }

export const setPolicy = {
  kind: 'setPolicy',
  apply(s, iv) {
    // A policy the load balancer can't express: its stand-in, and the log says why.
    const { policy, problem } = policyUnder(s.config.lb, iv.policy)
    s.config = { ...s.config, policy }
    emit(s, 'config', `Routing policy → ${policyById(policy).describe(s.config)}${problem ? ` (${problem})` : ''}`)
  },
  label: (iv) => `routing: ${policyById(iv.policy).label}`,
  schema: (z, f) => f.kind('setPolicy', { policy: z.enum(POLICY_IDS) }),
} satisfies InterventionDef<SetPolicy>

export const setStorage = {
  kind: 'setStorage',
  apply(s, iv) {
    const from = s.config.storage
    if (from === iv.storage) return
    s.config = { ...s.config, storage: iv.storage }
    const moved = migrateSessions(s, from, iv.storage)
    emit(s, 'config', `Sessions now live in ${storageLabel(iv.storage)} (${moved})`)
  },
  label: (iv) => `sessions: ${iv.storage}`,
  schema: (z, f) => f.kind('setStorage', { storage: z.enum(STORAGE_KINDS) }),
} satisfies InterventionDef<SetStorage>

export const setAffinityTtl = {
  kind: 'setAffinityTtl',
  apply(s, iv) {
    s.config = {
      ...s.config,
      cookie: { ...s.config.cookie, ttlMs: iv.ttlMs, mode: iv.mode ?? s.config.cookie.mode },
      clientIpTimeoutMs: iv.ttlMs,
    }
    emit(s, 'config', `Affinity TTL → ${formatDuration(iv.ttlMs)} (${s.config.cookie.mode}); cookies already issued keep their expiry`)
  },
  label: (iv) => `affinity TTL ${Math.round(iv.ttlMs / 1000)} s`,
  schema: (z, f) => f.kind('setAffinityTtl', { ttlMs: f.int(1_000, MAX_AFFINITY_TTL_MS), mode: f.opt(z.enum(['sliding', 'fixed'])) }),
} satisfies InterventionDef<SetAffinityTtl>

export const setCanary = {
  kind: 'setCanary',
  apply(s, iv) {
    s.config = { ...s.config, canaryPercent: Math.max(0, Math.min(100, iv.percent)) }
    emit(s, 'config', `Canary: ${s.config.canaryPercent}% of requests ignore affinity`)
  },
  label: (iv) => `canary ${iv.percent}%`,
  schema: (_, f) => f.kind('setCanary', { percent: f.num(0, 100) }),
} satisfies InterventionDef<SetCanary>

export const setIdempotency = {
  kind: 'setIdempotency',
  apply(s, iv) {
    s.config = { ...s.config, idempotencyKeys: iv.on }
    emit(s, 'config', iv.on ? 'Checkouts now carry idempotency keys' : 'Checkouts no longer carry idempotency keys')
  },
  label: (iv) => `idempotency ${iv.on ? 'on' : 'off'}`,
  schema: (z, f) => f.kind('setIdempotency', { on: z.boolean() }),
} satisfies InterventionDef<SetIdempotency>

export const setFailover = {
  kind: 'setFailover',
  apply(s, iv) {
    s.config = { ...s.config, failover: iv.mode }
    emit(s, 'config', iv.mode === 'repin' ? 'Failover: re-pin to a healthy server' : 'Failover: none, pinned requests fail while their server is down')
  },
  label: (iv) => `failover: ${iv.mode}`,
  schema: (z, f) => f.kind('setFailover', { mode: z.enum(['repin', 'fail']) }),
} satisfies InterventionDef<SetFailover>

function storageLabel(storage: StorageKind): string {
  switch (storage) {
    case 'memory':
      return 'server memory'
    case 'shared':
      return 'a shared store'
    case 'database':
      return 'the database'
    case 'jwt':
      return 'JWT tokens'
  }
}
