// nginx `hash $key` (modulo, Cache::Memcached-compatible): sum of 15-bit CRC32 slices, weighted walk.

import { CRC32_INIT, crc32Final, crc32Update, toBytes } from './crc32.ts'
import { MAX_HASH_TRIES, skipReason, skipText, explainLine, type ExplainLine, type HashPickResult, type PeerView } from './peerView.ts'
import { hashesKey, type HashStart } from './pickerWalk.ts'
import { peerForSlot, totalWeight } from './weightSlot.ts'

const encoder = new TextEncoder()

/** Per-request `hash` state: the running sum and rehash counter carry over to the next try. */
export interface HashRequest {
  key: Uint8Array
  text: string
  /** nginx's hp->hash: a uint32 running sum of 15-bit slices. */
  sum: number
  /** 0 on the first round; later rounds hash decimal(rehash) + key ("1alice", "2alice", …). */
  rehash: number
  tries: number
}

export function createHashRequest(key: string | Uint8Array): HashRequest {
  const bytes = toBytes(key)
  const text = typeof key === 'string' ? key : new TextDecoder().decode(key)
  return { key: bytes, text, sum: 0, rehash: 0, tries: 0 }
}

/** The 15-bit slice nginx adds for round `rehash`: (crc32([rehash] key) >> 16) & 0x7fff. */
export function hashSlice(key: Uint8Array, rehash: number): number {
  let reg = CRC32_INIT
  if (rehash > 0) reg = crc32Update(reg, encoder.encode(String(rehash)))
  reg = crc32Update(reg, key)
  return (crc32Final(reg) >>> 16) & 0x7fff
}

/** The hashing part of one `hash` pick; 'round-robin' means nginx gives up hashing for this request. */
export function hashPick(
  req: HashRequest,
  view: PeerView,
  tried: ReadonlySet<number>,
  explain: ExplainLine[],
): HashPickResult {
  const { servers } = view
  if (req.tries > MAX_HASH_TRIES) return { kind: 'round-robin' }
  const total = totalWeight(servers)
  for (;;) {
    const hashed = req.rehash > 0 ? `${req.rehash}${req.text}` : req.text
    const slice = hashSlice(req.key, req.rehash)
    req.sum = (req.sum + slice) >>> 0
    req.rehash++
    const slot = req.sum % total
    const index = peerForSlot(servers, slot)
    const name = servers[index]?.name ?? String(index)
    const sum = req.rehash > 1 ? `, sum ${req.sum}` : ''
    explain.push(explainLine('hash', `crc32("${hashed}") → ${slice}${sum} → weight slot ${req.sum} mod ${total} = ${slot} → ${name}`, index))
    const reason = skipReason(view, tried, index)
    if (reason === null) {
      view.onSelected?.(index)
      return { kind: 'picked', index }
    }
    explain.push(explainLine('skip', `${name} ${skipText(reason)} → rehash`, index))
    if (++req.tries > MAX_HASH_TRIES) return { kind: 'round-robin' }
  }
}

/** `hash $key`'s start: an empty key goes to round robin, as nginx does. */
export const hashStart: HashStart = (input) => {
  if (!hashesKey(input)) return null
  const req = createHashRequest(input.key)
  return (explain) => hashPick(req, input.view, input.tried, explain)
}
