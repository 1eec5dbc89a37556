// Interventions on the store outside the servers (the shared store, or the database when sessions
// live there): an outage, its recovery, and whether the shared store persists to disk.

import { mutStore } from '../cow.ts'
import { storeOutage, storeRecovery } from '../lifecycle.ts'
import { storeInUse } from '../storage.ts'
import { emit } from '../trace.ts'
import type { SessionStoreName, SimState } from '../types.ts'
import type { InterventionDef } from './define.ts'

export type StoreDown = { readonly kind: 'storeDown' }
export type StoreUp = { readonly kind: 'storeUp' }
export type SetStorePersistence = { readonly kind: 'setStorePersistence'; readonly persistent: boolean }

/** The store an outage hits (see storeInUse in storage.ts). */
function storeName(s: SimState): SessionStoreName {
  return storeInUse(s) === s.database ? 'database' : 'sessionStore'
}

export const storeDown = {
  kind: 'storeDown',
  apply: (s) => storeOutage(s, storeName(s)),
  label: () => 'store outage',
  button: () => ({ text: 'Store outage' }),
  schema: (_, f) => f.kind('storeDown', {}),
} satisfies InterventionDef<StoreDown>

export const storeUp = {
  kind: 'storeUp',
  apply: (s) => storeRecovery(s, storeName(s)),
  label: () => 'store back',
  button: () => ({ text: 'Bring store back' }),
  schema: (_, f) => f.kind('storeUp', {}),
} satisfies InterventionDef<StoreUp>

export const setStorePersistence = {
  kind: 'setStorePersistence',
  apply(s, iv) {
    s.config = { ...s.config, store: { persistent: iv.persistent } }
    mutStore(s, 'sessionStore').persistent = iv.persistent
    emit(s, 'config', iv.persistent ? 'Shared store persists to disk' : 'Shared store keeps sessions in memory only')
  },
  label: (iv) => `store ${iv.persistent ? 'persistent' : 'in-memory'}`,
  schema: (z, f) => f.kind('setStorePersistence', { persistent: z.boolean() }),
} satisfies InterventionDef<SetStorePersistence>
