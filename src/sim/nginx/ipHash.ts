// nginx `ip_hash` (ngx_http_upstream_ip_hash_module.c): h = 89, h = (h*113 + byte) mod 6271 over the key bytes.

import { formatIp, parseIp, type ParsedIp } from './ip.ts'
import { MAX_HASH_TRIES, skipReason, skipText, explainLine, type ExplainLine, type HashPickResult, type PeerView } from './peerView.ts'
import type { HashStart } from './pickerWalk.ts'
import { peerForSlot, totalWeight } from './weightSlot.ts'

export const IP_HASH_INIT = 89
export const IP_HASH_MULTIPLIER = 113
export const IP_HASH_MODULUS = 6271

/** The bytes ip_hash mixes in: the first 3 octets of IPv4 (so a whole /24 shares a server), all 16 of IPv6. */
export function ipHashKeyBytes(ip: ParsedIp): Uint8Array {
  return ip.family === 4 ? ip.bytes.slice(0, 3) : ip.bytes.slice()
}

/**
 * Key bytes from a client address given as text or raw bytes (4 → IPv4, 16 → IPv6, 3 → already the key,
 * e.g. nginx's three zero bytes for unix-socket clients).
 */
export function ipHashKey(key: string | Uint8Array): { bytes: Uint8Array; label: string } {
  if (typeof key === 'string') {
    const ip = parseIp(key)
    return { bytes: ipHashKeyBytes(ip), label: keyLabel(ip) }
  }
  if (key.length === 4 || key.length === 16) {
    const ip: ParsedIp = { family: key.length === 4 ? 4 : 6, bytes: key }
    return { bytes: ipHashKeyBytes(ip), label: keyLabel(ip) }
  }
  if (key.length === 3) return { bytes: key.slice(), label: Array.from(key).join('.') }
  throw new RangeError(`ip_hash needs 4 (IPv4) or 16 (IPv6) address bytes, got ${key.length}`)
}

function keyLabel(ip: ParsedIp): string {
  return ip.family === 4 ? Array.from(ip.bytes.slice(0, 3)).join('.') : formatIp(ip)
}

/** One round of the ip_hash mix: all key bytes folded into h (always < 6271). */
export function ipHashMix(h: number, bytes: Uint8Array): number {
  let hash = h
  for (let i = 0; i < bytes.length; i++) hash = (hash * IP_HASH_MULTIPLIER + (bytes[i] as number)) % IP_HASH_MODULUS
  return hash
}

/** Per-request ip_hash state: the hash carries over to the next try of the same request. */
export interface IpHashRequest {
  bytes: Uint8Array
  label: string
  hash: number
  /** Unusable picks so far; more than 20 → round robin for the rest of the request. */
  tries: number
}

export function createIpHashRequest(key: string | Uint8Array): IpHashRequest {
  const { bytes, label } = ipHashKey(key)
  return { bytes, label, hash: IP_HASH_INIT, tries: 0 }
}

/** The hashing part of one ip_hash pick; 'round-robin' means nginx gives up hashing for this request. */
export function ipHashPick(
  req: IpHashRequest,
  view: PeerView,
  tried: ReadonlySet<number>,
  explain: ExplainLine[],
): HashPickResult {
  const { servers } = view
  if (req.tries > MAX_HASH_TRIES) return { kind: 'round-robin' }
  const total = totalWeight(servers)
  let hash = req.hash
  for (;;) {
    const before = hash
    hash = ipHashMix(hash, req.bytes)
    const slot = hash % total
    const index = peerForSlot(servers, slot)
    const name = servers[index]?.name ?? String(index)
    const subject = req.bytes.length === 3 ? `${req.label}.x` : req.label
    const mixed = before === IP_HASH_INIT ? `hash(${subject}) = ${hash}` : `hash again = ${hash}`
    explain.push(explainLine('hash', `${mixed} → weight slot ${hash} mod ${total} = ${slot} → ${name}`, index))
    const reason = skipReason(view, tried, index)
    if (reason === null) {
      req.hash = hash
      view.onSelected?.(index)
      return { kind: 'picked', index }
    }
    explain.push(explainLine('skip', `${name} ${skipText(reason)} → hash again`, index))
    if (++req.tries > MAX_HASH_TRIES) return { kind: 'round-robin' }
  }
}

/** ip_hash's start: the key bytes (first three octets of IPv4, all of IPv6), then its walk. */
export const ipHashStart: HashStart = ({ view, key, tried, single, intro }) => {
  const req = createIpHashRequest(key)
  const what = req.bytes.length === 16 ? 'all 16 bytes of the IPv6 address' : 'first 3 octets of the IPv4 address'
  intro.push(explainLine('key', `key bytes ${req.label} (${what})`))
  return single ? null : (explain) => ipHashPick(req, view, tried, explain)
}
