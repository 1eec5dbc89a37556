// One request's walk through an nginx upstream: first choice, then (after a failed try) the next choice.
//
// Successive next() calls are successive tries of one request (proxy_next_upstream). Peers already tried
// are excluded, hash state carries over, and the request gets at most as many tries as there are
// non-`down` servers (nginx's default proxy_next_upstream_tries 0).

import { chashPick, createChashRequest, ringFor, type Ring } from './consistentHash.ts'
import { createHashRequest, hashPick } from './hash.ts'
import { createIpHashRequest, ipHashPick, type HashPickResult } from './ipHash.ts'
import { MAX_HASH_TRIES, explainLine, type ExplainLine, type PeerView } from './peerView.ts'
import { roundRobinPick, type RoundRobinState } from './roundRobin.ts'

export const NGINX_METHODS = ['round-robin', 'ip-hash', 'hash', 'hash-consistent'] as const
export type NginxMethod = (typeof NGINX_METHODS)[number]

/** picked: use `index`; no-live-upstreams: nothing usable (nginx 502, logs "no live upstreams");
 *  tries-exhausted: every allowed try failed (nginx 502 with the tried peers in $upstream_addr). */
export type ChoiceOutcome = 'picked' | 'no-live-upstreams' | 'tries-exhausted'

export interface Choice {
  /** Peer index, or null → 502. */
  index: number | null
  via: 'hash' | 'round-robin'
  outcome: ChoiceOutcome
  explain: ExplainLine[]
}

export interface Picker {
  /** The next try of this request. Call it again only after the previous try failed. */
  next(): Choice
  /** Peers tried so far by this request, in nginx's bitmap sense. */
  readonly tried: ReadonlySet<number>
  /** Tries handed out so far. */
  readonly attempts: number
  /** The request's try budget: the number of non-`down` servers. */
  readonly maxAttempts: number
}

/**
 * Starts one request. `key` is the client IP (text or 4/16 bytes) for ip-hash, the evaluated `hash` key
 * otherwise (ignored by round-robin). `rr` is the upstream's shared round-robin state; `ring` defaults to
 * a ring cached per `view.servers` array.
 */
export function createPicker(
  method: NginxMethod,
  view: PeerView,
  key: string | Uint8Array,
  rr: RoundRobinState,
  ring?: Ring,
): Picker {
  const { servers } = view
  const tried = new Set<number>()
  const maxAttempts = servers.filter((s) => !s.down).length
  let attempts = 0
  let last: number | null = null

  const intro: ExplainLine[] = []
  let hashing: ((explain: ExplainLine[]) => HashPickResult) | null = null
  const single = servers.length < 2
  const emptyKey = key.length === 0

  if (method === 'ip-hash') {
    const req = createIpHashRequest(key)
    const what = req.bytes.length === 16 ? 'all 16 bytes of the IPv6 address' : 'first 3 octets of the IPv4 address'
    intro.push(explainLine('key', `key bytes ${req.label} (${what})`))
    if (!single) hashing = (explain) => ipHashPick(req, view, tried, explain)
  } else if (method === 'hash' || method === 'hash-consistent') {
    if (emptyKey) intro.push(explainLine('key', 'the key is empty → round robin'))
    if (!single && !emptyKey) {
      if (method === 'hash') {
        const req = createHashRequest(key)
        hashing = (explain) => hashPick(req, view, tried, explain)
      } else {
        const theRing = ring ?? ringFor(servers)
        const req = createChashRequest(theRing, key)
        hashing = (explain) => chashPick(req, theRing, view, tried, rr, explain)
      }
    }
  }
  if (single && method !== 'round-robin') intro.push(explainLine('key', 'only one server → no hashing'))

  const finish = (explain: ExplainLine[], index: number | null, via: Choice['via'], outcome: ChoiceOutcome): Choice => {
    if (index !== null) {
      tried.add(index)
      attempts++
      last = index
      explain.push(explainLine('pick', `→ ${servers[index]?.name ?? index}`, index))
    }
    return { index, via, outcome, explain }
  }

  return {
    next(): Choice {
      const explain: ExplainLine[] = attempts === 0 ? [...intro] : []
      if (last !== null) {
        explain.push(explainLine('retry', `${servers[last]?.name ?? last} failed → next choice for the same request`, last))
        if (attempts >= maxAttempts) {
          const n = maxAttempts === 1 ? 'the only usable server was' : `all ${maxAttempts} usable servers were`
          explain.push(explainLine('none', `${n} tried → 502`))
          return finish(explain, null, hashing ? 'hash' : 'round-robin', 'tries-exhausted')
        }
      }
      if (hashing) {
        const result = hashing(explain)
        if (result.kind === 'picked') return finish(explain, result.index, 'hash', 'picked')
        explain.push(explainLine('fallback', `more than ${MAX_HASH_TRIES} unusable hash picks → round robin`))
      }
      const pick = roundRobinPick(rr, view, tried)
      explain.push(...pick.explain)
      if (pick.index === null) {
        explain.push(explainLine('none', 'no live upstreams → 502'))
        return finish(explain, null, 'round-robin', 'no-live-upstreams')
      }
      return finish(explain, pick.index, 'round-robin', 'picked')
    },
    get tried() {
      return tried
    },
    get attempts() {
      return attempts
    },
    maxAttempts,
  }
}
