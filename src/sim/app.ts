// The application behind the load balancer: what a server does with a request once a worker picks
// it up. It looks the session up wherever sessions live, updates carts, places orders, and records
// the outcome on the request. Side effects happen at service start, so a crash while the request is
// being served leaves them committed (that is how duplicate orders arise).

import { mutServer, mutUser } from './cow.ts'
import { between, type Rng } from './rng.ts'
import { accessMs, cartKey, deleteSession, getSession, homeUp, isLive, putSession, sessionHome, touchSession, type SessionHome } from './storage.ts'
import type { Outcome, SimRequest, RequestKind, SimMs, SimState } from './types.ts'

/** Mean service time of each kind of request on one worker (a single-threaded app process). */
export function baseCost(kind: RequestKind): SimMs {
  // A switch rather than a lookup table: V8 compiles it to a few compares on the hot path.
  switch (kind) {
    case 'landing':
      return 30
    case 'login':
      return 120
    case 'browse':
      return 60
    case 'addToCart':
      return 45
    case 'checkout':
      return 180
  }
}

/**
 * The work of one request on a worker, before any store access: the kind's mean cost (× the heavy
 * factor), varied 60–140 % by the serving process's own stream (servers.ts `serverRng`). A real app
 * server draws it the same way (real/app/).
 */
export function serviceWork(kind: RequestKind, costFactor: number, rng: Rng): SimMs {
  return Math.round((baseCost(kind) * costFactor * between(rng, 60, 140)) / 100)
}

/** Serve `req` (owned) on server `serverIdx` (owned): sets outcome, status, detail and cookies; returns the service time. */
export function serve(s: SimState, req: SimRequest, serverIdx: number): SimMs {
  const heavy = s.users[req.user]!.heavy ? s.config.heavyCostFactor : 1
  const work = serviceWork(req.kind, heavy, mutServer(s, serverIdx).rng)
  return work + handle(s, req, serverIdx)
}

/** Record a result on the request; returns the store time it cost. */
function result(req: SimRequest, outcome: Outcome, status: number, detail: string, storeMs: number): number {
  req.outcome = outcome
  req.status = status
  req.detail = detail
  return storeMs
}

function handle(s: SimState, req: SimRequest, serverIdx: number): number {
  const user = s.users[req.user]!
  const storage = s.config.storage
  const home = sessionHome(s, storage, serverIdx)
  const id = s.servers[serverIdx]!.id

  if (req.kind === 'landing') {
    if (user.jar.uid === null) req.sets = { uid: visitorId(s.seed, user.id) }
    return result(req, 'ok', 200, 'home page', 0)
  }

  if (req.kind === 'login') {
    if (storage === 'jwt') {
      const jti = `t${s.nextSid++}`
      req.sets = { jwt: { jti, exp: s.now + s.config.jwt.ttlMs } }
      return result(req, 'ok', 200, `signed token ${jti}`, 0)
    }
    if (!homeUp(s, home)) return result(req, 'error', 503, `${storeName(home)} unreachable → 503`, 0)
    const sid = `s${s.nextSid++}`
    putSession(s, home, sid, { v: s.gen, sid, user: user.id, cart: 0, createdAt: s.now, lastSeen: s.now })
    req.sets = { sid }
    return result(req, 'ok', 200, `new session ${sid} ${where(home, id)}`, accessMs(home))
  }

  return storage === 'jwt' ? handleWithToken(s, req, home, id) : handleWithSession(s, req, home, id)
}

function handleWithSession(s: SimState, req: SimRequest, home: SessionHome, id: string): number {
  const user = s.users[req.user]!
  if (!homeUp(s, home)) return result(req, 'error', 503, `${storeName(home)} unreachable → 503`, 0)
  const sid = user.jar.sid
  const found = sid === null ? undefined : touchSession(s, home, sid)
  if (sid === null || found === undefined) {
    const where = home.kind === 'memory' ? `on ${id}` : `in the ${storeName(home)}`
    return result(req, 'notLoggedIn', 200, `no session ${sid ?? ''} ${where} → login page`, accessMs(home))
  }
  if (!isLive(found, s.now, s.config.sessionIdleMs)) {
    deleteSession(s, home, sid)
    return result(req, 'notLoggedIn', 200, `session ${sid} expired → login page`, accessMs(home))
  }
  found.lastSeen = s.now
  return result(req, 'ok', 200, applyCartAction(s, req, found, `session ${sid} found`), 2 * accessMs(home))
}

