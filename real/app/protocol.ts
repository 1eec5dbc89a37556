// The messages between the replay harness and each app server process (Node IPC over fork()). Under
// the virtual clock the harness is the clock: an app server holds every request it receives until told
// to admit it to its worker's queue at a model time, and holds every response until told to release it
// (docs/DECISIONS.md, "Replaying on real software"). Under the wall clock the app server serves on its
// own and only reports.

import type { RequestKind, ServerId, StorageKind } from '../../src/sim/types.ts'

/** What an app server is started with (one JSON argument). */
export interface AppOptions {
  readonly server: ServerId
  readonly index: number
  /** The incarnation: a restarted or redeployed process gets a new one (and a new service-time stream). */
  readonly version: number
  readonly seed: number
  readonly port: number
  readonly clock: 'virtual' | 'real'
  /** Real clock: model milliseconds per wall millisecond, and the wall time of model time 0. */
  readonly speed: number
  readonly wallT0: number
  readonly settings: AppSettings
  readonly heavyCostFactor: number
  readonly queueLimit: number
  readonly sessionIdleMs: number
  readonly jwtTtlMs: number
  /** HS256 key for JWTs, hex; shared by every app server of a run. */
  readonly jwtKey: string
  readonly redis: { readonly port: number } | null
  readonly postgres: { readonly socketDir: string; readonly database: string; readonly user: string } | null
  /** The shop's orders table: one file per user in this directory (survives any app server's death). */
  readonly ordersDir: string
}

/** Settings a scenario can change while it runs. */
export interface AppSettings {
  readonly storage: StorageKind
  readonly jwtCarts: 'memory' | 'shared'
  readonly denyList: boolean
}

/** How a response looked to the app: the model's outcome words (src/sim/types.ts `Outcome`). */
export type AppResult = 'ok' | 'notLoggedIn' | 'cartMissing' | 'revoked' | 'error'

/** What one request did at the start of its service (side effects happen then, as in the model). */
export interface Served {
  readonly id: number
  readonly kind: RequestKind
  /** Model milliseconds the worker is busy: drawn work + the model's cost of each store access. */
  readonly cost: number
  readonly result: AppResult
  readonly status: number
  readonly order: 'placed' | 'duplicate' | 'idempotent' | null
}

export type ToApp =
  | { readonly t: 'listen' }
  /** Real clock: the wall time of model time 0 (known once everything is up). */
  | { readonly t: 'clock'; readonly wallT0: number }
  | { readonly t: 'admit'; readonly id: number; readonly now: number }
  | { readonly t: 'release'; readonly id: number; readonly now: number }
  | { readonly t: 'sessions'; readonly now: number }
  | { readonly t: 'settings'; readonly settings: AppSettings; readonly now: number }
  | { readonly t: 'store'; readonly up: boolean }
  /** Check a (stolen) token the way a request would: signature, expiry and, when on, the deny list. */
  | { readonly t: 'verify'; readonly token: string; readonly now: number }
  | { readonly t: 'stop' }

export type FromApp =
  | { readonly t: 'ready' }
  | { readonly t: 'listening' }
  | { readonly t: 'arrived'; readonly id: number }
  /** A request that carried its arrival time (H.arriveAt) was admitted at once: the answer to an admit. */
  | { readonly t: 'admitted'; readonly id: number; readonly answer: Extract<FromApp, { t: 'queued' | 'started' | 'rejected' }> }
  /** Answer to admit: queued behind others, started (Served), or refused (queue full → 503). */
  | { readonly t: 'queued'; readonly id: number }
  | { readonly t: 'started'; readonly served: Served }
  | { readonly t: 'rejected'; readonly id: number }
  /** Answer to release: the response went out; `next` is the queued request the worker started. */
  | { readonly t: 'released'; readonly id: number; readonly next: Served | null }
  | { readonly t: 'sessions'; readonly live: number }
  | { readonly t: 'settings'; readonly migrated: number }
  | { readonly t: 'store'; readonly up: boolean }
  | { readonly t: 'verified'; readonly accepted: boolean }
  /** Real clock: a request finished (for the live log and the harness's bookkeeping). */
  | { readonly t: 'done'; readonly id: number; readonly served: Served; readonly startedAt: number; readonly doneAt: number }
  | { readonly t: 'error'; readonly message: string }

/** Request headers the replay's browsers send besides cookies (the lab's own instrumentation). */
export const H = {
  /** The user's cost factor (a heavy user's requests are heavier): the app's work scales with it. */
  cost: 'x-lab-cost',
  /** The cart the user believes they have (a JWT shop keeps a client-side mirror of the cart). */
  cart: 'x-lab-cart',
  /** Which checkout this is (accounting for duplicate orders; not an idempotency key). */
  intent: 'x-lab-intent',
  idempotencyKey: 'idempotency-key',
  /** Response: the app's reading of the request (the model's outcome words). */
  result: 'x-lab-result',
  /** Response: which app server answered. */
  server: 'x-served-by',
  order: 'x-lab-order',
  /**
   * Virtual clock: the model's arrival time, sent when no server on the way can refuse the connection
   * (the arrival is then certain): the app admits the request at once instead of asking the harness.
   */
  arriveAt: 'x-lab-arrive-at',
} as const
