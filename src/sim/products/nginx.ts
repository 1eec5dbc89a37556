// nginx 1.22.1 open source, as Debian 12 ships it: proxy_next_upstream retries, passive max_fails /
// fail_timeout only (no active health checks), 502 "no live upstreams", no drain, no cookie affinity
// (docs/facts/nginx-products.md §1–5; the hashing methods: docs/facts/nginx.md).

import type { LbProduct } from './product.ts'

const NO_STICKY =
  'nginx 1.22 (open source) has no cookie affinity: `sticky cookie` is nginx Plus, or open source only from 1.29.6'

export const nginx: LbProduct = {
  id: 'nginx',
  label: 'nginx 1.22 (open source)',
  short: 'nginx',
  facts: 'docs/facts/nginx-products.md',
  policies: {
    'round-robin': { supported: true, name: 'round robin (no balancing directive)' },
    'least-connections': { supported: true, name: 'least_conn' },
    random: { supported: true, name: 'random' },
    cookie: { supported: false, why: NO_STICKY, instead: 'hash-consistent' },
    'ip-hash': { supported: true, name: 'ip_hash' },
    hash: { supported: true, name: 'hash $cookie_uid' },
    'hash-consistent': { supported: true, name: 'hash $cookie_uid consistent' },
    header: { supported: true, name: 'hash $http_x_user_id consistent' },
    'client-ip': {
      supported: false,
      why: 'sessionAffinity: ClientIP is a Kubernetes Service setting; nginx pins client addresses with ip_hash',
      instead: 'ip-hash',
    },
  },
  // nginx-products.md §5: on Debian 12's nginx, per-user affinity is built from hashing a cookie.
  stickyPolicy: 'hash-consistent',
  statelessPolicy: 'round-robin',
  defaults: {},
  serverName: (_id, address) => address,
}
