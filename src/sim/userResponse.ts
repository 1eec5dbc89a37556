// The browser's side: a response arrives and the user compares it with what they believed. A login
// page while they believed they were logged in is an *unexpected logout*; an empty cart they had
// filled is a *lost cart*. Then the user thinks and sends the next request (or retries a failure).

import { mutServer, mutUser } from './cow.ts'
import { sendRequest } from './send.ts'
import { schedule } from './schedule.ts'
import { serverIndex } from './servers.ts'
import { emit } from './trace.ts'
import type { SimRequest, SimState, User } from './types.ts'
import { advanceJourney, thinkTime } from './users.ts'

export function receiveResponse(s: SimState, req: SimRequest): void {
  const user = mutUser(s, req.user)
  applyCookies(s, user, req)
  const failed = req.outcome === 'error' || req.outcome === 'lost'
  if (failed) s.counters.failed += 1
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
      if (!user.retrying && user.active) {
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
  if (a && req.outcome !== 'error') {
    const { ttlMs, mode } = s.config.cookie
    const current = jar.affinity
    if (current === null || current.server !== a.server) jar.affinity = { server: a.server, expiresAt: s.now + ttlMs }
    else if (mode === 'sliding' || a.issued) current.expiresAt = s.now + ttlMs
  }
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
  const tokenExpired = s.config.storage === 'jwt' && (user.jar.jwt === null || user.jar.jwt.exp <= s.now)
  const idleExpired = s.now - user.lastActive >= s.config.sessionIdleMs
  if (user.believesLoggedIn && !tokenExpired && !idleExpired) {
    s.counters.unexpectedLogouts += 1
    user.logouts += 1
    user.lastLogoutAt = s.now
    const where = user.lastServer && user.lastServer !== req.server ? `the session was on ${user.lastServer}, but ${req.server} answered` : `${req.server} no longer has the session`
    emit(s, 'logout', `${user.name} was logged out unexpectedly: ${where}`, { user: user.id, ...(req.server ? { server: req.server } : {}), request: req.id })
    if (user.believedCart > 0) loseCart(s, user, req)
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
  loseCart(s, user, req)
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

function openSocket(s: SimState, user: User, server: NonNullable<SimRequest['server']>): void {
  if (user.wsServer === server) return
  if (user.wsServer) mutServer(s, serverIndex(user.wsServer)).connections -= 1
  user.wsServer = server
  mutServer(s, serverIndex(server)).connections += 1
}

/** A dropped WebSocket client reconnects through the load balancer. */
export function openSocketFor(s: SimState, id: number, server: NonNullable<SimRequest['server']>): void {
  const user = mutUser(s, id)
  openSocket(s, user, server)
  s.counters.reconnects += 1
  const w = s.reconnectWindow
  if (s.now - w.start >= 1_000) {
    w.start = s.now
    w.count = 0
  }
  w.count += 1
  s.counters.maxReconnectBurst = Math.max(s.counters.maxReconnectBurst, w.count)
  emit(s, 'ws', `${user.name}'s WebSocket reconnected to ${server}`, { user: id, server })
}

/** Connections dropped by a dying server: every client reconnects at once (after a short jitter). */
export function dropSockets(s: SimState, server: NonNullable<SimRequest['server']>): number {
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
