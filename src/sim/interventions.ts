// Interventions: what a learner (or a scenario script) does to a running system, applied at a moment
// of simulated time and recorded in the run's script so the run can be replayed, shared, compared
// and scrubbed. One record per kind (interventions/*.ts: apply, label, button caption, share-link
// schema); INTERVENTIONS below must list a record for every member of the union — a new kind is a
// compile error until it has all of them.

import type { InterventionDef } from './interventions/define.ts'
import * as fleet from './interventions/fleet.ts'
import { behaviourOf } from './products/engine/index.ts'
import * as headerAffinity from './interventions/headerAffinity.ts'
import * as population from './interventions/population.ts'
import * as sessionStore from './interventions/sessionStore.ts'
import * as settings from './interventions/settings.ts'
import * as tokens from './interventions/tokens.ts'
import type { SimMs, SimState } from './types.ts'

export type { InterventionDef } from './interventions/define.ts'
export { presentUsers } from './interventions/population.ts'
export { onTokenReplay } from './interventions/tokens.ts'

export type Intervention =
  | fleet.CrashServer
  | fleet.RestartServer
  | fleet.AddServer
  | fleet.RemoveServer
  | fleet.RollingDeploy
  | sessionStore.StoreDown
  | sessionStore.StoreUp
  | settings.SetPolicy
  | settings.SetStorage
  | settings.SetAffinityTtl
  | population.SetRate
  | population.SetUsers
  | population.AddNatGroup
  | population.AddHeavyUsers
  | population.ChangeUserIp
  | headerAffinity.ForgeHeader
  | headerAffinity.SetHeaderSource
  | settings.SetCanary
  | tokens.RevokeToken
  | settings.SetIdempotency
  | tokens.SetDenyList
  | settings.SetFailover
  | sessionStore.SetStorePersistence

export type InterventionKind = Intervention['kind']
export type InterventionOf<K extends InterventionKind> = Extract<Intervention, { kind: K }>

/** An intervention at a moment of the run; `by: 'scenario'` marks one the scenario planned. */
export interface ScriptItem {
  readonly at: SimMs
  readonly do: Intervention
  readonly by?: 'scenario'
}

/** Every kind's record, in the share format's order. */
export const INTERVENTIONS = {
  crashServer: fleet.crashServer,
  restartServer: fleet.restartServer,
  addServer: fleet.addServer,
  removeServer: fleet.removeServer,
  rollingDeploy: fleet.rollingDeploy,
  storeDown: sessionStore.storeDown,
  storeUp: sessionStore.storeUp,
  setPolicy: settings.setPolicy,
  setStorage: settings.setStorage,
  setAffinityTtl: settings.setAffinityTtl,
  setRate: population.setRate,
  setUsers: population.setUsers,
  addNatGroup: population.addNatGroup,
  addHeavyUsers: population.addHeavyUsers,
  changeUserIp: population.changeUserIp,
  forgeHeader: headerAffinity.forgeHeader,
  setHeaderSource: headerAffinity.setHeaderSource,
  setCanary: settings.setCanary,
  revokeToken: tokens.revokeToken,
  setIdempotency: settings.setIdempotency,
  setDenyList: tokens.setDenyList,
  setFailover: settings.setFailover,
  setStorePersistence: sessionStore.setStorePersistence,
} as const satisfies { readonly [K in InterventionKind]: InterventionDef<InterventionOf<K>> }

/** The record of `iv`'s kind, typed for `iv` (TypeScript can't correlate the lookup by itself). */
function recordOf<I extends Intervention>(iv: I): InterventionDef<I> {
  const def = (INTERVENTIONS as unknown as Partial<Record<string, InterventionDef<I>>>)[iv.kind]
  if (def === undefined) throw new Error(`unhandled intervention ${JSON.stringify(iv)}`)
  return def
}

export function applyIntervention(s: SimState, iv: Intervention): void {
  recordOf(iv).apply(s, iv)
  behaviourOf(s).fleetChanged?.(s)
}

/** A short label for timeline markers, logs and announcements: "crash B", "routing: Cookie affinity". */
export function interventionLabel(iv: Intervention): string {
  return recordOf(iv).label(iv)
}

/** The caption of a button that does `iv` (the same words wherever the lab offers it). */
export function interventionButton(iv: Intervention): { readonly text: string; readonly title?: string } {
  const def = recordOf(iv)
  return def.button ? def.button(iv) : { text: def.label(iv) }
}
