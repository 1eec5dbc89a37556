// `hash-type consistent` (HAProxy 2.6 src/lb_chash.c): every usable server owns weight × 16 points at
// full_hash(id × 4096 + n); a hash goes to the nearer of the points around it. See docs/facts/haproxy.md
// §Consistent hashing.

import { fullHash } from './hash.ts'
import type { HaproxyServer } from './servers.ts'
import { usableIndices, type BackendView } from './view.ts'

/** BE_WEIGHT_SCALE: consistent hashing scales user weights by 16. */
export const WEIGHT_SCALE = 16
/** SRV_EWGHT_RANGE = 256 × 16: the stride between two servers' point numbers. */
export const EWGHT_RANGE = 4096

/** The tree of points, sorted by key (unsigned). `owners[i]` is the server index of point i. */
export interface Ring {
  keys: number[]
  owners: number[]
  /** Point number n of its server (for explanations). */
  nodes: number[]
}

/** Key of point `n` of the server with id `id`: full_hash(puid * SRV_EWGHT_RANGE + n), in C int arithmetic. */
export function pointKey(id: number, n: number): number {
  return fullHash((Math.imul(id, EWGHT_RANGE) + n) >>> 0)
}

export class RingCollisionError extends Error {}

/**
 * Ids that differ by a multiple of 2^20 give two servers the same point keys (the id × 4096 product wraps
 * at 2^32). HAProxy then keeps duplicate keys in its tree; we refuse such backends rather than guess.
 */
export function checkRingIds(servers: readonly HaproxyServer[]): void {
  const seen = new Map<number, string>()
  for (const s of servers) {
    const slot = s.id % 1048576
    const other = seen.get(slot)
    if (other !== undefined) {
      throw new RingCollisionError(`servers ${other} and ${s.name} have ids that differ by a multiple of 1048576: their ring points collide`)
    }
    seen.set(slot, s.name)
  }
}

/** The active tree of chash_init_server_tree() / chash_queue_dequeue_srv(), over the usable servers. */
export function buildRing(view: BackendView): Ring {
  checkRingIds(view.servers)
  const points: { key: number; owner: number; node: number }[] = []
  for (const i of usableIndices(view)) {
    const s = view.servers[i] as HaproxyServer
    for (let n = 0; n < s.weight * WEIGHT_SCALE; n++) points.push({ key: pointKey(s.id, n), owner: i, node: n })
  }
  points.sort((a, b) => a.key - b.key)
  return { keys: points.map((p) => p.key), owners: points.map((p) => p.owner), nodes: points.map((p) => p.node) }
}

/** eb32_lookup_ge(): index of the first point with key ≥ hash, or -1. */
export function lookupGe(ring: Ring, hash: number): number {
  let lo = 0
  let hi = ring.keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((ring.keys[mid] as number) < hash) lo = mid + 1
    else hi = mid
  }
  return lo < ring.keys.length ? lo : -1
}

export interface RingPick {
  /** Point index the choice landed on (after any walk past `avoid`). */
  point: number
  server: number
  /** The two points around the hash and which was nearer, for explanations. */
  next: number
  prev: number
  walked: number
}

/** chash_get_server_hash(): the nearer of the points around `hash` (prev on a tie), then clockwise past `avoid`. */
export function ringLookup(ring: Ring, hash: number, avoid: number | null): RingPick | null {
  const size = ring.keys.length
  if (size === 0) return null
  let next = lookupGe(ring, hash)
  if (next < 0) next = 0
  const prev = next > 0 ? next - 1 : size - 1
  const dp = (hash - (ring.keys[prev] as number)) >>> 0
  const dn = ((ring.keys[next] as number) - hash) >>> 0
  let at = dp <= dn ? prev : next
  let walked = 0
  let loop = 0
  while (ring.owners[at] === avoid) {
    at++
    walked++
    if (at === size) {
      at = 0
      if (++loop > 1) break
    }
  }
  return { point: at, server: ring.owners[at] as number, next, prev, walked }
}

/** chash_get_next_server()'s state: the last point handed out (by key and owner, as the tree node). */
export interface ChashRrState {
  last: { key: number; owner: number } | null
}

export const createChashRrState = (): ChashRrState => ({ last: null })

/** chash_get_next_server(): round robin over the points in key order, skipping `avoid` unless alone. */
export function ringNextRr(ring: Ring, rr: ChashRrState, avoid: number | null): number | null {
  const size = ring.keys.length
  if (size === 0) return null
  // Where `last` sits in this ring: its own point if still present; if its server left the tree, HAProxy
  // moved `last` on to the following point (chash_skip_node), so start from there.
  let start = -1
  if (rr.last) {
    const ge = lookupGe(ring, rr.last.key)
    start = ge < 0 ? 0 : ge
  }
  const stop = start
  let node = start
  let avoided: number | null = null
  let avoidedNode = -1
  for (let first = true; first || node !== stop; first = false) {
    node = node + 1 >= size || node < 0 ? 0 : node + 1
    const s = ring.owners[node] as number
    rr.last = { key: ring.keys[node] as number, owner: s }
    if (s !== avoid) return s
    avoided = s
    avoidedNode = node
    if (stop < 0 && node === size - 1) break
  }
  if (avoidedNode >= 0) rr.last = { key: ring.keys[avoidedNode] as number, owner: avoided as number }
  return avoided
}
