// What a load-balancer product does in the engine, as one record per product: which servers it sends
// new and pinned requests to, what it does when nothing is in rotation, when a connection is refused,
// when a server dies with a request in service, what its health view is, and when a drain is done.
// The records (nginx.ts, haproxy.ts, alb.ts, kubeProxy.ts, cloudflare.ts beside this file) follow the
// fact pages under docs/facts/; src/sim/lb.ts and backend.ts call them. Every function receives an
// owned (copy-on-write) state where it may change one.

import type { HashStart } from '../../nginx/pickerWalk.ts'
import type { RouteContext, RouteResult } from '../../policies/policy.ts'
import type { LbProductId, PolicyId, RequestKind, Server, ServerId, SimRequest, SimState } from '../../types.ts'

/** What the load balancer does after an attempt failed. */
export type Plan =
  /** Try again: `route` = the balancer, skipping servers tried; `same` = the same server; `balance` =
   *  HAProxy's redispatch. The next attempt leaves the LB `delayMs` after the failure reached it. */
  | { readonly retry: 'route' | 'same' | 'balance'; readonly delayMs: number; readonly words: string }
  /** Give up: the client gets `status` (0 = no HTTP status: a refused or reset connection). */
  | { readonly fail: number; readonly words: string }

export interface LbBehaviour {
  readonly id: LbProductId
  /** Does it probe servers itself (the `lb.healthCheck` event)? nginx open source: no. */
  readonly activeChecks: boolean
  /** nginx's passive accounting (`max_fails`/`fail_timeout`). */
  readonly passive: boolean
  /** May the balancer send a request that isn't pinned to `srv`? */
  usable(s: SimState, srv: Server): boolean
  /** May a request pinned to `srv` by affinity (cookie, stick table, ClientIP) still go there? */
  pinnable(s: SimState, srv: Server): boolean
  /** When no server is usable: the ones it uses anyway (ALB fail-open, Cloudflare's fallback pool,
   *  Kubernetes' terminating endpoints), in config order. Empty: it answers `noServer`. */
  fallback(s: SimState): Server[]
  /** No server at all: the status and the words, e.g. "no live upstreams → 502". */
  noServer(why: string): RouteResult
  /** The connection to `req.server` was refused (already recorded in `req.refused`). */
  refused(s: SimState, req: SimRequest): Plan
  /** `req.server` died while serving `req` (before any response header). */
  died(s: SimState, req: SimRequest): Plan
  /** Is draining `srv` done (it may be removed now)? The drain timeout is checked by the caller. */
  drained(s: SimState, srv: Server): boolean
  /** A process has just started on `srv` (owned): set what the load balancer's view becomes.
   *  Returns true when the server is in rotation at once (a rolling deploy then moves on). */
  started(s: SimState, srv: Server): boolean
  /** The product's configuration in a line, for products whose operator reloads it when the fleet
   *  changes (nginx: the `server` lines). A change is a reload: `reloaded` runs. */
  configKey?(s: SimState): string
  /** The configuration was reloaded (nginx: new workers with a fresh upstream — round robin and
   *  failure counts start over; docs/facts/nginx-products.md §4). */
  reloaded?(s: SimState): void
  /** Routes this request itself, for policies the product implements its own way (HAProxy's
   *  balance source / hdr / cookie / stick table, Cloudflare's header table, Kubernetes' connections);
   *  null: the lab's generic policy decides (src/sim/policies/). */
  route?(ctx: RouteContext, policy: PolicyId): RouteResult | null
  /** Where a header value lands on this product's header hash — what a forger aims with (the
   *  forgeHeader intervention): HAProxy's hdr() ring; nginx's ring for the others (docs/facts/). */
  headerPicker(s: SimState): (value: string) => ServerId | null
  /** The fleet may have changed (health checks, an intervention, a server event): a balancer with
   *  state of its own (HAProxy's round robin) takes the change in now, in the order it happened. */
  fleetChanged?(s: SimState): void
}

/** The request kinds a browser sends as GET (idempotent); login, add to cart and checkout are POSTs. */
export function isIdempotent(req: { readonly kind: RequestKind }): boolean {
  return req.kind === 'landing' || req.kind === 'browse'
}

/** Not removed and not draining: in the product's configuration as a server for new requests. */
export function configured(srv: Server): boolean {
  return srv.status !== 'removed' && srv.status !== 'draining'
}

/** Idle: nothing queued, nothing being served. */
export function idle(srv: Server): boolean {
  return srv.busy === 0 && srv.queue.length === 0
}

/**
 * Pieces of a product's behaviour that only some policies use, registered apart from it so a browser
 * run that doesn't use them never fetches them (index.ts POLICY_PARTS says which policies need which).
 */
export interface Parts {
  /** HAProxy's `balance source` and `balance hdr()`: map-based and consistent hashing (haproxyHash.ts). */
  readonly 'haproxy-hash': {
    route(ctx: RouteContext, policy: 'ip-hash' | 'header'): RouteResult
    headerPick(s: SimState, value: string): ServerId | null
  }
  /** nginx's `ip_hash` (nginxIpHash.ts). */
  readonly 'nginx-ip-hash': { readonly start: HashStart }
  /** nginx's `hash $key` and `hash $key consistent`, and its header ring for aiming a forged header (nginxHash.ts). */
  readonly 'nginx-hash': {
    start(method: 'hash' | 'hash-consistent'): HashStart
    headerPicker(s: SimState): (value: string) => ServerId | null
  }
}

export type PartId = keyof Parts
