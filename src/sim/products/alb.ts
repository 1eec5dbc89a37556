// AWS Application Load Balancer: round robin, duration-based stickiness (AWSALB), no retry of a
// failed target (502), health checks every 30 s (timeout 5 s, unhealthy 2, healthy 5, a new target
// 1), fail-open when every target is unhealthy, deregistration delay 300 s (docs/facts/alb.md).

import type { LbProduct } from './product.ts'

const NO_HASH = 'an ALB has no hashing algorithms (round_robin, least_outstanding_requests, weighted_random); its affinity is the AWSALB cookie'

export const alb: LbProduct = {
  id: 'alb',
  label: 'AWS ALB',
  short: 'ALB',
  facts: 'docs/facts/alb.md',
  policies: {
    'round-robin': { supported: true, name: 'load_balancing.algorithm.type = round_robin' },
    'least-connections': { supported: true, name: 'load_balancing.algorithm.type = least_outstanding_requests' },
    random: { supported: true, name: 'load_balancing.algorithm.type = weighted_random' },
    cookie: { supported: true, name: 'stickiness.type = lb_cookie (AWSALB)' },
    'ip-hash': { supported: false, why: NO_HASH, instead: 'cookie' },
    hash: { supported: false, why: NO_HASH, instead: 'cookie' },
    'hash-consistent': { supported: false, why: NO_HASH, instead: 'cookie' },
    header: { supported: false, why: NO_HASH, instead: 'cookie' },
    'client-ip': { supported: false, why: NO_HASH, instead: 'cookie' },
  },
  stickyPolicy: 'cookie',
  statelessPolicy: 'round-robin',
  // alb.md §2, §3a, §4.
  defaults: {
    cookie: { name: 'AWSALB', ttlMs: 86_400_000, mode: 'sliding' },
    health: { intervalMs: 30_000, unhealthyThreshold: 2, healthyThreshold: 5 },
    drainTimeoutMs: 300_000,
  },
  serverName: (_id, address) => address,
}
