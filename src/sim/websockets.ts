// WebSockets (config.websockets): a logged-in user keeps one long-lived connection to the server that
// answered the login. A dying server drops its connections and every client reconnects at once
// through the load balancer (after a short jitter) — the reconnect storm the lab counts. This module
// owns the sockets' bookkeeping (`User.wsServer`, `Server.connections`, the reconnect counters) and
// the `ws.reconnect` event.

import { mutServer, mutUser } from './cow.ts'
import { route } from './lb.ts'
import { schedule } from './schedule.ts'
import { accepts, serverIndex } from './servers.ts'
import { emit } from './trace.ts'
import { behaviourOf } from './products/engine/index.ts'
import { SERVER_IDS, type ServerId, type SimRequest, type SimState, type User, type UserId, type WsRetry } from './types.ts'

/** Reconnects closer together than this count as one burst. */
const BURST_WINDOW_MS = 1_000
/** A reconnect that finds no server retries after this long. */
const RETRY_MS = 1_000

/** Open (or move) the owned user's socket to `server`. */
export function openSocket(s: SimState, user: User, server: ServerId): void {
  if (user.wsServer === server) return
  if (user.wsServer) mutServer(s, serverIndex(user.wsServer)).connections -= 1
  user.wsServer = server
  mutServer(s, serverIndex(server)).connections += 1
}

/**
 * The `ws.reconnect` event: a dropped client reconnects through the load balancer — which retries a
 * refused connection as the product does (nginx's next upstream, HAProxy's retries and redispatch,
 * Cloudflare's one retry; an ALB or kube-proxy fails it) — or tries again later. A retry that waits
 * (HAProxy's 1 s turn-around) is its own `ws.reconnect` event at the end of the wait: the balancer
 * picks a server when the retry happens, after the requests it balanced meanwhile, as real HAProxy
 * does (docs/DECISIONS.md, "WebSocket reconnects on the model's clock").
 */
export function onReconnect(s: SimState, id: UserId, retry?: WsRetry): void {
  const user = s.users[id]!
  const b = behaviourOf(s)
  const tried: ServerId[] = [...(retry?.tried ?? [])]
  // Every refusal counts towards the product's retry rule, also those retried on the same server
  // (HAProxy: `retries 3` on the cookie's server, then a redispatch).
  const refused: ServerId[] = [...(retry?.refused ?? [])]
  let redispatch = retry?.redispatch ?? false
  let same = retry?.same ?? null
  let pinned = retry?.pinned ?? false
  for (let attempt = 0; attempt < 2 * SERVER_IDS.length; attempt++) {
    let srv = same === null ? undefined : s.servers[serverIndex(same)]
    if (same === null) {
      const result = route(s, user, tried, 'browse', redispatch)
      srv = result.server ? s.servers[serverIndex(result.server)] : undefined
      pinned = result.pinned === true
    }
    if (!srv) break
    if (accepts(srv)) {
      reconnect(s, id, srv.id)
      return
    }
    tried.push(srv.id)
    refused.push(srv.id)
    // The upgrade request as the product's retry rule sees it (a GET, pinned if affinity chose it).
    const upgrade = { kind: 'browse', server: srv.id, refused: refused.map((server) => ({ server, at: s.now })), pinned } as const
    const plan = b.refused(s, upgrade as unknown as SimRequest)
    if ('fail' in plan) break
    redispatch = plan.retry === 'balance'
    if (plan.retry === 'same') tried.pop()
    same = plan.retry === 'same' ? srv.id : null
    if (plan.delayMs > 0) {
      schedule(s, s.now + plan.delayMs, { kind: 'ws.reconnect', user: id, retry: { refused, tried, same, redispatch, pinned } })
      return
    }
  }
  schedule(s, s.now + RETRY_MS, { kind: 'ws.reconnect', user: id })
}

function reconnect(s: SimState, id: UserId, server: ServerId): void {
  const user = mutUser(s, id)
  openSocket(s, user, server)
  s.counters.reconnects += 1
  const w = s.reconnectWindow
  if (s.now - w.start >= BURST_WINDOW_MS) {
    w.start = s.now
    w.count = 0
  }
  w.count += 1
  s.counters.maxReconnectBurst = Math.max(s.counters.maxReconnectBurst, w.count)
  emit(s, 'ws', `${user.name}'s WebSocket reconnected to ${server}`, { user: id, server })
}

/** Connections dropped by a dying server: every client reconnects at once (after a short jitter). */
export function dropSockets(s: SimState, server: ServerId): number {
  let dropped = 0
  for (const u of s.users) {
    if (u.wsServer !== server) continue
    const user = mutUser(s, u.id)
    user.wsServer = null
    dropped += 1
    const jitter = Math.floor((user.rng.next() >>> 0) % 1000)
    schedule(s, s.now + jitter, { kind: 'ws.reconnect', user: user.id })
  }
  if (dropped > 0) mutServer(s, serverIndex(server)).connections = 0
  return dropped
}
