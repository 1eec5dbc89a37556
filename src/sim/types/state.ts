// State types: a simulation's state (SimState) and everything in it — users and their cookie jars,
// servers, the session stores, requests, the trace, counters and history. Plain objects, copied on
// write (cow.ts).

import type { FwrrState } from '../haproxy/fwrr.ts'
import type { EventHeap } from '../heap.ts'
import type { Rng } from '../rng.ts'
import type { SimConfig } from './config.ts'
import type { SimEvent } from './events.ts'
import type { ServerId, SimMs, UserId } from './ids.ts'

export type RequestKind = 'landing' | 'login' | 'browse' | 'addToCart' | 'checkout'

export type ServerStatus = 'starting' | 'up' | 'draining' | 'crashed' | 'removed'

/** A session record (or a JWT user's cart). Copy-on-write: see storage.ts `touchSession`. */
export interface Session {
  v: number
  readonly sid: string
  readonly user: UserId
  cart: number
  readonly createdAt: SimMs
  lastSeen: SimMs
}

export interface Server {
  /** Copy-on-write generation (see cow.ts). */
  v: number
  readonly id: ServerId
  /** The upstream line as nginx would have it, e.g. "10.0.1.2:8080". */
  readonly address: string
  weight: number
  status: ServerStatus
  statusSince: SimMs
  version: number
  /** Service-time randomness of this incarnation of the process (servers.ts `serverRng`). */
  rng: Rng
  /**
   * In rotation as the load balancer's health view sees it: HAProxy UP by `check`, ALB healthy, a
   * Kubernetes endpoint ready, a Cloudflare endpoint healthy by its monitor. nginx open source has no
   * such view (always true; its passive marking is `fails`/`failedAt`).
   */
  healthy: boolean
  /** A process the load balancer has not seen yet (added, or replaced by a deploy), not a restart. */
  fresh: boolean
  probeFails: number
  probeOks: number
  /** nginx's passive failure accounting (max_fails / fail_timeout): `fails`, the last failure
   *  (nginx `accessed`) and the start of the current window (nginx `checked`), compared in whole
   *  seconds as nginx does (docs/facts/nginx-products.md §2); -1: never. */
  fails: number
  failedAt: SimMs
  checkedAt: SimMs
  busy: number
  /** Requests waiting for a worker, named by the user who sent each (a user has one in flight). */
  queue: UserId[]
  /** Sessions (or JWT carts, keyed "cart:<user>") kept in this server's memory. */
  memory: Map<string, Session>
  connections: number
  requests: number
  errors: number
  busyMsTotal: number
  busyChangedAt: SimMs
  drainDeadline: SimMs
  /** Latency histogram of requests this server answered (for per-server p95). */
  latency: Histogram
}

/** The two stores outside the servers, by their `SimState` field. */
export type SessionStoreName = 'sessionStore' | 'database'

export interface SessionStore {
  v: number
  kind: 'shared' | 'database'
  up: boolean
  since: SimMs
  persistent: boolean
  sessions: Map<string, Session>
}

export interface CookieJar {
  /** The LB's affinity cookie. Owned together with the user (mutUser copies it). */
  affinity: AffinityCookie | null
  /** Stable visitor id set by the app on the first response (what `hash $cookie_uid` keys on). */
  uid: string | null
  /** App session id, regenerated at every login. */
  sid: string | null
  jwt: { jti: string; exp: SimMs } | null
}

/** The load balancer's affinity cookie in a browser's jar (products/engine/cookies.ts writes it). */
export interface AffinityCookie {
  /** The server it names. */
  server: ServerId
  /** When the load balancer stops honouring it (the browser may keep it longer, e.g. AWSALB 7 days). */
  expiresAt: SimMs
  /** When the load balancer last set it (a Set-Cookie). */
  setAt: SimMs
  /** When it was first issued for this server (HAProxy maxlife's FIRST date, Cloudflare's fixed TTL). */
  firstAt: SimMs
  /** The value exactly as sent, where the lab models it (HAProxy: `B`, `B|aw1tz|aw1tz`); null = opaque. */
  value: string | null
}

