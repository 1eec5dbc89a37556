// `hash-type map-based` (HAProxy 2.6 src/lb_map.c): a table of tot_weight slots filled in server order by
// a smooth weighted interleave; a hash picks slot hash % tot_weight. See docs/facts/haproxy.md §Map-based.

import type { HaproxyServer } from './servers.ts'
import { usableIndices, type BackendView } from './view.ts'

/** init_server_map(): the GCD of all non-zero user weights (servers in any state count). */
export function weightGcd(servers: readonly HaproxyServer[]): number {
  let gcd = 0
  for (const s of servers) {
    if (s.weight === 0) continue
    if (gcd === 0) {
      gcd = s.weight
      continue
    }
    if (gcd === 1) break
    let a = gcd
    let b = s.weight
    while (b) [a, b] = [b, a % b]
    gcd = a
  }
  return gcd === 0 ? 1 : gcd
}

/** Effective weights: user weight divided by the GCD (wdiv is 1 for map-based). */
export function mapWeights(servers: readonly HaproxyServer[]): number[] {
  const gcd = weightGcd(servers)
  return servers.map((s) => Math.ceil(s.weight / gcd))
}

/** recalc_server_map(): slot → server index, over the usable servers only. */
export function buildMap(view: BackendView): number[] {
  const eweights = mapWeights(view.servers)
  const usable = usableIndices(view)
  const tot = usable.reduce((sum, i) => sum + (eweights[i] as number), 0)
  const map: number[] = []
  if (tot === 0) return map
  const wscore = new Map<number, number>(usable.map((i) => [i, 0]))
  for (let o = 0; o < tot; o++) {
    let best = -1
    let max = 0
    for (const i of usable) {
      if (tot === 1) {
        best = i
        break
      }
      const score = (wscore.get(i) as number) + (eweights[i] as number)
      wscore.set(i, score)
      const v = Math.trunc((score + tot) / tot)
      if (best < 0 || v > max) {
        max = v
        best = i
      }
    }
    map.push(best)
    wscore.set(best, (wscore.get(best) as number) - tot)
  }
  return map
}

/** map_get_server_rr()'s state: the next slot to try (it survives map rebuilds, as in HAProxy). */
export interface MapRrState {
  idx: number
}

export const createMapRrState = (): MapRrState => ({ idx: 0 })

/** map_get_server_rr(): the next slot's server, skipping `avoid` unless it is the only choice. */
export function mapNextRr(map: readonly number[], rr: MapRrState, avoid: number | null): number | null {
  const tot = map.length
  if (tot === 0) return null
  if (rr.idx < 0 || rr.idx >= tot) rr.idx = 0
  // Every slot holds `avoid` if we get past the loop: HAProxy then returns it from the last slot seen.
  // (rr_idx then points just past that last slot: the start again, or `tot` when the start was 0.)
  let idx = rr.idx
  do {
    const srv = map[idx++] as number
    if (srv !== avoid) {
      rr.idx = idx
      return srv
    }
    if (idx === tot) idx = 0
  } while (idx !== rr.idx)
  if (rr.idx === 0) rr.idx = tot
  return avoid
}
