// Configuration types: what a run is set up with (SimConfig) and the catalogs its fields draw from.
// The defaults and the override rules are ../config.ts.

import type { SimMs } from './ids.ts'

export const POLICY_IDS = [
  'round-robin',
  'least-connections',
  'random',
  'cookie',
  'ip-hash',
  'hash',
  'hash-consistent',
  'header',
  'client-ip',
] as const
export type PolicyId = (typeof POLICY_IDS)[number]

/**
 * The load balancer in the middle (docs/facts/products.md): each brings its documented defaults and
 * behaviour — retries, health checks, affinity cookie, drain. Registry: src/sim/products/.
 */
export const LB_PRODUCT_IDS = ['nginx', 'haproxy', 'alb', 'kube-proxy', 'cloudflare'] as const
export type LbProductId = (typeof LB_PRODUCT_IDS)[number]

export const STORAGE_KINDS = ['memory', 'shared', 'database', 'jwt'] as const
export type StorageKind = (typeof STORAGE_KINDS)[number]

export interface SimConfig {
  servers: number
  users: number
  /** Which load balancer product sits in the middle (src/sim/products/); chosen at the start of a run. */
  lb: LbProductId
  policy: PolicyId
  storage: StorageKind
  /** Mean think time between a user's requests. */
  thinkMs: SimMs
  /** Traffic multiplier: think time is divided by it. */
  rate: number
  /** Chance that a user takes a break after checking out, and the mean break length. */
  breakChance: number
  breakMs: SimMs
  /** Users arrive spread evenly over this window. */
  arrivalSpreadMs: SimMs
  heavyUsers: number
  /** Specific users (by id) who are heavy, in addition to the last `heavyUsers`. */
  heavyIds: readonly number[]
  /** Heavy users send this many times more requests, each this many times costlier. */
  heavyRateFactor: number
  heavyCostFactor: number
  natGroups: readonly NatGroupSpec[]
  workers: number
  queueLimit: number
  startupMs: SimMs
  cookie: { name: string; ttlMs: SimMs; mode: 'sliding' | 'fixed' }
  clientIpTimeoutMs: SimMs
  header: { name: string; source: 'gateway' | 'client' }
  health: { intervalMs: SimMs; unhealthyThreshold: number; healthyThreshold: number }
  passive: { maxFails: number; failTimeoutMs: SimMs }
  /** What the LB does when a request's pinned server is unavailable. */
  failover: 'repin' | 'fail'
  /** Retry a request on another server after a connection error (nginx proxy_next_upstream). */
  lbRetry: boolean
  drainTimeoutMs: SimMs
  sessionIdleMs: SimMs
  store: { persistent: boolean }
  jwt: { ttlMs: SimMs; denyList: boolean; carts: 'memory' | 'shared' }
  idempotencyKeys: boolean
  canaryPercent: number
  responseLossRate: number
  clientTimeoutMs: SimMs
  clientRetryDelayMs: SimMs
  websockets: boolean
  /**
   * Each server's upstream address (host:port), by index; missing ones are 10.0.0.11:3000 … A consistent
   * hash ring is built from these strings, so the replay on real software (real/) sets its loopback
   * addresses here to compare like with like. Not part of share links.
   */
  serverAddresses: readonly string[]
}

export interface NatGroupSpec {
  size: number
  /** One shared address (NAT/CGNAT) or, with `subnet`, distinct addresses in one /24. */
  ip: string
  subnet?: boolean
  heavy?: boolean
}

/** A config override: any top-level field, nested objects partially; `undefined` means "keep". */
export type ConfigPatch = {
  [K in keyof SimConfig]?:
    | (SimConfig[K] extends readonly unknown[] ? SimConfig[K] : SimConfig[K] extends object ? Partial<SimConfig[K]> : SimConfig[K])
    | undefined
}
