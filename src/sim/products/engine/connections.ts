// kube-proxy's keep-alive connections as the engine's core keeps them (products/engine/kubeProxy.ts
// balances them): a response refreshes the user's connection, a pod that dies or terminates closes
// its own. Here, not in kubeProxy.ts, because backend.ts and lifecycle.ts call them under every
// product and kubeProxy.ts loads only with its product (docs/DECISIONS.md "Products load on demand").

import { mutLb } from '../../cow.ts'
import type { ServerId, SimState } from '../../types.ts'

/** The connection's last use: the response leaves the pod (Node counts keepAliveTimeout from there). */
export function touchConnection(s: SimState, user: number, server: ServerId): void {
  const conn = s.lb.conns.get(user)
  if (conn && conn.server === server) mutLb(s).conns.set(user, { server, lastUsed: s.now })
}

/** The pod's process is gone or shutting down: its connections close. */
export function closeConnections(s: SimState, server: ServerId): void {
  if (![...s.lb.conns.values()].some((c) => c.server === server)) return
  const lb = mutLb(s)
  for (const [user, c] of lb.conns) if (c.server === server) lb.conns.delete(user)
}
