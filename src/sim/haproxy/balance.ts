// `balance source` and `balance hdr(<name>)` of HAProxy 2.6 (src/backend.c get_server_sh / get_server_hh,
// assign_server's round-robin fallback), on map-based or consistent lookup, and `balance roundrobin`
// (src/lb_fwrr.c, in fwrr.ts). See docs/facts/haproxy.md §Balance and §Round robin.

import { buildRing, ringLookup, ringNextRr, createChashRrState, type ChashRrState, type Ring } from './chash.ts'
import { createFwrr, fwrrNext, fwrrSync, type FwrrState } from './fwrr.ts'
import { fullHash, genHash, HASH_FUNCTIONS, utf8, type HashFunction } from './hash.ts'
import { buildMap, createMapRrState, mapNextRr, type MapRrState } from './mapBased.ts'
import { isUsable, usableIndices, type BackendView } from './view.ts'

export type HashBalance = { kind: 'source' } | { kind: 'hdr'; header: string }
export type Balance = HashBalance | { kind: 'roundrobin' }

export interface HashType {
  type: 'map-based' | 'consistent'
  fn: HashFunction
  avalanche: boolean
}

export class BalanceParseError extends Error {}

/** `hash-type map-based|consistent [<function> [avalanche]]`; a bare `consistent` means sdbm + avalanche. */
export function parseHashType(text: string): HashType {
  const [type, fn, modifier, ...extra] = text.trim().split(/\s+/)
  if (type !== 'map-based' && type !== 'consistent') {
    throw new BalanceParseError(`hash-type must be "map-based" or "consistent", got "${type ?? ''}"`)
  }
  if (fn === undefined || fn === '') return { type, fn: 'sdbm', avalanche: type === 'consistent' }
  if (!(HASH_FUNCTIONS as readonly string[]).includes(fn)) {
    throw new BalanceParseError(`hash function must be one of ${HASH_FUNCTIONS.join(', ')}, got "${fn}"`)
  }
  if (modifier !== undefined && modifier !== 'avalanche') {
    throw new BalanceParseError(`the only hash modifier is "avalanche", got "${modifier}"`)
  }
  if (extra.length > 0) throw new BalanceParseError(`unexpected "${extra.join(' ')}" after the hash-type`)
  return { type, fn: fn as HashFunction, avalanche: modifier === 'avalanche' }
}

