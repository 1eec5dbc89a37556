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

/**
 * Affinity ignored (src/sim/products/engine/haproxy.ts routeCookie): HAProxy's `ignore-persist`
 * balances the request with the backend's round robin and inserts no cookie (http_ana.c: no
 * Set-Cookie under SF_IGNORE_PRST). Two cases: the model's canary requests, which the replay marks
 * with this header (the share is the model's random draw, as a client's address is the model's), and
 * affinity switched off (the lab's "routing: round robin"), a map entry flipped on the runtime API —
 * no reload, which would start the round robin afresh.
 */
export const CANARY_HEADER = 'x-lab-canary'

export function ignorePersistLines(mapFile: string): string {
  return `  ignore-persist if { req.hdr(${CANARY_HEADER}) -m found }
  ignore-persist if { str(affinity),map(${mapFile},on) -m str off }`
}

export const AFFINITY_MAP = 'affinity on\n'

/** The runtime-API line that switches cookie affinity on or off. */
export function affinityCommand(mapFile: string, on: boolean): string {
  return `set map ${mapFile} affinity ${on ? 'on' : 'off'}`
}
