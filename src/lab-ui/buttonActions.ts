// The interventions behind the lab's one-click buttons, shared by the lab's controls and the compare
// view's bar so both do the same thing; their captions come from each kind's record (interventionButton).

import type { Intervention } from '../sim/interventions.ts'

export const ADD_SERVER: Intervention = { kind: 'addServer' }
export const ROLLING_DEPLOY: Intervention = { kind: 'rollingDeploy', mode: 'drain' }
export const NAT_GROUP: Intervention = { kind: 'addNatGroup', size: 20 }
export const HEAVY_USERS: Intervention = { kind: 'addHeavyUsers', count: 3 }
export const STORE_DOWN: Intervention = { kind: 'storeDown' }
export const STORE_UP: Intervention = { kind: 'storeUp' }

