// A Kubernetes Service through kube-proxy in the engine (docs/facts/kubernetes.md). L4: kube-proxy
// picks a pod per TCP connection, never per request. The lab's browser keeps one keep-alive connection
// and the app server (Node 20's http server) closes it after 5 s idle (`server.keepAliveTimeout`, 5000 ms
// by default; docs/facts/kubernetes.md "What the lab does today"), so a user's requests follow their open connection and a new connection — after a pause,
// or when the pod dies or terminates — is balanced afresh: iptables random, IPVS rr, or the ClientIP
// table, which is only refreshed by new connections (§3). No retry: a refused connection or a reset
// reaches the browser as a connection error, shown as status 0 (§1). A crashed container leaves the
// endpoints at the kubelet's next relist and kube-proxy's next sync, each on a 1 s tick (modelled as a
// readiness view checked every second, out after 2 failures: 1–2 s; a started one is ready at the next
// tick). Nothing ready → terminating pods that still serve, else connections are refused — no fail-open
// (§2). A terminating pod gets no new connection and closes its idle ones; it exits when its requests
// are done or at the grace period, 30 s (§4).

import { mutLb } from '../../cow.ts'
import { genericRoute } from '../../policies/registry.ts'
import type { RouteContext, RouteResult } from '../../policies/policy.ts'
import { accepts } from '../../servers.ts'
import type { PolicyId, SimState } from '../../types.ts'
import { configured, idle, type LbBehaviour, type Plan } from './behaviour.ts'
import { nginxHeaderPicker } from './nginxRoutes.ts'

/** Node's http server closes a keep-alive connection idle for this long (server.keepAliveTimeout). */
export const KEEPALIVE_MS = 5_000

export const kubeProxyBehaviour: LbBehaviour = {
  id: 'kube-proxy',
  activeChecks: true,
  passive: false,
  usable: (_, srv) => configured(srv) && srv.healthy,
  pinnable: (_, srv) => configured(srv) && srv.healthy,
  fallback: (s) => s.servers.filter((srv) => srv.status === 'draining' && accepts(srv)),
  noServer: (why): RouteResult => ({ server: null, decision: `${why ? `${why} → ` : ''}no ready endpoint → connection refused`, status: 0 }),
  refused(s, req): Plan {
    dropConnection(s, req.user)
    return { fail: 0, words: `pod ${req.server!} refused the connection (kube-proxy does not retry)` }
  },
  died(s, req): Plan {
    dropConnection(s, req.user)
    return { fail: 0, words: `pod ${req.server!} died: connection reset` }
  },
  drained: (_, srv) => idle(srv),
  started(_, srv) {
    srv.fresh = false
    return false
  },
  route: routeConnection,
  // kube-proxy reads no header; a forger still aims at nginx's ring, as the lab always did.
  headerPicker: nginxHeaderPicker,
}

/** A request rides the user's open connection; a new connection is balanced by the policy. */
function routeConnection(ctx: RouteContext, policy: PolicyId): RouteResult {
  const { s, user } = ctx
  const conn = s.lb.conns.get(user.id)
  if (conn && s.now - conn.lastUsed <= KEEPALIVE_MS && !ctx.tried.includes(conn.server)) {
    mutLb(s).conns.set(user.id, { server: conn.server, lastUsed: s.now })
    return { server: conn.server, decision: `keep-alive connection to pod ${conn.server} → ${conn.server}`, pinned: true }
  }
  const why = conn === undefined ? 'new connection' : conn.lastUsed + KEEPALIVE_MS < s.now ? 'connection closed after 5 s idle; new connection' : 'new connection'
  const result = genericRoute(ctx, policy)
  if (result.server === null) return result
  mutLb(s).conns.set(user.id, { server: result.server, lastUsed: s.now })
  return { ...result, decision: `${why}: ${result.decision}` }
}

/** The user's connection failed: the next request opens a new one. */
function dropConnection(s: SimState, user: number): void {
  if (s.lb.conns.has(user)) mutLb(s).conns.delete(user)
}
