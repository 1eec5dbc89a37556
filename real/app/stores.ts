// Where the lab's shop keeps sessions (and a JWT user's cart): this process's memory, Redis (the
// shared store) or PostgreSQL (the database) — the three homes of src/sim/storage.ts, for real. A
// store that cannot be reached throws StoreDown, which the shop answers with 503, as the model does.

import Redis from 'ioredis'
import pg from 'pg'
import { isLive } from '../../src/sim/storage.ts'

export interface SessionRecord {
  readonly sid: string
  readonly user: number
  cart: number
  readonly createdAt: number
  lastSeen: number
}

export class StoreDown extends Error {}

export interface Store {
  readonly kind: 'memory' | 'shared' | 'database'
  get(key: string): Promise<SessionRecord | undefined>
  put(key: string, rec: SessionRecord): Promise<void>
  delete(key: string): Promise<void>
}

export class MemoryStore implements Store {
  readonly kind = 'memory'
  readonly map = new Map<string, SessionRecord>()
  get(key: string): Promise<SessionRecord | undefined> {
    const rec = this.map.get(key)
    return Promise.resolve(rec && { ...rec })
  }
  put(key: string, rec: SessionRecord): Promise<void> {
    this.map.set(key, { ...rec })
    return Promise.resolve()
  }
  delete(key: string): Promise<void> {
    this.map.delete(key)
    return Promise.resolve()
  }
  /** Live sessions (not carts) at model time `now`: what a crash of this process loses. */
  live(now: number, idleMs: number): number {
    let n = 0
    for (const rec of this.map.values()) if (isLive(rec, now, idleMs)) n += 1
    return n
  }
}

/** Redis on 127.0.0.1: one connection, no offline queue, so a dead Redis fails a request at once. */
export class RedisStore implements Store {
  readonly kind = 'shared'
  readonly client: Redis
  constructor(port: number) {
    this.client = new Redis({
      host: '127.0.0.1',
      port,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect quickly; the harness also asks for a reconnect when the store is back.
      retryStrategy: () => 50,
    })
    this.client.on('error', () => {
      // Reported through the failing command; an idle disconnect is not an error of ours.
    })
  }
  async connect(): Promise<void> {
    if (this.client.status === 'ready') return
    if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect()
    else await waitReady(this.client)
  }
  private async run<T>(op: () => Promise<T>): Promise<T> {
    try {
      return await op()
    } catch (err) {
      throw new StoreDown(err instanceof Error ? err.message : String(err))
    }
  }
  async get(key: string): Promise<SessionRecord | undefined> {
    const text = await this.run(() => this.client.get(`s:${key}`))
    return text === null ? undefined : (JSON.parse(text) as SessionRecord)
  }
  async put(key: string, rec: SessionRecord): Promise<void> {
    await this.run(() => this.client.set(`s:${key}`, JSON.stringify(rec)))
  }
  async delete(key: string): Promise<void> {
    await this.run(() => this.client.del(`s:${key}`))
  }
  async denied(jti: string): Promise<boolean> {
    return (await this.run(() => this.client.exists(`deny:${jti}`))) === 1
  }
}

function waitReady(client: Redis): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis did not become ready')), 5000)
    client.once('ready', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** PostgreSQL over its unix socket: a table of sessions; a lost connection fails requests until reconnected. */
export class PostgresStore implements Store {
  readonly kind = 'database'
  private client: pg.Client | null = null
  constructor(private readonly opts: { socketDir: string; database: string; user: string }) {}

  async connect(): Promise<void> {
    if (this.client) return
    const client = new pg.Client({ host: this.opts.socketDir, database: this.opts.database, user: this.opts.user })
    client.on('error', () => {
      // The connection died (the database stopped): the next query reconnects or fails with 503.
      if (this.client === client) this.client = null
    })
    client.on('end', () => {
      if (this.client === client) this.client = null
    })
    try {
      await client.connect()
    } catch (err) {
      throw new StoreDown(err instanceof Error ? err.message : String(err))
    }
    this.client = client
  }
  /** Drops the connection (the harness stopped the database; don't wait for the socket to notice). */
  forget(): void {
    const c = this.client
    this.client = null
    if (c) void c.end().catch(() => undefined)
  }
  private async query(text: string, values: unknown[]): Promise<pg.QueryResult> {
    await this.connect()
    const client = this.client
    if (!client) throw new StoreDown('no connection')
    try {
      return await client.query(text, values)
    } catch (err) {
      this.forget()
      throw new StoreDown(err instanceof Error ? err.message : String(err))
    }
  }
  async get(key: string): Promise<SessionRecord | undefined> {
    const r = await this.query('SELECT sid, user_id, cart, created_at, last_seen FROM sessions WHERE sid = $1', [key])
    const row = r.rows[0] as { sid: string; user_id: number; cart: number; created_at: string; last_seen: string } | undefined
    return row && { sid: row.sid, user: row.user_id, cart: row.cart, createdAt: Number(row.created_at), lastSeen: Number(row.last_seen) }
  }
  async put(key: string, rec: SessionRecord): Promise<void> {
    await this.query(
      'INSERT INTO sessions (sid, user_id, cart, created_at, last_seen) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sid) DO UPDATE SET cart = $3, last_seen = $5',
      [key, rec.user, rec.cart, rec.createdAt, rec.lastSeen],
    )
  }
  async delete(key: string): Promise<void> {
    await this.query('DELETE FROM sessions WHERE sid = $1', [key])
  }
}

/** The schema the harness creates in a fresh database. */
export const SESSIONS_TABLE = 'CREATE TABLE sessions (sid text PRIMARY KEY, user_id integer NOT NULL, cart integer NOT NULL, created_at bigint NOT NULL, last_seen bigint NOT NULL)'
