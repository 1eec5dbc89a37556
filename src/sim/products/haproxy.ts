// HAProxy 2.6.12 (Debian 12): `cookie SERVERID insert indirect nocache` + `option redispatch`,
// `balance source` / `hdr()` / `roundrobin` / `leastconn` / `random`, `stick on src`, `retries 3`,
// `check` (inter 2s, fall 3, rise 2), drain and maint states (docs/facts/haproxy.md).

import type { LbProduct } from './product.ts'

export const haproxy: LbProduct = {
  id: 'haproxy',
  label: 'HAProxy 2.6',
  short: 'HAProxy',
  facts: 'docs/facts/haproxy.md',
  policies: {
    'round-robin': { supported: true, name: 'balance roundrobin' },
    'least-connections': { supported: true, name: 'balance leastconn' },
    random: { supported: true, name: 'balance random' },
    cookie: { supported: true, name: 'cookie SERVERID insert indirect nocache + option redispatch' },
    'ip-hash': {
      supported: true,
      name: 'balance source',
      note: 'HAProxy hashes the whole client address (nginx ip_hash only its first three octets), so one /24 spreads out; one NAT address still lands on one server',
    },
    hash: {
      supported: false,
      why: 'the lab models HAProxy’s balance source and hdr() exactly; hashing the uid cookie (balance hash req.cook(uid)) is not modelled',
      instead: 'header',
    },
    'hash-consistent': {
      supported: false,
      why: 'the lab models HAProxy’s balance source and hdr() exactly; hashing the uid cookie (balance hash req.cook(uid)) is not modelled',
      instead: 'header',
    },
    header: { supported: true, name: 'balance hdr(X-User-Id) + hash-type consistent' },
    'client-ip': {
      supported: true,
      name: 'stick-table type ip expire 3h + stick on src',
      note: 'an idle window per client address, like a Kubernetes ClientIP table; the first pick is round robin, not random',
    },
  },
  stickyPolicy: 'cookie',
  statelessPolicy: 'round-robin',
  // haproxy.md §Cookie insert: `insert` always makes a session cookie; a lifetime (maxidle = sliding,
  // maxlife = fixed) is enforced by HAProxy inside the value. ttlMs 0 = no limit.
  // `check` with its defaults: inter 2s, fall 3, rise 2 (include/haproxy/defaults.h DEF_CHKINTR,
  // DEF_FALLTIME, DEF_RISETIME). `option redispatch` is the lab's failover "re-pin".
  defaults: {
    cookie: { name: 'SERVERID', ttlMs: 0, mode: 'sliding' },
    health: { intervalMs: 2_000, unhealthyThreshold: 3, healthyThreshold: 2 },
    failover: 'repin',
  },
  // The lab names its servers A–J on the `server` lines and in `cookie` values: SERVERID=B.
  serverName: (id) => id,
}