function handleWithToken(s: SimState, req: SimRequest, home: SessionHome, id: string): number {
  const user = s.users[req.user]!
  const token = user.jar.jwt
  if (token === null || token.exp <= s.now) return result(req, 'notLoggedIn', 200, 'token expired → login page', 0)
  let cost = 0
  if (s.config.jwt.denyList) {
    if (!s.sessionStore.up) return result(req, 'error', 503, 'deny list (shared store) unreachable → 503', 0)
    cost += accessMs({ kind: 'store', which: 'sessionStore' })
    if (s.deny.has(token.jti)) return result(req, 'revoked', 401, `token ${token.jti} is on the deny list → 401`, cost)
  }
  if (req.kind === 'browse') return result(req, 'ok', 200, `token ${token.jti} verified`, cost)
  if (!homeUp(s, home)) return result(req, 'error', 503, `${storeName(home)} unreachable → 503`, cost)
  cost += 2 * accessMs(home)
  const key = cartKey(user.id)
  const stored = getSession(s, home, key)
  const have = stored && isLive(stored, s.now, s.config.sessionIdleMs) ? stored.cart : 0
  if (have < user.believedCart) {
    const fresh = req.kind === 'addToCart' ? 1 : 0
    putSession(s, home, key, { v: s.gen, sid: key, user: user.id, cart: fresh, createdAt: s.now, lastSeen: s.now })
    return result(req, 'cartMissing', 200, `token ok, but no cart ${where(home, id)}`, cost)
  }
  if (!stored) putSession(s, home, key, { v: s.gen, sid: key, user: user.id, cart: 0, createdAt: s.now, lastSeen: s.now })
  const cart = touchSession(s, home, key)!
  cart.cart = have
  cart.lastSeen = s.now
  return result(req, 'ok', 200, applyCartAction(s, req, cart, `token ${token.jti} verified`), cost)
}

/** Apply add-to-cart or checkout to an owned session/cart record; returns the detail sentence. */
function applyCartAction(s: SimState, req: SimRequest, session: { cart: number }, prefix: string): string {
  if (req.kind === 'addToCart') {
    session.cart += 1
    return `${prefix} · cart ${session.cart}`
  }
  if (req.kind !== 'checkout') return prefix
  session.cart = 0
  return `${prefix} · ${placeOrder(s, req)}`
}

function placeOrder(s: SimState, req: SimRequest): string {
  const verdict = orderVerdict(s.config.idempotencyKeys, s.users[req.user]!.committedIntent, req.intent)
  recordOrder(s, req, verdict)
  if (verdict === 'idempotent') return `idempotency key seen → original order returned`
  return verdict === 'duplicate' ? `order placed AGAIN → duplicate order` : `order placed`
}

export type OrderVerdict = 'placed' | 'duplicate' | 'idempotent'

/**
 * A checkout against the orders table, which remembers each user's last committed checkout (intent):
 * with an idempotency key a repeat returns the original order; without one it is placed again — a
 * duplicate. The real app server (real/app/shop.ts) decides with this same rule.
 */
export function orderVerdict(idempotencyKeys: boolean, committedIntent: number, intent: number): OrderVerdict {
  if (idempotencyKeys && committedIntent === intent) return 'idempotent'
  return committedIntent === intent ? 'duplicate' : 'placed'
}

/** Counts an order (and a duplicate) against the user who placed it. */
export function recordOrder(s: SimState, req: SimRequest, verdict: OrderVerdict): void {
  if (verdict === 'idempotent') return
  const user = mutUser(s, req.user)
  user.committedIntent = req.intent
  user.orders += 1
  s.counters.orders += 1
  if (verdict === 'duplicate') s.counters.duplicateOrders += 1
}

function where(home: SessionHome, id: string): string {
  return home.kind === 'memory' ? `in ${id}'s memory` : `in the ${storeName(home)}`
}

function storeName(home: SessionHome): string {
  return home.kind === 'memory' ? 'memory' : home.which === 'sessionStore' ? 'shared store' : 'database'
}

/** A stable visitor id cookie (what `hash $cookie_uid` keys on). */
export function visitorId(seed: number, user: number): string {
  let h = (seed * 31 + user * 2654435761) >>> 0
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
  return `v${h.toString(16).padStart(8, '0')}`
}