export interface User {
  v: number
  readonly id: UserId
  readonly name: string
  readonly initials: string
  readonly color: number
  ip: string
  natGroup: number | null
  heavy: boolean
  /** Sends this header value instead of its own id (client-set header affinity only). */
  forgedHeader: string | null
  jar: CookieJar
  rng: Rng
  active: boolean
  /** The user left the lab (fewer users were asked for); not coming back unless asked. */
  left: boolean
  /** What the user believes: logged in, with a cart of this many items. */
  believesLoggedIn: boolean
  believedCart: number
  lastActive: SimMs
  next: RequestKind
  browseLeft: number
  addsLeft: number
  retrying: boolean
  checkoutIntent: number
  /** The last checkout intent that produced an order (the orders table, keyed by idempotency key). */
  committedIntent: number
  lastServer: ServerId | null
  wsServer: ServerId | null
  logouts: number
  cartsLost: number
  orders: number
  lastLogoutAt: SimMs
  lastCartLostAt: SimMs
}

export type Outcome = 'ok' | 'notLoggedIn' | 'cartMissing' | 'error' | 'lost' | 'revoked'

/** What the response does to the affinity cookie: names `server`; `issued` = a new Set-Cookie. */
export interface RequestAffinity {
  readonly server: ServerId
  readonly issued: boolean
  /** The cookie value as sent, where the product's value is modelled (HAProxy). */
  readonly value?: string
}

/** `route`: ask the balancer again, skipping servers tried; `same`: the same server (HAProxy retries);
 *  `balance`: HAProxy's redispatch — the balancer, ignoring persistence, avoiding the failed server. */
export type RetryMode = 'route' | 'same' | 'balance'

export interface Hop {
  readonly server: ServerId
  readonly at: SimMs
}

/** One HTTP request. Copy-on-write like users (see cow.ts `mutRequest`). */
export interface SimRequest {
  v: number
  readonly id: number
  readonly user: UserId
  readonly kind: RequestKind
  readonly attempt: number
  readonly sentAt: SimMs
  readonly lbAt: SimMs
  readonly intent: number
  /** Servers that refused the connection before one accepted (usually none). */
  refused: readonly Hop[]
  /** The server the LB chose last, and when the request reached it (-1: not yet / never). */
  server: ServerId | null
  serverAt: SimMs
  startAt: SimMs
  doneAt: SimMs
  lbBackAt: SimMs
  receivedAt: SimMs
  outcome: Outcome | null
  status: number
  /** The LB's decision in plain words, and the finer detail behind it (`explain`). */
  decision: string
  explain: readonly string[]
  /** What the server did, in plain words. */
  detail: string
  affinity: RequestAffinity | null
  /** The LB followed affinity (cookie, stick table, ClientIP entry) to `server` — HAProxy's SF_DIRECT. */
  pinned: boolean
  /** How the LB forwards this request next after a failed attempt (set by the product's retry rule). */
  retry: RetryMode
  /** Cookies and tokens the response sets (applied when the user receives it). */
  sets: { readonly uid?: string; readonly sid?: string; readonly jwt?: { jti: string; exp: SimMs } } | null
  /** Once finished: its place in the trace (sequence number and the item that finished it). */
  seq: number
  item: number
}

export interface Histogram {
  readonly counts: Uint32Array
  total: number
}

export interface TraceEntry {
  readonly seq: number
  readonly t: SimMs
  /** Index (1-based) of the processed item — event or intervention — that produced it (step back replays to the item before it). */
  readonly item: number
  readonly kind: TraceKind
  readonly text: string
  readonly user?: UserId
  readonly server?: ServerId
  readonly request?: number
}

