// The browser's side of a request's life: it sends the request, receives the response (or times out
// when the network lost it), stores the cookies and tokens the response set, and compares the page
// with what the user believed — judged by the pure rules in browserRules.ts (an unexpected logout, a
// lost cart, a retry). Then the user thinks and sends the next request. The load balancer's and
// servers' side is backend.ts.

import { isFailure, idleExpired, isLostCart, isUnexpectedLogout, shouldRetry, tokenExpired } from './browserRules.ts'
import { mutRequest, mutUser } from './cow.ts'
import { CLIENT_MS, HOP_MS } from './network.ts'
import { scheduleRequest } from './schedule.ts'
import { emit } from './trace.ts'
import type { Hop, RequestKind, SimMs, SimRequest, SimState, User, UserId } from './types.ts'
import { advanceJourney, thinkTime } from './users.ts'
import { openSocket } from './websockets.ts'
import { storeAffinity } from './products/engine/cookies.ts'

/** Finished requests kept (they are the trace's request entries); trimmed in batches. */
const RECENT_LIMIT = 200

const NO_EXPLAIN: readonly string[] = []
const NO_HOPS: readonly Hop[] = []

/** Create the user's next request, sent at `sendAt`: it reaches the LB CLIENT_MS later and its server HOP_MS after that. */
export function sendRequest(s: SimState, user: User, kind: RequestKind, sendAt: SimMs, attempt: number): void {
  const id = s.nextRequestId++
  const req: SimRequest = {
    v: s.gen,
    id,
    user: user.id,
    kind,
    attempt,
    sentAt: sendAt,
    lbAt: sendAt + CLIENT_MS,
    refused: NO_HOPS,
    server: null,
    serverAt: -1,
    startAt: -1,
    doneAt: -1,
    lbBackAt: -1,
    receivedAt: -1,
    outcome: null,
    status: 0,
    decision: '',
    explain: NO_EXPLAIN,
    detail: '',
    affinity: null,
    pinned: false,
    retry: 'route',
    intent: user.checkoutIntent,
    sets: null,
    seq: -1,
    item: -1,
  }
  s.inflight[user.id] = req
  scheduleRequest(s, req.lbAt + HOP_MS, 'request.forward', req)
}

/** The `user.arrive` event: the user opens the shop and sends the first request. */
export function onUserArrive(s: SimState, id: UserId): void {
  if (s.users[id]!.active || s.users[id]!.left) return
  const user = mutUser(s, id)
  user.active = true
  if (!s.inflight[id]) sendRequest(s, user, user.next, s.now, 1)
}

/** The `request.atClient` event: the response arrives. */
export function onAtClient(s: SimState, userId: UserId, id: number): void {
  const req = mutRequest(s, userId, id)
  if (!req) return
  req.receivedAt = s.now
  finish(s, req)
  receiveResponse(s, req)
}

/** The `client.timeout` event: the response was lost and the browser gives up waiting. */
export function onClientTimeout(s: SimState, userId: UserId, id: number): void {
  const req = mutRequest(s, userId, id)
  if (!req) return
  req.receivedAt = s.now
  req.detail = `${req.detail} · response lost, browser timed out`
  finish(s, req)
  receiveResponse(s, req)
}

/** The request leaves the system and becomes a trace entry (its sentence is composed when read). */
function finish(s: SimState, req: SimRequest): void {
  req.seq = s.traceSeq++
  req.item = s.itemCount
  s.inflight[req.user] = null
  s.recent.push(req)
  if (s.recent.length > RECENT_LIMIT * 2) s.recent.splice(0, s.recent.length - RECENT_LIMIT)
}

