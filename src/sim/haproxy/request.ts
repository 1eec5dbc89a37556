// One HTTP request through a HAProxy 2.6 backend: persistence (insert cookie, then `stick on src`), the
// balancer, connection attempts with `retries` and `option redispatch`, and the response's Set-Cookie /
// Cache-control and stick-table store. Pure: whether a server accepts the connection is an input.
// See docs/facts/haproxy.md §Request life.

import { balancePick, createLb, type Balance, type HashType, type Lb, type RrState } from './balance.ts'
import { isCacheable, type HeaderList } from './cacheable.ts'
import { matchCookie, readCookie, setCookieHeader, type CookieConfig, type CookieRead } from './cookie.ts'
import type { HaproxyServer } from './servers.ts'
import { stickKey, stickMatch, stickStore, type StickTable } from './stickTable.ts'
import { isRunning, usableKey, viewOf, type BackendView } from './view.ts'

/** `retries` default (CONN_RETRIES). */
export const DEFAULT_RETRIES = 3

export interface BackendConfig {
  servers: readonly HaproxyServer[]
  balance: Balance
  hashType: HashType
  cookie: CookieConfig | null
  /** `option persist`: a cookie or stick entry naming a stopped server is still followed. */
  persist: boolean
  /** `option redispatch` (no interval: redispatch on the last retry, or at once if the server is stopped). */
  redispatch: boolean
  retries: number
}

export interface BackendState {
  /** Servers marked DOWN by health checks. */
  down: ReadonlySet<number>
  rr: RrState
  /** The `stick on src` table, or null without stickiness. */
  table: StickTable | null
}

export interface HaproxyRequest {
  /** Client address bytes (4 or 16): the source after `set-src`. */
  src: Uint8Array
  /** Values of the `balance hdr()` header, in order (empty = absent). */
  headers?: readonly string[]
  /** Value of the persistence cookie in the request, or null. */
  cookie?: string | null
  method?: string
  nowMs: number
  /** The response the server would send (for `nocache`'s cacheability test); default: 200, no headers. */
  response?: { status: number; headers: HeaderList }
  /** Whether a connection to server i succeeds (a closed port: false). */
  connects(i: number): boolean
}

export interface HaproxyResult {
  server: number | null
  status: number
  /** Servers tried, in order. */
  attempts: number[]
  setCookie: string | null
  cacheControl: string | null
  /** How the first target was chosen. */
  via: 'cookie' | 'stick' | 'balance' | 'none'
  redispatched: boolean
  steps: string[]
}

const lbCache = new WeakMap<BackendConfig, Map<string, Lb>>()

function lbFor(cfg: BackendConfig, view: BackendView): Lb {
  let byState = lbCache.get(cfg)
  if (!byState) lbCache.set(cfg, (byState = new Map()))
  const key = usableKey(view)
  let lb = byState.get(key)
  if (!lb) byState.set(key, (lb = createLb(view, cfg.balance, cfg.hashType)))
  return lb
}

export function simulateHaproxyRequest(cfg: BackendConfig, state: BackendState, req: HaproxyRequest): HaproxyResult {
  const view = viewOf(cfg.servers, state.down)
  const lb = lbFor(cfg, view)
  const nowSec = Math.floor(req.nowMs / 1000)
  const method = req.method ?? 'GET'
  const steps: string[] = []
  const name = (i: number): string => cfg.servers[i]?.name ?? String(i)
  let target: number | null = null
  let direct = false
  let via: HaproxyResult['via'] = 'none'

  // 1. Persistence cookie.
  let read: CookieRead = { serverPart: null, lastDate: 0, firstDate: 0, verdict: 'absent' }
  if (cfg.cookie) {
    read = readCookie(cfg.cookie, req.cookie ?? null, nowSec)
    if (read.verdict === 'old' || read.verdict === 'expired') steps.push(`cookie ${read.verdict === 'old' ? 'older than maxlife' : 'idle longer than maxidle'}: ignored`)
    const m = matchCookie(read, view, cfg.persist)
    if (m.kind === 'valid' || m.kind === 'down-persist') {
      target = m.server
      direct = true
      via = 'cookie'
      steps.push(`cookie ${cfg.cookie.name}=${read.serverPart} → ${name(m.server)}${m.kind === 'down-persist' ? ' (stopped, but option persist)' : ''}`)
    } else if (m.kind === 'down') steps.push(`cookie names a stopped server → balance`)
    else if (m.kind === 'invalid') steps.push(`cookie names no server → balance`)
  }

  // 2. stick match (touches the entry even when the cookie already chose).
  const key = state.table ? stickKey(state.table.type, req.src) : null
  if (state.table && key !== null) {
    const m = stickMatch(state.table, key, view, cfg.persist, req.nowMs)
    if (target === null && m.kind === 'hit') {
      target = m.server
      direct = true
      via = 'stick'
      steps.push(`stick table: ${key} → ${name(m.server)}`)
    } else if (target === null && m.kind === 'ignored') steps.push(`stick table entry for ${key} ignored (${m.reason})`)
  }

  // 3. Balance and connect, with retries and redispatch.
  const attempts: number[] = []
  let setCookie: string | null = null
  let cacheControl: string | null = null
  let avoid: number | null = null
  let retries = 0
  let redispatched = false
  const input = { src: req.src, headers: req.headers ?? [] }
  for (;;) {
    if (target === null) {
      const pick = balancePick(lb, input, state.rr, avoid)
      steps.push(...pick.steps)
      if (pick.server === null) return done(null, 503)
      target = pick.server
      if (via === 'none') via = 'balance'
    }
    attempts.push(target)
    if (req.connects(target)) break
    steps.push(`connection to ${name(target)} refused`)
    if (retries >= cfg.retries) return done(null, 503)
    retries++
    const stopped = !isRunning(view, target)
    // stream_choose_redispatch(): also at once for a request that wasn't persistent under roundrobin
    // with more than one server in rotation.
    const rrLoose = !direct && cfg.balance.kind === 'roundrobin' && lb.used > 1
    if (cfg.redispatch && (stopped || retries % cfg.retries === 0 || rrLoose)) {
      steps.push(`redispatch away from ${name(target)}`)
      avoid = target
      target = null
      direct = false
      redispatched = true
    }
  }

  // 4. The response: Set-Cookie (+ Cache-control: private) and the stick-table store.
  const served = target
  const server = cfg.servers[served] as HaproxyServer
  if (cfg.cookie) {
    setCookie = setCookieHeader(cfg.cookie, { server, direct, read, nowSec, method })
    const response = req.response ?? { status: 200, headers: [] }
    if (setCookie !== null && cfg.cookie.nocache && isCacheable(method, response.status, response.headers)) cacheControl = 'private'
  }
  if (state.table && key !== null) stickStore(state.table, key, server, req.nowMs)
  return done(served, 200)

  function done(s: number | null, status: number): HaproxyResult {
    if (s === null) steps.push(`503 after ${attempts.length} attempt(s)`)
    return { server: s, status, attempts, setCookie, cacheControl, via, redispatched, steps }
  }
}
