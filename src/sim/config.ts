// Default configuration. Product defaults, with their sources and where the engine departs from the
// product, are in docs/facts/products.md ("The lab's defaults at a glance"): AWS ALB's AWSALB cookie
// (1 day, sliding), Kubernetes ClientIP timeoutSeconds 10800, nginx max_fails=1 / fail_timeout=10s
// (docs/facts/nginx.md, "Failures, retries and health"), ALB deregistration delay 300 s, Spring
// Session's 30-minute idle timeout.

import { policyUnder, productById } from './products/registry.ts'
import type { ConfigPatch, SimConfig } from './types.ts'

export const DEFAULT_CONFIG: SimConfig = {
  servers: 3,
  users: 12,
  lb: 'nginx',
  policy: 'round-robin',
  storage: 'memory',
  thinkMs: 2500,
  rate: 1,
  breakChance: 0.1,
  breakMs: 90_000,
  arrivalSpreadMs: 4_000,
  heavyUsers: 0,
  heavyIds: [],
  heavyRateFactor: 4,
  heavyCostFactor: 3,
  natGroups: [],
  workers: 1,
  queueLimit: 60,
  startupMs: 3_000,
  cookie: { name: 'AWSALB', ttlMs: 86_400_000, mode: 'sliding' },
  clientIpTimeoutMs: 10_800_000,
  header: { name: 'X-User-Id', source: 'gateway' },
  health: { intervalMs: 2_000, unhealthyThreshold: 2, healthyThreshold: 2 },
  passive: { maxFails: 1, failTimeoutMs: 10_000 },
  failover: 'repin',
  lbRetry: true,
  drainTimeoutMs: 300_000,
  sessionIdleMs: 1_800_000,
  store: { persistent: true },
  jwt: { ttlMs: 900_000, denyList: false, carts: 'memory' },
  idempotencyKeys: false,
  canaryPercent: 0,
  responseLossRate: 0,
  clientTimeoutMs: 3_000,
  clientRetryDelayMs: 1_000,
  websockets: false,
  serverAddresses: [],
}

export type { ConfigPatch } from './types.ts'

export const MAX_SERVERS = 10
export const MAX_USERS = 200
/** The longest affinity TTL a share link may set: a year. */
export const MAX_AFFINITY_TTL_MS = 31_536_000_000

/**
 * The config of a run: the defaults, the chosen load balancer's documented defaults (its cookie,
 * health checks, drain clock — products/*.ts `defaults`), then each patch in order. A routing policy
 * the load balancer can't express is replaced by the product's stand-in (products/registry.ts
 * `policyUnder`, which also gives the sentence pages and the CLI show).
 */
export function resolveConfig(...patches: readonly ConfigPatch[]): SimConfig {
  let lb = DEFAULT_CONFIG.lb
  for (const p of patches) if (p.lb !== undefined) lb = p.lb
  let c: SimConfig = applyPatch(DEFAULT_CONFIG, productById(lb).defaults)
  for (const p of patches) c = applyPatch(c, p)
  return {
    ...c,
    policy: policyUnder(c.lb, c.policy).policy,
    servers: clampInt(c.servers, 1, MAX_SERVERS),
    users: clampInt(c.users, 1, MAX_USERS),
  }
}

function applyPatch(c: SimConfig, p: ConfigPatch): SimConfig {
  const out: Record<string, unknown> = { ...c }
  for (const [key, value] of Object.entries(p)) {
    if (value === undefined) continue
    const base = out[key]
    out[key] =
      base !== null && typeof base === 'object' && !Array.isArray(base) && typeof value === 'object' && !Array.isArray(value)
        ? { ...base, ...value }
        : value
  }
  return out as unknown as SimConfig
}

export function clampInt(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo
  return Math.min(hi, Math.max(lo, Math.round(n)))
}
