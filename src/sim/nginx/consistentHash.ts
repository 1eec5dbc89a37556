// nginx `hash $key consistent` (ketama, Cache::Memcached::Fast-compatible): 160 × weight CRC32 points per server.

import { CRC32_INIT, crc32, crc32Final, crc32Update } from './crc32.ts'
import { MAX_HASH_TRIES, skipReason, skipText, explainLine, type ExplainLine, type HashPickResult, type PeerView } from './peerView.ts'
import { hashesKey, type HashStart } from './pickerWalk.ts'
import type { RoundRobinState } from './roundRobin.ts'
import type { UpstreamServer } from './upstream.ts'

export const POINTS_PER_WEIGHT = 160

/** The ring, sorted by hash with exact duplicates collapsed. `names[i]` is the server text owning point i. */
export interface Ring {
  hashes: number[]
  names: string[]
}

const encoder = new TextEncoder()

/**
 * nginx splits the server text at the last ':' if only digits follow ("10.0.0.1:80" → "10.0.0.1", "80");
 * "unix:" paths and port-less names hash with an empty port.
 */
export function splitHostPort(server: string): { host: string; port: string } {
  if (server.length >= 5 && server.slice(0, 5).toLowerCase() === 'unix:') return { host: server.slice(5), port: '' }
  for (let j = server.length - 1; j >= 0; j--) {
    const c = server[j] as string
    if (c === ':') return { host: server.slice(0, j), port: server.slice(j + 1) }
    if (c < '0' || c > '9') break
  }
  return { host: server, port: '' }
}

/** Builds the ring once per server list (config order; `down` servers keep their points). */
export function buildRing(servers: readonly UpstreamServer[]): Ring {
  const points: { hash: number; name: string }[] = []
  for (const server of servers) {
    const { host, port } = splitHostPort(server.name)
    // crc32(HOST "\0" PORT PREV_HASH), PREV_HASH = previous point as 4 little-endian bytes (0 at first).
    let base = crc32Update(CRC32_INIT, encoder.encode(host))
    base = crc32Update(base, new Uint8Array([0]))
    base = crc32Update(base, encoder.encode(port))
    const prev = new Uint8Array(4)
    let prevHash = 0
    for (let j = 0; j < server.weight * POINTS_PER_WEIGHT; j++) {
      prev[0] = prevHash & 0xff
      prev[1] = (prevHash >>> 8) & 0xff
      prev[2] = (prevHash >>> 16) & 0xff
      prev[3] = (prevHash >>> 24) & 0xff
      prevHash = crc32Final(crc32Update(base, prev))
      points.push({ hash: prevHash, name: server.name })
    }
  }
  // Stable sort (glibc's qsort is a merge sort here), then keep the first of equal hashes, as nginx does.
  points.sort((a, b) => a.hash - b.hash)
  const ring: Ring = { hashes: [], names: [] }
  for (const p of points) {
    if (ring.hashes.length > 0 && ring.hashes[ring.hashes.length - 1] === p.hash) continue
    ring.hashes.push(p.hash)
    ring.names.push(p.name)
  }
  return ring
}

const ringCache = new WeakMap<readonly UpstreamServer[], Ring>()

/** buildRing() memoised per server-list object (the config rarely changes; rings can have thousands of points). */
export function ringFor(servers: readonly UpstreamServer[]): Ring {
  let ring = ringCache.get(servers)
  if (!ring) {
    ring = buildRing(servers)
    ringCache.set(servers, ring)
  }
  return ring
}

/** Index of the first point with hash ≥ `hash`; ring length means "wrap to point 0". */
export function findPoint(ring: Ring, hash: number): number {
  let i = 0
  let j = ring.hashes.length
  while (i < j) {
    const k = (i + j) >>> 1
    const h = ring.hashes[k] as number
    if (hash > h) i = k + 1
    else if (hash < h) j = k
    else return k
  }
  return i
}

/** Per-request consistent-hash state: the ring position carries over to the next try. */
export interface ChashRequest {
  text: string
  keyHash: number
  /** nginx's hp->hash: an ever-increasing point index, taken modulo the ring size. */
  point: number
  tries: number
  /** Whether a pick has looked at the ring yet (only for the wording of the explanation). */
  started: boolean
}

export function createChashRequest(ring: Ring, key: string | Uint8Array): ChashRequest {
  const keyHash = crc32(key)
  const text = typeof key === 'string' ? key : new TextDecoder().decode(key)
  return { text, keyHash, point: findPoint(ring, keyHash), tries: 0, started: false }
}

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`

/**
 * The hashing part of one consistent-hash pick. Among peers sharing the point's server text (a name that
 * resolved to several addresses) nginx picks by smooth weighted round robin, so this mutates `rr` too.
 */
export function chashPick(
  req: ChashRequest,
  ring: Ring,
  view: PeerView,
  tried: ReadonlySet<number>,
  rr: RoundRobinState,
  explain: ExplainLine[],
): HashPickResult {
  const { servers } = view
  if (req.tries > MAX_HASH_TRIES) return { kind: 'round-robin' }
  const size = ring.hashes.length
  if (!req.started) explain.push(explainLine('hash', `crc32("${req.text}") = ${hex(req.keyHash)}`))
  for (let first = true; ; first = false) {
    const at = req.point % size
    const name = ring.names[at] as string
    const owners: number[] = []
    servers.forEach((s, i) => {
      if (s.name === name) owners.push(i)
    })
    const where = !req.started ? 'first ring point ≥ it: ' : first ? '' : 'next point clockwise: '
    req.started = true
    explain.push(explainLine('ring', `${where}point #${at} of ${size} (${hex(ring.hashes[at] as number)}) → ${name}`, owners[0] ?? null))

    let best = -1
    let total = 0
    for (const i of owners) {
      const server = servers[i] as UpstreamServer
      if (skipReason(view, tried, i) !== null) continue
      const effective = rr.effective[i] ?? server.weight
      rr.current[i] = (rr.current[i] ?? 0) + effective
      total += effective
      if (effective < server.weight) rr.effective[i] = effective + 1
      if (best < 0 || (rr.current[i] ?? 0) > (rr.current[best] ?? 0)) best = i
    }
    if (best >= 0) {
      rr.current[best] = (rr.current[best] ?? 0) - total
      view.onSelected?.(best)
      return { kind: 'picked', index: best }
    }
    for (const i of owners) {
      const reason = skipReason(view, tried, i)
      if (reason) explain.push(explainLine('skip', `${name} ${skipText(reason)}`, i))
    }
    req.point++
    if (++req.tries > MAX_HASH_TRIES) return { kind: 'round-robin' }
  }
}

/** `hash $key consistent`'s start on `ring` (by default the ring cached for the view's servers); an empty key goes to round robin. */
export function chashStart(ring?: Ring): HashStart {
  return (input) => {
    if (!hashesKey(input)) return null
    const { view, key, tried, rr } = input
    const theRing = ring ?? ringFor(view.servers)
    const req = createChashRequest(theRing, key)
    return (explain) => chashPick(req, theRing, view, tried, rr, explain)
  }
}
