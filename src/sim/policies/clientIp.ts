// Kubernetes Service `sessionAffinity: ClientIP`: kube-proxy remembers which endpoint each client
// IP went to and keeps using it while the entry is fresher than timeoutSeconds (default 10800 s) and
// the endpoint is ready; otherwise it picks an endpoint at random (iptables `statistic --mode
// random`). Under kube-proxy it is asked once per new connection (products/engine/kubeProxy.ts);
// HAProxy's `stick on src` has its own route (products/engine/haproxy.ts).

import { mutLb } from '../cow.ts'
import { formatDuration } from '../trace.ts'
import type { RoutingPolicy } from './policy.ts'

export const clientIp: RoutingPolicy = {
  id: 'client-ip',
  label: 'Kubernetes ClientIP',
  sticky: true,
  describe: (c) => `Kubernetes sessionAffinity: ClientIP, timeoutSeconds ${c.clientIpTimeoutMs / 1000} (${formatDuration(c.clientIpTimeoutMs)})`,
  route(ctx) {
    const { s, user } = ctx
    const entry = s.lb.clientIp.get(user.ip)
    const fresh = entry !== undefined && s.now - entry.lastSeen < s.config.clientIpTimeoutMs
    if (entry && fresh && ctx.canUse(entry.server, true)) {
      mutLb(s).clientIp.set(user.ip, { server: entry.server, lastSeen: s.now })
      return { server: entry.server, decision: `${user.ip} is in the affinity table → ${entry.server}` }
    }
    const candidates = ctx.candidates()
    if (candidates.length === 0) return ctx.none()
    const srv = candidates[Math.floor(ctx.random() * candidates.length)]!
    mutLb(s).clientIp.set(user.ip, { server: srv.id, lastSeen: s.now })
    const why = entry === undefined ? `${user.ip} not in the table` : fresh ? `${entry.server} is not ready` : 'entry timed out'
    return { server: srv.id, decision: `${why} → random endpoint ${srv.id} · remembered for ${user.ip}` }
  },
}
