// The weighted walk ip_hash and hash share: slot w of Σweight maps to the peer whose weight range holds it.

import type { UpstreamServer } from './upstream.ts'

/** Σ weight over all peers, `down` ones included — which is why `down` keeps other keys in place. */
export function totalWeight(servers: readonly UpstreamServer[]): number {
  let total = 0
  for (const s of servers) total += s.weight
  return total
}

/** Index of the peer owning weight slot `w` (0 ≤ w < totalWeight), walking in config order. */
export function peerForSlot(servers: readonly UpstreamServer[], w: number): number {
  let rest = w
  for (let i = 0; i < servers.length; i++) {
    const weight = servers[i]?.weight ?? 0
    if (rest < weight) return i
    rest -= weight
  }
  throw new RangeError(`weight slot ${w} is outside the total weight ${totalWeight(servers)}`)
}
