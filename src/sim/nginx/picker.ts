// One request's walk through an nginx upstream with the method named (round robin, ip_hash, hash,
// hash consistent): pickerWalk.ts walks, each algorithm's file starts its hashing. What Node, the
// conformance suite and the tests call; the browser's engine takes the methods it has loaded.

import { chashStart, type Ring } from './consistentHash.ts'
import { hashStart } from './hash.ts'
import { ipHashStart } from './ipHash.ts'
import type { PeerView } from './peerView.ts'
import { createPickerWith, type NginxMethod, type Picker } from './pickerWalk.ts'
import type { RoundRobinState } from './roundRobin.ts'

export { NGINX_METHODS, type Choice, type ChoiceOutcome, type NginxMethod, type Picker } from './pickerWalk.ts'

/**
 * Starts one request. `key` is the client IP (text or 4/16 bytes) for ip-hash, the evaluated `hash` key
 * otherwise (ignored by round-robin). `rr` is the upstream's shared round-robin state; `ring` defaults to
 * a ring cached per `view.servers` array.
 */
export function createPicker(method: NginxMethod, view: PeerView, key: string | Uint8Array, rr: RoundRobinState, ring?: Ring): Picker {
  const start = method === 'ip-hash' ? ipHashStart : method === 'hash' ? hashStart : method === 'hash-consistent' ? chashStart(ring) : null
  return createPickerWith(start, view, key, rr)
}
