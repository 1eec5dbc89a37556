// One request's walk through an nginx upstream: first choice, then (after a failed try) the next choice.
//
// Successive next() calls are successive tries of one request (proxy_next_upstream). Peers already tried
// are excluded, hash state carries over, and the request gets at most as many tries as there are
// non-`down` servers (nginx's default proxy_next_upstream_tries 0). The hashing method comes in as a
// HashStart (ipHash.ts, hash.ts, consistentHash.ts), so a browser run loads only the methods it uses
// (picker.ts wires all of them by name; docs/DECISIONS.md "Load-balancer parts").

import { MAX_HASH_TRIES, explainLine, type ExplainLine, type HashPickResult, type PeerView } from './peerView.ts'
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

/** What a hashing method is given to start one request. */
export interface HashStartInput {
  readonly view: PeerView
  /** The client IP (text or 4/16 bytes) for ip-hash, the evaluated `hash` key otherwise. */
  readonly key: string | Uint8Array
  /** Peers this request has tried (the picker adds to it). */
  readonly tried: ReadonlySet<number>
  readonly rr: RoundRobinState
  /** Fewer than two servers: nginx does not hash at all. */
  readonly single: boolean
  /** The request's opening explanation, to add the method's lines to. */
  readonly intro: ExplainLine[]
}

/** One request's hashing, one try per call; 'round-robin' means nginx gives up hashing for it. */
export type Hashing = (explain: ExplainLine[]) => HashPickResult

/** A hashing method (ip_hash, hash, hash consistent: beside each algorithm): null = round robin from the start. */
export type HashStart = (input: HashStartInput) => Hashing | null

/** `hash $key` and `hash $key consistent`: does this request hash? Not with one server, nor with an empty key, which goes to round robin (as nginx says in the intro). */
export function hashesKey({ key, single, intro }: HashStartInput): boolean {
  if (key.length === 0) intro.push(explainLine('key', 'the key is empty → round robin'))
  return !single && key.length > 0
}

/**
 * Starts one request with a hashing method (`start`; null for round robin). `rr` is the upstream's
 * shared round-robin state. picker.ts's createPicker chooses the method by name.
 */
export function createPickerWith(start: HashStart | null, view: PeerView, key: string | Uint8Array, rr: RoundRobinState): Picker {
  const { servers } = view
  const tried = new Set<number>()
  const maxAttempts = servers.filter((s) => !s.down).length
  let attempts = 0
  let last: number | null = null

  const intro: ExplainLine[] = []
  const single = servers.length < 2
  const hashing = start ? start({ view, key, tried, rr, single, intro }) : null
  if (single && start !== null) intro.push(explainLine('key', 'only one server → no hashing'))

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
