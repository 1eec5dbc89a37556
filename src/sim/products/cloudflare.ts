// Cloudflare Load Balancing, one proxied pool: weighted random steering, monitors every 60 s (timeout
// 5 s, retries 2), 521/522/520 codes, one zero-downtime retry, `__cflb` cookie fixed 23 h, header
// affinity kept server-side, fallback pool, drain_duration (docs/facts/cloudflare.md).

import type { LbProduct } from './product.ts'

const NO_HASH = 'Cloudflare steers inside a pool by random, hash of CF-Connecting-IP (undocumented function), least outstanding requests or least connections; its affinity is the __cflb cookie or a header'

export const cloudflare: LbProduct = {
  id: 'cloudflare',
  label: 'Cloudflare Load Balancing',
  short: 'Cloudflare',
  facts: 'docs/facts/cloudflare.md',
  policies: {
    'round-robin': { supported: false, why: 'Cloudflare has no round robin inside a pool (origin_steering: random by default)', instead: 'random' },
    'least-connections': { supported: true, name: 'origin_steering.policy = least_outstanding_requests' },
    random: { supported: true, name: 'origin_steering.policy = random' },
    cookie: { supported: true, name: 'session_affinity = cookie (__cflb)' },
    'ip-hash': { supported: false, why: NO_HASH, instead: 'cookie' },
    hash: { supported: false, why: NO_HASH, instead: 'cookie' },
    'hash-consistent': { supported: false, why: NO_HASH, instead: 'cookie' },
    header: {
      supported: true,
      name: 'session_affinity = header (X-User-Id)',
      note: 'Cloudflare keeps the header → endpoint table itself (first pick random, idle TTL 1800 s), it does not hash the value',
    },
    'client-ip': { supported: false, why: NO_HASH, instead: 'cookie' },
  },
  stickyPolicy: 'cookie',
  statelessPolicy: 'random',
  // cloudflare.md §2, §3, §4: monitor every 60 s, consecutive_down/up 0 (one round decides);
  // __cflb 82800 s fixed; drain_duration 0; zero_downtime_failover `none` = the lab's failover "fail".
  defaults: {
    cookie: { name: '__cflb', ttlMs: 82_800_000, mode: 'fixed' },
    health: { intervalMs: 60_000, unhealthyThreshold: 1, healthyThreshold: 1 },
    drainTimeoutMs: 0,
    failover: 'fail',
  },
  serverName: (id) => id.toLowerCase(),
}
