// One request's walk through an nginx upstream: first choice, then (after a failed try) the next choice.
//
// Successive next() calls are successive tries of one request (proxy_next_upstream). Peers already tried
// are excluded, hash state carries over, and the request gets at most as many tries as there are
// non-`down` servers (nginx's default proxy_next_upstream_tries 0).

import { chashStep, createChashRequest, ringFor, type Ring } from './consistentHash.ts'
import { createHashRequest, hashStep } from './hash.ts'
import { createIpHashRequest, ipHashStep, type HashStepResult } from './ipHash.ts'
import { MAX_HASH_TRIES, step, type ExplainStep, type PeerView } from './peerView.ts'
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
  steps: ExplainStep[]
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

  const intro: ExplainStep[] = []
  let hashing: ((steps: ExplainStep[]) => HashStepResult) | null = null
  const single = servers.length < 2
  const emptyKey = key.length === 0

  if (method === 'ip-hash') {
    const req = createIpHashRequest(key)
    const what = req.bytes.length === 16 ? 'all 16 bytes of the IPv6 address' : 'first 3 octets of the IPv4 address'
    intro.push(step('key', `key bytes ${req.label} (${what})`))
    if (!single) hashing = (steps) => ipHashStep(req, view, tried, steps)
  } else if (method === 'hash' || method === 'hash-consistent') {
    if (emptyKey) intro.push(step('key', 'the key is empty → round robin'))
    if (!single && !emptyKey) {
      if (method === 'hash') {
        const req = createHashRequest(key)
        hashing = (steps) => hashStep(req, view, tried, steps)
      } else {
        const theRing = ring ?? ringFor(servers)
        const req = createChashRequest(theRing, key)
        hashing = (steps) => chashStep(req, theRing, view, tried, rr, steps)
      }
    }
  }
  if (single && method !== 'round-robin') intro.push(step('key', 'only one server → no hashing'))

  const finish = (steps: ExplainStep[], index: number | null, via: Choice['via'], outcome: ChoiceOutcome): Choice => {
    if (index !== null) {
      tried.add(index)
      attempts++
      last = index
      steps.push(step('pick', `→ ${servers[index]?.name ?? index}`, index))
    }
    return { index, via, outcome, steps }
  }

  return {
    next(): Choice {
      const steps: ExplainStep[] = attempts === 0 ? [...intro] : []
      if (last !== null) {
        steps.push(step('retry', `${servers[last]?.name ?? last} failed → next choice for the same request`, last))
        if (attempts >= maxAttempts) {
          const n = maxAttempts === 1 ? 'the only usable server was' : `all ${maxAttempts} usable servers were`
          steps.push(step('none', `${n} tried → 502`))
          return finish(steps, null, hashing ? 'hash' : 'round-robin', 'tries-exhausted')
        }
      }
      if (hashing) {
        const result = hashing(steps)
        if (result.kind === 'picked') return finish(steps, result.index, 'hash', 'picked')
        steps.push(step('fallback', `more than ${MAX_HASH_TRIES} unusable hash picks → round robin`))
      }
      const pick = roundRobinPick(rr, view, tried)
      steps.push(...pick.steps)
      if (pick.index === null) {
        steps.push(step('none', 'no live upstreams → 502'))
        return finish(steps, null, 'round-robin', 'no-live-upstreams')
      }
      return finish(steps, pick.index, 'round-robin', 'picked')
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
