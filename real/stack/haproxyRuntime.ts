// HAProxy's administrative state of a server as the model's fleet asks for it, and the runtime-API
// commands that move a server from one state to another (docs/facts/haproxy.md §Server states):
// `maint` for a slot with no server or a new process still booting (the engine's `stateOf`), `drain`
// for a server being drained (cookie holders still served, nobody new from the balancer), `ready`
// otherwise. An operator's deploy does exactly this on the stats socket: drain → maint → new process
// → ready.

import type { FleetSlot } from './balancer.ts'

export type AdminState = 'ready' | 'drain' | 'maint'

export function adminStateOf(slot: FleetSlot | undefined): AdminState {
  if (!slot || !slot.present || slot.booting) return 'maint'
  return slot.draining ? 'drain' : 'ready'
}

/** The runtime-API line that takes backend `backend`'s server `id` to `state` (none when it is there). */
export function adminCommand(backend: string, id: string, was: AdminState, state: AdminState): string | null {
  return was === state ? null : `set server ${backend}/${id} state ${state}`
}
