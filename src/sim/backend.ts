// The load balancer's and servers' side of a request's life: the LB routes it and forwards it to a
// server, the server queues and serves it, and the LB sends the response back toward the browser —
// unless the network loses it. What the LB does when a connection is refused or a server dies with
// the request is the product's rule (src/sim/products/engine/: nginx's next upstream, HAProxy's retries
// and redispatch, an ALB's 502, kube-proxy's connection error, Cloudflare's single retry). Every
// handler receives an owned (copy-on-write) state and mutates it. The browser's side is browser.ts.

import { serve } from './app.ts'
import { mutRequest, mutServer } from './cow.ts'
import { record } from './histogram.ts'
import { recordSelected, recordSuccess, route } from './lb.ts'
import { CLIENT_MS, HOP_MS } from './network.ts'
import { policyById } from './policies/registry.ts'
import type { RouteResult } from './policies/policy.ts'
import { behaviourOf, type Plan } from './products/engine/index.ts'
import { touchConnection } from './products/engine/connections.ts'
import { nextFloat } from './rng.ts'
import { scheduleRequest } from './schedule.ts'
import { accepts, serverIndex, settleBusy } from './servers.ts'
import type { RequestKind, SimRequest, ServerId, SimMs, SimState, User, UserId } from './types.ts'

const NOBODY: readonly ServerId[] = []

/**
 * Who decides, for the handlers below: the load balancer's choice and the app's work. The model's own
 * (`route`, `serve`) by default; the replay on real software (real/) passes what real nginx or HAProxy
 * chose and what the real app server did, so the bookkeeping around them — counters, retries, queues,
 * latency, the events scheduled — is this file's, not a copy of it.
 */
export type Router = (s: SimState, user: User, tried: readonly ServerId[], kind: RequestKind, redispatch: boolean) => RouteResult
export type Serve = (s: SimState, req: SimRequest, serverIdx: number) => SimMs

/**
 * The load balancer routes the request and forwards it; it reaches the chosen server HOP_MS after the
 * LB received it (the first time) or after a refusal came back (a retry). The routing decision is
 * folded into that arrival event — one event fewer per request, and nothing can happen to a server
 * in the 2 ms between that the LB could have known about.
 */
export function onForward(s: SimState, userId: UserId, id: number, router: Router = route, serveFn: Serve = serve): void {
  const req = mutRequest(s, userId, id)
  if (!req) return
  if (req.refused.length === 0) s.counters.requests += 1
  const user = s.users[req.user]!
  const tried = req.refused.length === 0 ? NOBODY : req.refused.map((h) => h.server)
  const same = req.retry === 'same' && req.server !== null
  const result: RouteResult =
    same && req.server !== null
      ? { server: req.server, decision: `→ ${req.server}`, pinned: req.pinned }
      : router(s, user, tried, req.kind, req.retry === 'balance')
  req.decision = tried.length === 0 ? result.decision : `${req.decision}${same ? ' ' : ' · '}${result.decision}`
  req.retry = 'route'
  req.pinned = result.pinned === true
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
  if (s.config.lb === 'nginx') recordSelected(s, result.server)
  if (result.affinity) req.affinity = result.affinity
  else if (!same) req.affinity = null
  arrive(s, req, result.server, serveFn)
}

function arrive(s: SimState, req: SimRequest, server: ServerId, serveFn: Serve): void {
  const idx = serverIndex(server)
  if (!accepts(s.servers[idx]!)) {
    // Connection refused: the process is down but the LB may not know yet.
    req.refused = [...req.refused, { server, at: s.now }]
    follow(s, req, behaviourOf(s).refused(s, req))
    return
  }
  req.serverAt = s.now
  const srv = mutServer(s, idx)
  if (srv.busy < s.config.workers) startService(s, req, idx, serveFn)
  else if (srv.queue.length < s.config.queueLimit) srv.queue.push(req.user)
  else {
    srv.errors += 1
    fail(s, req, 503, `${server} queue full → 503`, s.now + HOP_MS)
  }
}

function startService(s: SimState, req: SimRequest, idx: number, serveFn: Serve): void {
  const srv = mutServer(s, idx)
  settleBusy(srv, s.now)
  srv.busy += 1
  req.startAt = s.now
  const cost = serveFn(s, req, idx)
  scheduleRequest(s, s.now + cost, 'request.done', req, srv.id)
}

export function onDone(s: SimState, userId: UserId, id: number, server: ServerId, serveFn: Serve = serve): void {
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
  if (s.config.lb === 'nginx') recordSuccess(s, server)
  else if (s.config.lb === 'kube-proxy') touchConnection(s, req.user, server)
  req.doneAt = s.now
  req.lbBackAt = lbBackAt
  const waiting = srv.queue.shift()
  if (waiting !== undefined) {
    const next = s.inflight[waiting]
    if (next) startService(s, mutRequest(s, waiting, next.id)!, idx, serveFn)
  }
  respond(s, req)
}

/** After a failed attempt (already in `req.refused`): forward again as the product says, or fail. */
function follow(s: SimState, req: SimRequest, plan: Plan): void {
  if ('fail' in plan) {
    fail(s, req, plan.fail, plan.words, s.now + HOP_MS)
    return
  }
  s.counters.retried += 1
  req.retry = plan.retry
  req.decision = `${req.decision} ✕ ${plan.words}`
  // The failure travels back to the LB, which forwards the request again (after the product's wait).
  scheduleRequest(s, s.now + 2 * HOP_MS + plan.delayMs, 'request.forward', req)
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

/**
 * A server just died: every request it had accepted (queued or in service) lost its connection before
 * a response header, oldest first. The product decides each one's fate (nginx retries a GET on the
 * next peer and fails a POST with 502, and marks the peer failed; an ALB or HAProxy answers 502 …).
 */
export function failRequestsOn(s: SimState, server: ServerId, why: string): void {
  const dying = s.inflight.filter((r): r is SimRequest => r != null && r.server === server && r.doneAt === -1 && r.serverAt >= 0)
  dying.sort((a, b) => a.id - b.id)
  const b = behaviourOf(s)
  for (const r of dying) {
    const req = mutRequest(s, r.user, r.id)!
    req.refused = [...req.refused, { server, at: s.now }]
    const plan = b.died(s, req)
    if ('fail' in plan) {
      fail(s, req, plan.fail, `${why} · ${plan.words}`, s.now + HOP_MS)
      continue
    }
    // Served again from scratch elsewhere: what the dead server did for it is gone.
    req.serverAt = -1
    req.startAt = -1
    req.outcome = null
    req.status = 0
    req.detail = ''
    req.sets = null
    follow(s, req, plan)
  }
}
