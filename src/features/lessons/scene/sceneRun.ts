// How a lesson scene runs: fast enough that the learner sees the whole scenario in well under a
// minute, slow enough to follow; and which config overrides a scene may set (and link to the lab).

import type { ConfigPatch } from '../../../sim/config.ts'
import { POLICY_IDS, STORAGE_KINDS, type PolicyId, type StorageKind } from '../../../lab-ui/engine.ts'

const RUN_SPEEDS = [2, 4, 8, 16] as const
const TARGET_WALL_MS = 40_000

/** The slowest of 2×/4×/8×/16× that plays `durationMs` of simulated time in ≤ 40 s of wall time. */
export function runSpeed(durationMs: number): number {
  return RUN_SPEEDS.find((s) => durationMs / s <= TARGET_WALL_MS) ?? 16
}

/** What a scene may change about its scenario (kept small: every knob must map to a lesson idea). */
export interface SceneOverrides {
  policy?: PolicyId
  storage?: StorageKind
  servers?: number
  users?: number
}

export const OVERRIDE_KEYS = ['policy', 'storage', 'servers', 'users'] as const

/** Check a scene's overrides; returns the problems (empty when valid). */
export function overrideProblems(o: unknown): string[] {
  if (o === undefined) return []
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return ['overrides must be an object']
  const problems: string[] = []
  for (const [k, v] of Object.entries(o)) {
    if (k === 'policy') {
      if (!(POLICY_IDS as readonly unknown[]).includes(v)) problems.push(`unknown policy "${String(v)}"`)
    } else if (k === 'storage') {
      if (!(STORAGE_KINDS as readonly unknown[]).includes(v)) problems.push(`unknown storage "${String(v)}"`)
    } else if (k === 'servers') {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 10) problems.push('servers must be an integer 1–10')
    } else if (k === 'users') {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 200) problems.push('users must be an integer 1–200')
    } else problems.push(`"${k}" can't be overridden in a scene (allowed: ${OVERRIDE_KEYS.join(', ')})`)
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
  return { scenario: id, policy: patch.policy, storage: patch.storage, servers: patch.servers, users: patch.users }
}