function receiveResponse(s: SimState, req: SimRequest): void {
  const user = mutUser(s, req.user)
  applyCookies(s, user, req)
  if (isFailure(req.outcome)) s.counters.failed += 1
  else s.counters.ok += 1

  let longBreak = false
  switch (req.outcome) {
    case 'ok':
      longBreak = onSuccess(s, user, req)
      break
    case 'notLoggedIn':
      onLoginPage(s, user, req)
      break
    case 'cartMissing':
      onCartMissing(s, user, req)
      break
    case 'revoked':
      user.believesLoggedIn = false
      user.jar.jwt = null
      user.next = 'login'
      user.retrying = false
      break
    case 'error':
    case 'lost':
    case null:
      if (shouldRetry(req.outcome, user.retrying, user.active)) {
        user.retrying = true
        s.counters.retried += 1
        sendRequest(s, user, req.kind, s.now + s.config.clientRetryDelayMs, req.attempt + 1)
        return
      }
      user.retrying = false
      break
  }
  if (!user.active) return
  sendRequest(s, user, user.next, s.now + thinkTime(user, s.config, longBreak), 1)
}

function applyCookies(s: SimState, user: User, req: SimRequest): void {
  // mutUser gave us our own copy of the jar.
  const jar = user.jar
  if (req.sets) {
    if (req.sets.uid !== undefined) jar.uid = req.sets.uid
    if (req.sets.sid !== undefined) jar.sid = req.sets.sid
    if (req.sets.jwt !== undefined) jar.jwt = req.sets.jwt
  }
  const a = req.affinity
  if (a && req.outcome !== 'error') storeAffinity(s, jar, a)
}

function onSuccess(s: SimState, user: User, req: SimRequest): boolean {
  user.retrying = false
  user.lastServer = req.server
  user.lastActive = s.now
  if (req.kind === 'login') {
    user.believesLoggedIn = true
    if (s.config.websockets && req.server) openSocket(s, user, req.server)
  }
  if (req.kind === 'addToCart') user.believedCart += 1
  if (req.kind === 'checkout') {
    user.believedCart = 0
    user.checkoutIntent += 1
  }
  return advanceJourney(user, req.kind, s.config)
}

function onLoginPage(s: SimState, user: User, req: SimRequest): void {
  user.retrying = false
  const tokenGone = s.config.storage === 'jwt' && tokenExpired(user.jar.jwt, s.now)
  const idle = idleExpired(s.now, user.lastActive, s.config.sessionIdleMs)
  if (isUnexpectedLogout(user.believesLoggedIn, tokenGone, idle)) {
    s.counters.unexpectedLogouts += 1
    user.logouts += 1
    user.lastLogoutAt = s.now
    const where = user.lastServer && user.lastServer !== req.server ? `the session was on ${user.lastServer}, but ${req.server} answered` : `${req.server} no longer has the session`
    emit(s, 'logout', `${user.name} was logged out unexpectedly: ${where}`, { user: user.id, ...(req.server ? { server: req.server } : {}), request: req.id })
    if (isLostCart('notLoggedIn', true, user.believedCart)) loseCart(s, user, req)
  } else if (user.believesLoggedIn) {
    s.counters.sessionsExpired += 1
  }
  user.believesLoggedIn = false
  user.believedCart = 0
  user.lastServer = req.server
  user.jar.sid = null
  user.jar.jwt = null
  user.next = 'login'
}

function onCartMissing(s: SimState, user: User, req: SimRequest): void {
  user.retrying = false
  user.lastActive = s.now
  if (isLostCart('cartMissing', false, user.believedCart)) loseCart(s, user, req)
  user.lastServer = req.server
  if (req.kind === 'addToCart') {
    user.believedCart = 1
    advanceJourney(user, 'addToCart', s.config)
  } else {
    user.believedCart = 0
    advanceJourney(user, 'login', s.config)
  }
}

function loseCart(s: SimState, user: User, req: SimRequest): void {
  const items = user.believedCart
  s.counters.cartsLost += 1
  user.cartsLost += 1
  user.lastCartLostAt = s.now
  user.believedCart = 0
  emit(s, 'cartLost', `${user.name}'s cart of ${items} item${items === 1 ? '' : 's'} is gone (${req.server ?? 'no server'} answered)`, { user: user.id, request: req.id })
}