export type TraceKind =
  | 'request'
  | 'logout'
  | 'cartLost'
  | 'server'
  | 'health'
  | 'store'
  | 'config'
  | 'deploy'
  | 'security'
  | 'ws'

export interface Counters {
  requests: number
  ok: number
  failed: number
  retried: number
  unexpectedLogouts: number
  cartsLost: number
  sessionsLost: number
  sessionsExpired: number
  duplicateOrders: number
  orders: number
  affinityRemaps: number
  revokedTokenAccepted: number
  revokedTokenRefused: number
  reconnects: number
  maxReconnectBurst: number
  forgedRouted: number
  forgedOnTarget: number
}

export interface HistorySample {
  readonly t: SimMs
  readonly unexpectedLogouts: number
  readonly cartsLost: number
  readonly failed: number
  readonly requests: number
  /** Requests answered per server since the previous sample, indexed like SERVER_IDS (A = 0). */
  readonly load: readonly number[]
  /** Busy worker-milliseconds per server since the previous sample, indexed like SERVER_IDS. */
  readonly busyMs: readonly number[]
}

export interface LbState {
  v: number
  rrCursor: number
  /** nginx smooth weighted round robin, one entry per server id. */
  rrWeights: Partial<Record<ServerId, { current: number; effective: number }>>
  /** HAProxy `balance roundrobin` (src/sim/haproxy/fwrr.ts), indexed like `servers`; null until first used. */
  haproxyRr: FwrrState | null
  /**
   * Client address → endpoint and last use: Kubernetes ClientIP (kube-proxy's `recent` lists) or
   * HAProxy's `stick on src` table.
   */
  clientIp: Map<string, { server: ServerId; lastSeen: SimMs }>
  /** Kubernetes: each browser's keep-alive connection through the Service (user id → pod, last use). */
  conns: Map<number, { server: ServerId; lastUsed: SimMs }>
  /** Cloudflare header affinity: header value → endpoint and last use (kept by Cloudflare). */
  headerTable: Map<string, { server: ServerId; lastSeen: SimMs }>
}

export interface DeployState {
  mode: 'drain' | 'kill'
  queue: ServerId[]
  current: ServerId | null
  startedAt: SimMs
  finishedAt: SimMs | null
  sessionsLost: number
}

export interface SimState {
  /** Copy-on-write generation of this state; entities with a lower `v` are shared and frozen. */
  readonly gen: number
  readonly seed: number
  config: SimConfig
  now: SimMs
  /** Items processed so far: events plus interventions, in their deterministic order. */
  itemCount: number
  /** Engine events processed so far. */
  eventCount: number
  /** Script interventions applied so far. */
  scriptCursor: number
  seq: number
  /** Scheduled events by (time, seq); request events packed as numbers (schedule.ts). */
  heap: EventHeap
  /** The objects of queued non-request events, by their seq. */
  events: Map<number, SimEvent>
  rng: Rng
  users: User[]
  servers: Server[]
  sessionStore: SessionStore
  database: SessionStore
  lb: LbState
  /**
   * The request each user is waiting for, by user id — a browser waits for one response at a time.
   * Null (or absent, for users added later) when the user has nothing in flight.
   */
  inflight: (SimRequest | null)[]
  nextRequestId: number
  nextSid: number
  /** Recently finished requests, oldest first (bounded). They are the trace's request entries. */
  recent: SimRequest[]
  trace: TraceEntry[]
  traceSeq: number
  counters: Counters
  latency: Histogram
  history: HistorySample[]
  /** Cumulative per-server totals at the last sample, indexed like SERVER_IDS. */
  lastSample: { t: SimMs; requests: readonly number[]; busyMs: readonly number[] }
  deny: Map<string, SimMs>
  deploy: DeployState | null
  reconnectWindow: { start: SimMs; count: number }
  /** The header value an attacker found for each target server (client-set header affinity). */
  forgedValues: Partial<Record<ServerId, string>>
  /** The request the LB routed most recently (the lab shows its decision). */
  lastRouted: number
}
