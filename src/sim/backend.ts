// The load balancer's and servers' side of a request's life: the LB routes it and forwards it to a
// server (retrying elsewhere when the connection is refused, nginx proxy_next_upstream), the server
// queues and serves it, and the LB sends the response back toward the browser — unless the network
// loses it. A server that dies fails the requests it holds. Every handler receives an owned
// (copy-on-write) state and mutates it. The browser's side is browser.ts.

import { serve } from './app.ts'
import { mutRequest, mutServer } from './cow.ts'
import { record } from './histogram.ts'
import { recordConnectFailure, recordSuccess, route } from './lb.ts'
import { CLIENT_MS, HOP_MS } from './network.ts'
import { policyById } from './policies/registry.ts'
import { nextFloat } from './rng.ts'
import { scheduleRequest } from './schedule.ts'
import { accepts, serverIndex, settleBusy } from './servers.ts'
import type { SimRequest, ServerId, SimMs, SimState, UserId } from './types.ts'

const NOBODY: readonly ServerId[] = []

/**
 * The load balancer routes the request and forwards it; it reaches the chosen server HOP_MS after the
 * LB received it (the first time) or after a refusal came back (a retry). The routing decision is
 * folded into that arrival event — one event fewer per request, and nothing can happen to a server
 * in the 2 ms between that the LB could have known about.
 */
export function onForward(s: SimState, userId: UserId, id: number): void {
  const req = mutRequest(s, userId, id)
  if (!req) return
  if (req.refused.length === 0) s.counters.requests += 1
  const user = s.users[req.user]!
  const tried = req.refused.length === 0 ? NOBODY : req.refused.map((h) => h.server)
  const result = route(s, user, tried)
  req.decision = tried.length === 0 ? result.decision : `${req.decision} ✕ · retry: ${result.decision}`
  if (result.explain) req.explain = result.explain
  s.lastRouted = req.id
  if (result.server === null) {
    fail(s, req, result.status ?? 503, 'no server available', s.now)
    return
  }
  if (policyById(s.config.policy).sticky && user.believesLoggedIn && user.lastServer !== null && user.lastServer !== result.server) {
    s.counters.affinityRemaps += 1
  }
  if (user.forgedHeader !== null && s.config.policy === 'header') {
    s.counters.forgedRouted += 1
    if (s.forgedValues[result.server] === user.forgedHeader) s.counters.forgedOnTarget += 1
  }
  req.server = result.server
  if (result.affinity) req.affinity = result.affinity
  arrive(s, req, result.server)
}

function arrive(s: SimState, req: SimRequest, server: ServerId): void {
  const idx = serverIndex(server)
  if (!accepts(s.servers[idx]!)) {
    // Connection refused: the process is down but the LB may not know yet.
    recordConnectFailure(s, server)
    req.refused = [...req.refused, { server, at: s.now }]
    const configured = s.servers.filter((x) => x.status !== 'removed').length
    if (s.config.lbRetry && req.refused.length < configured) {
      s.counters.retried += 1
      // The refusal travels back to the LB, which forwards the request to its next choice.
      scheduleRequest(s, s.now + 2 * HOP_MS, 'request.forward', req)
      return
    }
    fail(s, req, 502, `${server} refused the connection → 502`, s.now + HOP_MS)
    return
  }
  req.serverAt = s.now
  const srv = mutServer(s, idx)
  if (srv.busy < s.config.workers) startService(s, req, idx)
  else if (srv.queue.length < s.config.queueLimit) srv.queue.push(req.user)
  else {
    srv.errors += 1
    fail(s, req, 503, `${server} queue full → 503`, s.now + HOP_MS)
  }
}

function startService(s: SimState, req: SimRequest, idx: number): void {
  const srv = mutServer(s, idx)
  settleBusy(srv, s.now)
  srv.busy += 1
  req.startAt = s.now
  const cost = serve(s, req, idx)
  scheduleRequest(s, s.now + cost, 'request.done', req, srv.id)
}

export function onDone(s: SimState, userId: UserId, id: number, server: ServerId): void {
  const req = mutRequest(s, userId, id)
  // A crash already failed this request: the completion is stale.
  if (!req || req.doneAt !== -1 || req.server !== server) return
  const idx = serverIndex(server)
  const srv = mutServer(s, idx)
  settleBusy(srv, s.now)
  srv.busy -= 1
  srv.requests += 1
  const lbBackAt = s.now + HOP_MS
  record(s.latency, lbBackAt - req.lbAt)
  record(srv.latency, lbBackAt - req.lbAt)
  recordSuccess(s, server)
  req.doneAt = s.now
  req.lbBackAt = lbBackAt
  const waiting = srv.queue.shift()
  if (waiting !== undefined) {
    const next = s.inflight[waiting]
    if (next) startService(s, mutRequest(s, waiting, next.id)!, idx)
  }
  respond(s, req)
}

function fail(s: SimState, req: SimRequest, status: number, detail: string, lbBackAt: SimMs): void {
  req.outcome = 'error'
  req.status = status
  req.detail = req.detail ? `${req.detail} · ${detail}` : detail
  if (req.doneAt === -1) req.doneAt = s.now
  req.lbBackAt = lbBackAt
  respond(s, req)
}

/** The LB sends the response (or error) back toward the browser — unless the network loses it. */
function respond(s: SimState, req: SimRequest): void {
  if (req.outcome !== 'error' && s.config.responseLossRate > 0 && nextFloat(s.rng) < s.config.responseLossRate) {
    req.outcome = 'lost'
    scheduleRequest(s, Math.max(req.sentAt + s.config.clientTimeoutMs, req.lbBackAt), 'client.timeout', req)
    return
  }
  scheduleRequest(s, req.lbBackAt + CLIENT_MS, 'request.atClient', req)
}

/** Fail every request queued on or being served by a server that just died. */
export function failRequestsOn(s: SimState, server: ServerId, why: string): void {
  // Only requests the server accepted (queued or in service) die with it; oldest first.
  const dying = s.inflight.filter((r): r is SimRequest => r != null && r.server === server && r.doneAt === -1 && r.serverAt >= 0)
  dying.sort((a, b) => a.id - b.id)
  for (const r of dying) fail(s, mutRequest(s, r.user, r.id)!, 502, `${why} → 502`, s.now + HOP_MS)
}
