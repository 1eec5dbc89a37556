// How a lesson scene runs: fast enough that the learner sees the whole scenario in well under a
// minute, slow enough to follow; and which config overrides a scene may set (and link to the lab).

import type { ConfigPatch } from '../../../sim/config.ts'
import { DEFAULT_CONFIG, isLbProductId, LB_PRODUCT_IDS, POLICY_IDS, policyUnder, SCENARIOS, STORAGE_KINDS, type LbProductId, type PolicyId, type ScenarioId, type StorageKind } from '../../../lab-ui/engine.ts'

const RUN_SPEEDS = [2, 4, 8, 16] as const
const TARGET_WALL_MS = 40_000

/** The slowest of 2×/4×/8×/16× that plays `durationMs` of simulated time in ≤ 40 s of wall time. */
export function runSpeed(durationMs: number): number {
  return RUN_SPEEDS.find((s) => durationMs / s <= TARGET_WALL_MS) ?? 16
}

/** What a scene may change about its scenario (kept small: every knob must map to a lesson idea). */
export interface SceneOverrides {
  /** The load balancer product (nginx, haproxy, alb, kube-proxy, cloudflare). */
  lb?: LbProductId
  policy?: PolicyId
  storage?: StorageKind
  servers?: number
  users?: number
}

export const OVERRIDE_KEYS = ['lb', 'policy', 'storage', 'servers', 'users'] as const

/**
 * Check a scene's overrides; returns the problems (empty when valid). With `scenario`, also that the
 * routing policy is one the scene's load balancer has (else the run would use a stand-in).
 */
export function overrideProblems(o: unknown, scenario?: ScenarioId): string[] {
  if (o === undefined) return []
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return ['overrides must be an object']
  const problems: string[] = []
  for (const [k, v] of Object.entries(o)) {
    if (k === 'lb') {
      if (typeof v !== 'string' || !isLbProductId(v)) problems.push(`unknown load balancer "${String(v)}" (${LB_PRODUCT_IDS.join(', ')})`)
    } else if (k === 'policy') {
      if (!(POLICY_IDS as readonly unknown[]).includes(v)) problems.push(`unknown policy "${String(v)}"`)
    } else if (k === 'storage') {
      if (!(STORAGE_KINDS as readonly unknown[]).includes(v)) problems.push(`unknown storage "${String(v)}"`)
    } else if (k === 'servers') {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 10) problems.push('servers must be an integer 1–10')
    } else if (k === 'users') {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 200) problems.push('users must be an integer 1–200')
    } else problems.push(`"${k}" can't be overridden in a scene (allowed: ${OVERRIDE_KEYS.join(', ')})`)
  }
  if (problems.length === 0 && scenario !== undefined) {
    const { lb, policy } = o as SceneOverrides
    const sc = SCENARIOS[scenario].config
    const misfit = policy !== undefined || lb !== undefined ? policyUnder(lb ?? sc.lb ?? DEFAULT_CONFIG.lb, policy ?? sc.policy ?? DEFAULT_CONFIG.policy).problem : null
    if (misfit !== null) problems.push(misfit)
  }
  return problems
}

/** The overrides as a ConfigPatch, ignoring anything invalid (content tests keep lessons valid). */
export function toPatch(o: SceneOverrides | undefined): ConfigPatch {
  return o && overrideProblems(o).length === 0 ? { ...o } : {}
}

/** Query parameters for "Open in the full lab": the scenario plus the scene's overrides. */
export function labQuery(id: string, o: SceneOverrides | undefined): Record<string, string | number | undefined> {
  const patch = toPatch(o) as SceneOverrides
  return { scenario: id, lb: patch.lb, policy: patch.policy, storage: patch.storage, servers: patch.servers, users: patch.users }
}
