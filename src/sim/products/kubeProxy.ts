// A Kubernetes Service through kube-proxy: L4, one pick per TCP connection (iptables: random; IPVS:
// rr), no retries (the client's connection fails), endpoints leave ~1–3 s after a container crash,
// `sessionAffinity: ClientIP` with a 10800 s idle window, no fail-open (docs/facts/kubernetes.md).

import type { LbProduct } from './product.ts'

const L4 = 'a Kubernetes Service balances TCP connections and never reads HTTP (no cookies, no headers); its only affinity is sessionAffinity: ClientIP'

export const kubeProxy: LbProduct = {
  id: 'kube-proxy',
  label: 'Kubernetes Service (kube-proxy)',
  short: 'kube-proxy',
  facts: 'docs/facts/kubernetes.md',
  policies: {
    'round-robin': { supported: true, name: 'kube-proxy mode: ipvs, scheduler: rr' },
    'least-connections': { supported: true, name: 'kube-proxy mode: ipvs, scheduler: lc' },
    random: { supported: true, name: 'kube-proxy mode: iptables (random per connection)' },
    cookie: { supported: false, why: L4, instead: 'client-ip' },
    'ip-hash': { supported: false, why: L4, instead: 'client-ip' },
    hash: { supported: false, why: L4, instead: 'client-ip' },
    'hash-consistent': { supported: false, why: L4, instead: 'client-ip' },
    header: { supported: false, why: L4, instead: 'client-ip' },
    'client-ip': { supported: true, name: 'sessionAffinity: ClientIP' },
  },
  stickyPolicy: 'client-ip',
  statelessPolicy: 'random',
  // kubernetes.md §2–4: ClientIP timeoutSeconds 10800; the readiness view as kube-proxy applies it
  // (kubelet relist 1 s, kube-proxy sync 1 s: out after 2 ticks, in after 1); terminationGracePeriodSeconds 30.
  defaults: { clientIpTimeoutMs: 10_800_000, health: { intervalMs: 1_000, unhealthyThreshold: 2, healthyThreshold: 1 }, drainTimeoutMs: 30_000 },
  serverName: (id) => `app-${id.toLowerCase()}`,
}