export function formatHashType(h: HashType): string {
  if (h.fn === 'sdbm' && h.avalanche === (h.type === 'consistent')) return h.type
  return `${h.type} ${h.fn}${h.avalanche ? ' avalanche' : ''}`
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** `source` or `hdr(<name>)`. */
export function parseBalance(text: string): Balance {
  const t = text.trim()
  if (t === 'source') return { kind: 'source' }
  if (t === 'roundrobin') return { kind: 'roundrobin' }
  const m = /^hdr\((.*)\)$/.exec(t)
  if (m) {
    const header = m[1] ?? ''
    if (!HEADER_NAME.test(header)) throw new BalanceParseError(`hdr() needs a header name, got "${header}"`)
    return { kind: 'hdr', header }
  }
  throw new BalanceParseError(`balance must be "source", "hdr(<name>)" or "roundrobin", got "${t}"`)
}

/** The lookup structure of one backend state: the slot map or the ring, built over the usable servers. */
export interface Lb {
  view: BackendView
  balance: Balance
  hashType: HashType
  /** Usable (active) servers: HAProxy's srv_act / tot_used. */
  used: number
  map: number[]
  ring: Ring | null
}

export function createLb(view: BackendView, balance: Balance, hashType: HashType): Lb {
  const consistent = hashType.type === 'consistent'
  const rr = balance.kind === 'roundrobin'
  return {
    view,
    balance,
    hashType,
    used: usableIndices(view).length,
    map: consistent || rr ? [] : buildMap(view),
    ring: consistent && !rr ? buildRing(view) : null,
  }
}

/** Round-robin state: for requests whose hash key is missing, and `balance roundrobin`'s (HAProxy keeps one per backend). */
export interface RrState {
  map: MapRrState
  chash: ChashRrState
  /** `balance roundrobin`: created at the first pick from the servers the config starts in rotation. */
  fwrr: FwrrState | null
}

export const createRrState = (): RrState => ({ map: createMapRrState(), chash: createChashRrState(), fwrr: null })

/**
 * `balance roundrobin`: HAProxy started with every server of the config that is not `disabled` and has
 * a weight (checks start UP); state changes since (maint, drain, DOWN, ready) reach the round robin in
 * server order before the pick. `avoid`: the server a redispatch moves away from.
 */
function roundRobinPick(lb: Lb, rr: RrState, avoid: number | null, steps: string[]): Pick {
  const servers = lb.view.servers
  rr.fwrr ??= createFwrr(
    servers.map((s) => s.weight),
    servers.map((s) => s.state !== 'maint'),
  )
  fwrrSync(rr.fwrr, servers.map((_, i) => isUsable(lb.view, i)))
  const server = fwrrNext(rr.fwrr, avoid)
  if (server === null) steps.push('no usable server')
  else steps.push(`balance roundrobin${avoid !== null ? ` (avoiding ${name(lb, avoid)})` : ''} → ${name(lb, server)}`)
  return { server, steps }
}

/** What the balancer is given: the client address (4 or 16 bytes) and the hashed header's values in order. */
export interface BalanceInput {
  src?: Uint8Array
  headers?: readonly string[]
}

export interface Pick {
  server: number | null
  steps: string[]
}

const hex = (n: number): string => `0x${(n >>> 0).toString(16).padStart(8, '0')}`

/** get_server_sh(): the address as 32-bit big-endian words XORed together (IPv4: the address itself). */
export function sourceKey(addr: Uint8Array): number {
  let h = 0
  for (let l = 0; l + 4 <= addr.length; l += 4) {
    h ^= (((addr[l] as number) << 24) | ((addr[l + 1] as number) << 16) | ((addr[l + 2] as number) << 8) | (addr[l + 3] as number)) >>> 0
  }
  return h >>> 0
}

const isLws = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n'

/**
 * http_find_header() without `full`: the first occurrence's first comma-separated element (commas inside
 * double quotes do not split), without surrounding blanks. Null when the header is absent.
 */
export function firstHeaderValue(values: readonly string[] | undefined): string | null {
  const v = values?.[0]
  if (v === undefined) return null
  let s = 0
  while (s < v.length && isLws(v[s] as string)) s++
  let e = s
  let quoted = false
  let pair = false
  for (; e < v.length; e++) {
    const c = v[e] as string
    if (pair) pair = false
    else if (quoted) {
      if (c === '\\') pair = true
      else if (c === '"') quoted = false
    } else if (c === '"') quoted = true
    else if (c === ',') break
  }
  while (e > s && isLws(v[e - 1] as string)) e--
  return v.slice(s, e)
}

function name(lb: Lb, i: number): string {
  const s = lb.view.servers[i]
  return s ? `${s.name} (id ${s.id})` : String(i)
}

/** The hash of this request, or null when HAProxy falls back to round robin (header absent or empty). */
function requestHash(lb: Lb, input: BalanceInput, steps: string[]): number | null {
  if (lb.used === 1) {
    steps.push('only one usable server: no hashing (hash 0)')
    return 0
  }
  let h: number
  if (lb.balance.kind === 'source') {
    const src = input.src
    if (!src || (src.length !== 4 && src.length !== 16)) throw new RangeError('balance source needs a 4- or 16-byte client address')
    h = sourceKey(src)
    steps.push(src.length === 4 ? `source address as a 32-bit number = ${hex(h)}` : `the IPv6 address's four 32-bit words XORed = ${hex(h)}`)
  } else {
    const value = firstHeaderValue(input.headers)
    if (value === null || value === '') {
      steps.push(`${lb.balance.kind === 'hdr' ? lb.balance.header : 'the key'} ${value === null ? 'absent' : 'empty'} → round robin`)
      return null
    }
    h = genHash(lb.hashType.fn, utf8(value))
    steps.push(`${lb.hashType.fn}("${value}") = ${hex(h)}`)
  }
  if (lb.hashType.avalanche) {
    h = fullHash(h)
    steps.push(`avalanche → ${hex(h)}`)
  }
  return h
}

/**
 * One balancer decision. `avoid` is the server a redispatch moves away from: the ring walk and round robin
 * skip it; map-based hashing ignores it (HAProxy's map_get_server_hash has no such argument).
 */
export function balancePick(lb: Lb, input: BalanceInput, rr: RrState, avoid: number | null = null): Pick {
  const steps: string[] = []
  if (lb.balance.kind === 'roundrobin') return roundRobinPick(lb, rr, avoid, steps)
  const total = lb.ring ? lb.ring.keys.length : lb.map.length
  if (total === 0) {
    steps.push('no usable server')
    return { server: null, steps }
  }
  const h = requestHash(lb, input, steps)
  if (h === null) {
    const server = lb.ring ? ringNextRr(lb.ring, rr.chash, avoid) : mapNextRr(lb.map, rr.map, avoid)
    if (server !== null) steps.push(`round robin → ${name(lb, server)}`)
    return { server, steps }
  }
  if (!lb.ring) {
    const slot = h % lb.map.length
    const server = lb.map[slot] as number
    steps.push(`map slot ${hex(h)} mod ${lb.map.length} = ${slot} → ${name(lb, server)}`)
    return { server, steps }
  }
  const ring = lb.ring
  const pick = ringLookup(ring, h, avoid)
  if (!pick) return { server: null, steps }
  const point = (i: number): string => `${hex(ring.keys[i] as number)} (${name(lb, ring.owners[i] as number)} point ${ring.nodes[i]})`
  const chosen = pick.walked > 0 ? (pick.point - pick.walked + ring.keys.length * 2) % ring.keys.length : pick.point
  steps.push(`ring of ${ring.keys.length} points: between ${point(pick.prev)} and ${point(pick.next)}, nearer ${point(chosen)}`)
  if (pick.walked > 0) steps.push(`skip ${name(lb, avoid as number)}: walk ${pick.walked} point(s) clockwise → ${point(pick.point)}`)
  return { server: pick.server, steps }
}

export { createChashRrState, createMapRrState }
