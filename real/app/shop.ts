// The lab's shop as a real web app: land (a visitor-id cookie), log in (a session in memory, Redis or
// PostgreSQL — or a signed JWT), browse, add to cart, check out. The same rules as the model's app
// (src/sim/app.ts), written against real stores and real tokens; each request's service time is the
// model's: work drawn from this process's own stream (`serviceWork`, `serverRng`) plus the model's
// cost of each store access (`accessMs`) — the replay holds responses for that long on the model's
// clock, the wall-clock mode really waits.

import { jwtVerify, SignJWT, errors as joseErrors } from 'jose'
import fs from 'node:fs'
import path from 'node:path'
import { orderVerdict, serviceWork, visitorId } from '../../src/sim/app.ts'
import type { Rng } from '../../src/sim/rng.ts'
import { accessMs, cartKey, isLive, type SessionHome } from '../../src/sim/storage.ts'
import type { RequestKind } from '../../src/sim/types.ts'
import { H, type AppResult, type AppSettings, type Served } from './protocol.ts'
import type { MemoryStore} from './stores.ts';
import { StoreDown, type PostgresStore, type RedisStore, type SessionRecord, type Store } from './stores.ts'

/** Model time 0 as a date (JWT iat/exp are seconds of this clock). */
export const EPOCH_MS = Date.UTC(2026, 0, 1)

export interface ShopRequest {
  readonly id: number
  readonly user: number
  readonly kind: RequestKind
  readonly cookies: ReadonlyMap<string, string>
  readonly token: string | null
  readonly costFactor: number
  readonly believedCart: number
  readonly intent: number
  readonly idempotencyKey: string | null
}

export interface ShopResponse {
  readonly served: Served
  readonly headers: Record<string, string | string[]>
  readonly body: string
}

const MEMORY_HOME = (server: number): SessionHome => ({ kind: 'memory', server })
const SHARED_HOME: SessionHome = { kind: 'store', which: 'sessionStore' }
const DB_HOME: SessionHome = { kind: 'store', which: 'database' }

export interface ShopDeps {
  readonly server: string
  readonly index: number
  readonly version: number
  readonly seed: number
  readonly rng: Rng
  readonly memory: MemoryStore
  readonly redis: RedisStore | null
  readonly postgres: PostgresStore | null
  readonly jwtKey: Uint8Array
  readonly jwtTtlMs: number
  readonly sessionIdleMs: number
  readonly ordersDir: string
  settings: AppSettings
}

/** Result of one piece of the shop's work: what the page says, and the model cost of store accesses. */
interface Outcome {
  result: AppResult
  status: number
  store: number
  sets?: Record<string, string | string[]>
  body?: string
  order?: Served['order']
}

export class Shop {
  private nextSid = 1
  constructor(readonly d: ShopDeps) {}

  async serve(req: ShopRequest, now: number): Promise<ShopResponse> {
    // Work first, drawn for every request a worker takes (src/sim/app.ts `serve`).
    const work = serviceWork(req.kind, req.costFactor, this.d.rng)
    const out = await this.handle(req, now)
    const served: Served = { id: req.id, kind: req.kind, cost: work + out.store, result: out.result, status: out.status, order: out.order ?? null }
    const headers: Record<string, string | string[]> = {
      'content-type': 'application/json',
      'cache-control': 'no-store',
      [H.result]: out.result,
      [H.server]: this.d.server,
      ...(out.order ? { [H.order]: out.order } : {}),
      ...(out.sets ?? {}),
    }
    return { served, headers, body: out.body ?? JSON.stringify({ page: out.result, server: this.d.server }) }
  }

  private home(): SessionHome {
    switch (this.d.settings.storage) {
      case 'memory':
        return MEMORY_HOME(this.d.index)
      case 'shared':
        return SHARED_HOME
      case 'database':
        return DB_HOME
      case 'jwt':
        return this.d.settings.jwtCarts === 'shared' ? SHARED_HOME : MEMORY_HOME(this.d.index)
    }
  }

  private store(home: SessionHome): Store {
    if (home.kind === 'memory') return this.d.memory
    const s = home.which === 'sessionStore' ? this.d.redis : this.d.postgres
    if (!s) throw new Error(`no ${home.which === 'sessionStore' ? 'Redis' : 'PostgreSQL'} configured for this run`)
    return s
  }

  private async handle(req: ShopRequest, now: number): Promise<Outcome> {
    try {
      return await this.page(req, now)
    } catch (err) {
      if (err instanceof StoreDown) return { result: 'error', status: 503, store: 0, body: JSON.stringify({ error: 'session store unreachable' }) }
      throw err
    }
  }

