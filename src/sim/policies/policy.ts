// The contract every routing policy implements: the choice of a server for one request, given the
// simulation and a few helpers owned by the load balancer. Not a pure function: choosing may advance
// the LB's own state (the round-robin cursor and weights, the ClientIP affinity table — always through
// `mutLb`, copy-on-write) and draw from its seeded random stream (`ctx.random()`), so the same run
// always makes the same choices. A policy never changes servers, users or sessions.

import type { PolicyId, RequestAffinity, RequestKind, Server, ServerId, SimConfig, SimState, User } from '../types.ts'

/**
 * What a policy may ask the load balancer. Which servers count as available — and what happens when
 * none does — is the product's (src/sim/products/engine/): HAProxy's UP servers, ALB's healthy targets
 * (or all of them, failing open), nginx's peers not marked failed, and so on.
 */
export interface RouteContext {
  readonly s: SimState
  readonly user: User
  /** The kind of request being routed (GET for landing/browse, POST for the rest). */
  readonly kind: RequestKind
  /** Servers this request already tried (refused, or died serving it), in order. */
  readonly tried: readonly ServerId[]
  /** HAProxy's redispatch: ignore persistence and let the balancer choose, away from the failed server. */
  readonly redispatch: boolean
  /** Servers a request that is not pinned may use now, in upstream order, minus `tried`. */
  candidates(): Server[]
  /** May a request pinned to `id` go there now? (`bound`: pinned by affinity.) */
  canUse(id: ServerId, bound: boolean): boolean
  /** The load balancer's own round robin: the next of `among` (default `candidates()`) after the last pick. */
  roundRobin(among?: readonly Server[]): Server | null
  /** The product's pick for a new session: round robin (nginx, HAProxy, ALB), random (Cloudflare, Kubernetes iptables). */
  firstPick(): Server | null
  /** No server can take the request: the product's status and words, after `why`. */
  none(why?: string): RouteResult
  /** Uniform in [0, 1) from the load balancer's seeded stream. */
  random(): number
}

export interface RouteResult {
  readonly server: ServerId | null
  /** The decision in plain words, e.g. "cookie AWSALB says B → B". */
  readonly decision: string
  /** Finer detail for the curious (hash values, ring points, skipped servers). */
  readonly explain?: readonly string[]
  /** An affinity cookie the response will carry. */
  readonly affinity?: RequestAffinity
  /** The server was chosen by affinity (a cookie, a stick-table or ClientIP entry, an open connection). */
  readonly pinned?: boolean
  /** HTTP status when no server can take the request (default 503). */
  readonly status?: number
  /** One of the canary share's requests: affinity ignored, none set (HAProxy `ignore-persist`). */
  readonly canary?: boolean
}

export interface RoutingPolicy {
  readonly id: PolicyId
  /** Short name for pickers: "Cookie affinity". */
  readonly label: string
  /** Does it try to keep a user on one server? */
  readonly sticky: boolean
  /** The policy in plain words with its real default, e.g. "cookie AWSALB, 1 day, sliding". */
  describe(config: SimConfig): string
  /**
   * The lab's generic algorithm. Absent for a product's own algorithm that only its behaviour routes
   * (nginx's ip_hash, hash and header hashing: products/engine/nginxRoutes.ts), so that code loads
   * with its product (docs/DECISIONS.md "Products load on demand").
   */
  route?(ctx: RouteContext): RouteResult
}

export function noServer(decision: string, status = 503): RouteResult {
  return { server: null, decision, status }
}
