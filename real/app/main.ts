// One app server of the replay (run as a child process of the harness, with Node IPC): a plain
// node:http server with one worker and a FIFO queue, as in the model (src/sim/backend.ts), serving the
// lab's shop (shop.ts). Under the virtual clock it holds each request until the harness admits it and
// each response until the harness releases it (protocol.ts); under the wall clock it serves on its own
// and reports. `GET /healthz` answers at once, outside the queue (what a load balancer probes).

import http from 'node:http'
import { serverRng } from '../../src/sim/servers.ts'
import type { RequestKind } from '../../src/sim/types.ts'
import { H, type AppOptions, type FromApp, type Served, type ToApp } from './protocol.ts'
import { Shop, type ShopRequest, type ShopResponse } from './shop.ts'
import { MemoryStore, PostgresStore, RedisStore } from './stores.ts'
import { acceptWebSockets } from './websocket.ts'

const opts = JSON.parse(process.argv[2] ?? '{}') as AppOptions

const send = (m: FromApp): void => {
  if (process.send) process.send(m)
}

const memory = new MemoryStore()
const redis = opts.redis ? new RedisStore(opts.redis.port) : null
const postgres = opts.postgres ? new PostgresStore(opts.postgres) : null
const shop = new Shop({
  server: opts.server,
  index: opts.index,
  version: opts.version,
  seed: opts.seed,
  rng: serverRng(opts.seed, opts.index, opts.version),
  memory,
  redis,
  postgres,
  jwtKey: Buffer.from(opts.jwtKey, 'hex'),
  jwtTtlMs: opts.jwtTtlMs,
  sessionIdleMs: opts.sessionIdleMs,
  ordersDir: opts.ordersDir,
  settings: opts.settings,
})

/** Model time under the wall clock. */
let wallT0 = opts.wallT0
const wallNow = (): number => Math.round((Date.now() - wallT0) * opts.speed)

interface Held {
  readonly req: ShopRequest
  readonly arriveAt: number | null
  readonly res: http.ServerResponse
  response: ShopResponse | null
  startedAt: number
}

const ROUTES: Record<string, { method: string; kind: RequestKind }> = {
  '/': { method: 'GET', kind: 'landing' },
  '/login': { method: 'POST', kind: 'login' },
  '/browse': { method: 'GET', kind: 'browse' },
  '/cart': { method: 'POST', kind: 'addToCart' },
  '/checkout': { method: 'POST', kind: 'checkout' },
}

function parse(req: http.IncomingMessage): ShopRequest | null {
  const url = new URL(req.url ?? '/', 'http://app')
  const route = ROUTES[url.pathname]
  if (!route || route.method !== req.method) return null
  const cookies = new Map<string, string>()
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  const auth = req.headers.authorization
  const num = (v: string | string[] | undefined, dflt: number): number => (typeof v === 'string' && v !== '' ? Number(v) : dflt)
  const key = req.headers[H.idempotencyKey]
  return {
    id: Number(url.searchParams.get('r') ?? -1),
    user: Number(url.searchParams.get('u') ?? -1),
    kind: route.kind,
    cookies,
    token: typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : null,
    costFactor: num(req.headers[H.cost], 1),
    believedCart: num(req.headers[H.cart], 0),
    intent: num(req.headers[H.intent], 0),
    idempotencyKey: typeof key === 'string' ? key : null,
  }
}

class Worker {
  private readonly held = new Map<number, Held>()
  private readonly queue: Held[] = []
  private busy: Held | null = null

  arrive(h: Held): void {
    this.held.set(h.req.id, h)
    if (opts.clock === 'real') void this.admit(h.req.id, wallNow())
    else if (h.arriveAt !== null) {
      void this.admit(h.req.id, h.arriveAt).then((answer) => {
        if (answer.t === 'queued' || answer.t === 'started' || answer.t === 'rejected') send({ t: 'admitted', id: h.req.id, answer })
        else send(answer)
      })
    } else send({ t: 'arrived', id: h.req.id })
  }

