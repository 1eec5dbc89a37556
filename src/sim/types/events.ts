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
  /** `server`: where the load balancer's retries landed the upgrade (it connects there after their delay). */
  | { readonly kind: 'ws.reconnect'; readonly user: UserId; readonly server?: ServerId }
