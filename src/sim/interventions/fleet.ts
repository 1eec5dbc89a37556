// Interventions on the fleet of app servers: crash, restart, add, remove (drain or kill) and rolling
// deploys. The work itself is the servers' lifecycle (../lifecycle.ts).

import * as lifecycle from '../lifecycle.ts'
import type { ServerId } from '../types.ts'
import type { InterventionDef } from './define.ts'

export type CrashServer = { readonly kind: 'crashServer'; readonly server: ServerId }
export type RestartServer = { readonly kind: 'restartServer'; readonly server: ServerId }
export type AddServer = { readonly kind: 'addServer' }
export type RemoveServer = { readonly kind: 'removeServer'; readonly server: ServerId; readonly mode: 'drain' | 'kill' }
export type RollingDeploy = { readonly kind: 'rollingDeploy'; readonly mode: 'drain' | 'kill' }

export const crashServer = {
  kind: 'crashServer',
  apply: (s, iv) => lifecycle.crashServer(s, iv.server),
  label: (iv) => `crash ${iv.server}`,
  button: (iv) => ({ text: `Crash ${iv.server}` }),
  schema: (_, f) => f.kind('crashServer', { server: f.server }),
} satisfies InterventionDef<CrashServer>

export const restartServer = {
  kind: 'restartServer',
  apply: (s, iv) => lifecycle.restartServer(s, iv.server),
  label: (iv) => `restart ${iv.server}`,
  button: (iv) => ({ text: `Restart ${iv.server}` }),
  schema: (_, f) => f.kind('restartServer', { server: f.server }),
} satisfies InterventionDef<RestartServer>

export const addServer = {
  kind: 'addServer',
  apply: (s) => void lifecycle.addServer(s),
  label: () => 'add a server',
  button: () => ({ text: '+ Add server' }),
  schema: (_, f) => f.kind('addServer', {}),
} satisfies InterventionDef<AddServer>

export const removeServer = {
  kind: 'removeServer',
  apply: (s, iv) => lifecycle.removeServer(s, iv.server, iv.mode),
  label: (iv) => `${iv.mode === 'drain' ? 'drain' : 'kill'} ${iv.server}`,
  schema: (_, f) => f.kind('removeServer', { server: f.server, mode: f.drainOrKill }),
} satisfies InterventionDef<RemoveServer>

export const rollingDeploy = {
  kind: 'rollingDeploy',
  apply: (s, iv) => lifecycle.startRollingDeploy(s, iv.mode),
  label: (iv) => `rolling deploy (${iv.mode})`,
  button: (iv) => ({ text: 'Rolling deploy', title: `Replace every server in turn, ${iv.mode === 'drain' ? 'draining each first' : 'killing each at once'}` }),
  schema: (_, f) => f.kind('rollingDeploy', { mode: f.drainOrKill }),
} satisfies InterventionDef<RollingDeploy>