  /** The request joins the queue at model time `now` (virtual: when the harness says it arrived). */
  async admit(id: number, now: number): Promise<FromApp> {
    const h = this.held.get(id)
    if (!h) return { t: 'error', message: `admit: no request ${id} held` }
    if (this.busy === null) return { t: 'started', served: await this.start(h, now) }
    if (this.queue.length >= opts.queueLimit) {
      this.held.delete(id)
      h.res.writeHead(503, { 'content-type': 'application/json', [H.result]: 'error', [H.server]: opts.server })
      h.res.end(JSON.stringify({ error: 'queue full' }))
      return { t: 'rejected', id }
    }
    this.queue.push(h)
    return { t: 'queued', id }
  }

  private async start(h: Held, now: number): Promise<Served> {
    this.busy = h
    h.startedAt = now
    h.response = await shop.serve(h.req, now)
    if (opts.clock === 'real') setTimeout(() => void this.finish(h), Math.max(0, h.response.served.cost / opts.speed))
    return h.response.served
  }

  /** The worker finished `id` at model time `now`: the response goes out and the next request starts. */
  async release(id: number, now: number): Promise<FromApp> {
    const h = this.busy
    if (!h || h.req.id !== id || !h.response) return { t: 'error', message: `release: ${id} is not being served` }
    this.held.delete(id)
    this.busy = null
    h.res.writeHead(h.response.served.status, h.response.headers)
    h.res.end(h.response.body)
    const next = this.queue.shift()
    return { t: 'released', id, next: next ? await this.start(next, now) : null }
  }

  private async finish(h: Held): Promise<void> {
    const now = wallNow()
    const served = h.response!.served
    const r = await this.release(h.req.id, now)
    if (r.t === 'released') send({ t: 'done', id: h.req.id, served, startedAt: h.startedAt, doneAt: now })
  }
}

const worker = new Worker()

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    req.resume()
    res.writeHead(200, { 'content-type': 'text/plain', [H.server]: opts.server })
    res.end('ok')
    return
  }
  const parsed = parse(req)
  req.resume()
  if (parsed === null) {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
    return
  }
  const at = req.headers[H.arriveAt]
  req.on('end', () => worker.arrive({ req: parsed, arriveAt: typeof at === 'string' ? Number(at) : null, res, response: null, startedAt: -1 }))
})
// Plain HTTP/1.1 behind a proxy: no keep-alive timeout surprises on the model's long pauses.
server.keepAliveTimeout = 0
acceptWebSockets(server, opts.server)

function listen(): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
}

async function onMessage(m: ToApp): Promise<void> {
  switch (m.t) {
    case 'listen':
      await listen()
      return send({ t: 'listening' })
    case 'clock':
      wallT0 = m.wallT0
      return
    case 'admit':
      return send(await worker.admit(m.id, m.now))
    case 'release':
      return send(await worker.release(m.id, m.now))
    case 'sessions':
      return send({ t: 'sessions', live: memory.live(m.now, opts.sessionIdleMs) })
    case 'settings':
      return send({ t: 'settings', migrated: await shop.migrateTo(m.settings, m.now) })
    case 'store':
      if (m.up) {
        await Promise.all([redis?.connect(), postgres?.connect()])
      } else {
        postgres?.forget()
        if (redis) await waitStatus(redis, 'ready', false)
      }
      return send({ t: 'store', up: m.up })
    case 'verify':
      return send({ t: 'verified', accepted: await shop.accepts(m.token, m.now) })
    case 'stop':
      server.close()
      process.exit(0)
  }
}

/** Waits until the Redis connection is (or is no longer) in `status`. */
async function waitStatus(r: RedisStore, status: string, want: boolean): Promise<void> {
  for (let i = 0; i < 200 && (r.client.status === status) !== want; i++) await new Promise((res) => setTimeout(res, 10))
}

process.on('message', (m: ToApp) => {
  onMessage(m).catch((err: unknown) => send({ t: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
})
// The harness went away (even by SIGKILL): don't outlive it.
process.on('disconnect', () => process.exit(0))

async function boot(): Promise<void> {
  await Promise.all([redis?.connect().catch(() => undefined), postgres?.connect().catch(() => undefined)])
  // It listens when the harness says the model's boot time is over (both clocks).
  send({ t: 'ready' })
}

void boot()