  private async page(req: ShopRequest, now: number): Promise<Outcome> {
    if (req.kind === 'landing') {
      const sets = req.cookies.has('uid') ? undefined : { 'set-cookie': [`uid=${visitorId(this.d.seed, req.user)}; Path=/; Max-Age=31536000`] }
      return { result: 'ok', status: 200, store: 0, ...(sets ? { sets } : {}) }
    }
    const home = this.home()
    if (req.kind === 'login') {
      if (this.d.settings.storage === 'jwt') {
        const jti = `t-${this.d.server}${this.d.version}-${this.nextSid++}`
        const token = await new SignJWT({})
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject(String(req.user))
          .setJti(jti)
          .setIssuedAt(Math.floor((EPOCH_MS + now) / 1000))
          .setExpirationTime(Math.floor((EPOCH_MS + now + this.d.jwtTtlMs) / 1000))
          .sign(this.d.jwtKey)
        return { result: 'ok', status: 200, store: 0, body: JSON.stringify({ token }) }
      }
      const sid = `s-${this.d.server}${this.d.version}-${this.nextSid++}`
      await this.store(home).put(sid, { sid, user: req.user, cart: 0, createdAt: now, lastSeen: now })
      return { result: 'ok', status: 200, store: accessMs(home), sets: { 'set-cookie': [`sid=${sid}; Path=/; HttpOnly`] } }
    }
    return this.d.settings.storage === 'jwt' ? this.withToken(req, now, home) : this.withSession(req, now, home)
  }

  private async withSession(req: ShopRequest, now: number, home: SessionHome): Promise<Outcome> {
    const store = this.store(home)
    const sid = req.cookies.get('sid') ?? null
    const found = sid === null ? undefined : await store.get(sid)
    if (sid === null || found === undefined) return { result: 'notLoggedIn', status: 200, store: accessMs(home) }
    if (!isLive(found, now, this.d.sessionIdleMs)) {
      await store.delete(sid)
      return { result: 'notLoggedIn', status: 200, store: accessMs(home) }
    }
    found.lastSeen = now
    const order = this.cartAction(req, found)
    await store.put(sid, found)
    return { result: 'ok', status: 200, store: 2 * accessMs(home), ...(order ? { order } : {}) }
  }

  private async withToken(req: ShopRequest, now: number, home: SessionHome): Promise<Outcome> {
    const claims = await this.verify(req.token, now)
    if (claims === null) return { result: 'notLoggedIn', status: 200, store: 0 }
    let store = 0
    if (this.d.settings.denyList) {
      if (!this.d.redis) throw new Error('a JWT deny list needs Redis')
      const denied = await this.d.redis.denied(claims.jti)
      store += accessMs(SHARED_HOME)
      if (denied) return { result: 'revoked', status: 401, store }
    }
    if (req.kind === 'browse') return { result: 'ok', status: 200, store }
    const carts = this.store(home)
    store += 2 * accessMs(home)
    const key = cartKey(req.user)
    const stored = await carts.get(key)
    const have = stored && isLive(stored, now, this.d.sessionIdleMs) ? stored.cart : 0
    if (have < req.believedCart) {
      await carts.put(key, { sid: key, user: req.user, cart: req.kind === 'addToCart' ? 1 : 0, createdAt: now, lastSeen: now })
      return { result: 'cartMissing', status: 200, store }
    }
    const cart: SessionRecord = stored ? { ...stored, cart: have, lastSeen: now } : { sid: key, user: req.user, cart: 0, createdAt: now, lastSeen: now }
    const order = this.cartAction(req, cart)
    await carts.put(key, cart)
    return { result: 'ok', status: 200, store, ...(order ? { order } : {}) }
  }

  /** Would a request carrying `token` be accepted as logged in (signature, expiry, deny list)? */
  async accepts(token: string, now: number): Promise<boolean> {
    const claims = await this.verify(token, now)
    if (claims === null) return false
    if (!this.d.settings.denyList || !this.d.redis) return true
    try {
      return !(await this.d.redis.denied(claims.jti))
    } catch {
      // The deny list is unreachable: only the signature can be checked.
      return true
    }
  }

  /** The token's id if its signature is good and it has not expired at model time `now`. */
  private async verify(token: string | null, now: number): Promise<{ jti: string } | null> {
    if (token === null) return null
    try {
      const { payload } = await jwtVerify(token, this.d.jwtKey, { algorithms: ['HS256'], currentDate: new Date(EPOCH_MS + now) })
      return typeof payload.jti === 'string' ? { jti: payload.jti } : null
    } catch (err) {
      if (err instanceof joseErrors.JOSEError) return null
      throw err
    }
  }

  private cartAction(req: ShopRequest, rec: SessionRecord): Served['order'] {
    if (req.kind === 'addToCart') rec.cart += 1
    if (req.kind !== 'checkout') return null
    rec.cart = 0
    return this.placeOrder(req)
  }

  /** The orders table: the last checkout (intent) committed per user; a second commit of one intent is a duplicate. */
  private placeOrder(req: ShopRequest): Served['order'] {
    const file = path.join(this.d.ordersDir, `u${req.user}`)
    let committed = -1
    try {
      committed = Number(fs.readFileSync(file, 'utf8'))
    } catch {
      // no order yet
    }
    const verdict = orderVerdict(req.idempotencyKey !== null, committed, req.intent)
    if (verdict !== 'idempotent') fs.writeFileSync(file, String(req.intent))
    return verdict
  }

  /** Copies this process's live sessions into the store now in use (a careful, dual-write migration). */
  async migrateTo(settings: AppSettings, now: number): Promise<number> {
    const from = this.d.settings
    this.d.settings = settings
    if (from.storage !== 'memory' || settings.storage === 'memory' || settings.storage === 'jwt') return 0
    const target = this.store(this.home())
    let n = 0
    for (const rec of this.d.memory.map.values()) {
      if (!isLive(rec, now, this.d.sessionIdleMs) || rec.sid.startsWith('cart:')) continue
      await target.put(rec.sid, { ...rec, lastSeen: now })
      n += 1
    }
    return n
  }
}
