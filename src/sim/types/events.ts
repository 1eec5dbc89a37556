// Event types: what the engine's queue holds (schedule.ts puts them there, engine.ts handles them).

import type { SimMs, ServerId, UserId } from './ids.ts'

/**
 * The events of a request's life, the engine's hot path: they travel through the queue packed into a
 * number (see schedule.ts), never as objects.
 */
export type RequestEventKind = 'request.forward' | 'request.done' | 'request.atClient' | 'client.timeout'

/** Every other event: rare enough to be queued as an object, kept beside the queue by its `seq`. */
export type SimEvent =
  | { readonly kind: 'user.arrive'; readonly user: UserId }
  | { readonly kind: 'lb.healthCheck' }
  | { readonly kind: 'server.started'; readonly server: ServerId; readonly version: number }
  | { readonly kind: 'server.drainCheck'; readonly server: ServerId; readonly version: number }
  | { readonly kind: 'sessions.sweep' }
  | { readonly kind: 'metrics.sample' }
  | { readonly kind: 'token.replay'; readonly user: UserId; readonly jti: string; readonly exp: SimMs }
  /** `retry`: the load balancer's wait before it tries the upgrade again is over (src/sim/websockets.ts). */
  | { readonly kind: 'ws.reconnect'; readonly user: UserId; readonly retry?: WsRetry }

/** A refused WebSocket upgrade the load balancer tries again after its wait (HAProxy's 1 s turn-around). */
export interface WsRetry {
  /** Every refusal so far, in order (the product's retry rule counts them all). */
  readonly refused: readonly ServerId[]
  /** Servers a redispatch avoids. */
  readonly tried: readonly ServerId[]
  /** Retry on this server (HAProxy's retry on the same server), or go back to the balancer (null). */
  readonly same: ServerId | null
  readonly redispatch: boolean
  /** The first pick was affinity's (a cookie): a round-robin redispatch then waits too. */
  readonly pinned: boolean
}
