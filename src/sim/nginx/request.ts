// A whole proxied request against an upstream: pick, try, record the outcome, retry — nginx's next-upstream loop.

import type { Ring } from './consistentHash.ts'
import { peerViewAt, recordFailure, recordSuccess, type PeerHealth } from './peerHealth.ts'
import type { ExplainLine } from './peerView.ts'
import { createPicker, type ChoiceOutcome, type NginxMethod } from './picker.ts'
import type { RoundRobinState } from './roundRobin.ts'

export interface RequestInput {
  method: NginxMethod
  health: PeerHealth
  rr: RoundRobinState
  ring?: Ring
  /** Client IP for ip-hash, the evaluated hash key otherwise. */
  key: string | Uint8Array
  nowMs: number
  /** Does a try on this peer succeed? (false = connect error/timeout: counts as a failure, go to the next peer) */
  attempt: (index: number) => boolean
}

export interface RequestResult {
  /** Peers tried, in order (nginx's $upstream_addr, without the group name). */
  tries: number[]
  /** The peer that answered, or null → 502. */
  served: number | null
  /** How the request ended: 'picked' = served; otherwise why it is a 502. */
  outcome: ChoiceOutcome
  /** Peers that became disabled during this request ("upstream server temporarily disabled"). */
  disabled: number[]
  explain: ExplainLine[]
}

/** Runs one request at `nowMs`, mutating `health` and `rr` exactly as nginx mutates its peer state. */
export function simulateRequest(input: RequestInput): RequestResult {
  const { method, health, rr, key, nowMs, attempt } = input
  const view = peerViewAt(health, nowMs)
  const picker = createPicker(method, view, key, rr, input.ring)
  const result: RequestResult = { tries: [], served: null, outcome: 'picked', disabled: [], explain: [] }
  for (;;) {
    const choice = picker.next()
    result.explain.push(...choice.explain)
    if (choice.index === null) {
      result.outcome = choice.outcome
      return result
    }
    result.tries.push(choice.index)
    if (attempt(choice.index)) {
      recordSuccess(health, choice.index)
      result.served = choice.index
      return result
    }
    if (recordFailure(health, choice.index, nowMs, rr)) result.disabled.push(choice.index)
  }
}

/** nginx's $upstream_addr for a result: tried peers, then the group name if it ended in "no live upstreams". */
export function upstreamAddr(result: RequestResult, names: readonly string[], group: string): string {
  const parts = result.tries.map((i) => names[i] ?? String(i))
  if (result.outcome === 'no-live-upstreams') parts.push(group)
  return parts.join(', ')
}
