// Where session state lives: one server's memory, the shared store (Redis-like, ≈1 ms per access)
// or the database (≈5 ms per access). JWT keeps identity in the token; its carts still live in
// memory or in the shared store.

import { mutServer, mutStore } from './cow.ts'
import type { Session, SessionStore, SessionStoreName, SimMs, SimState, StorageKind } from './types.ts'

export type SessionHome = { readonly kind: 'memory'; readonly server: number } | { readonly kind: 'store'; readonly which: SessionStoreName }

const ACCESS_MS = { memory: 0, sessionStore: 1, database: 5 } as const

// Homes are constants (one per server, one per store): looking one up allocates nothing.
const MEMORY_HOMES: readonly SessionHome[] = Array.from({ length: 10 }, (_, server) => ({ kind: 'memory', server }))
const STORE_HOME: SessionHome = { kind: 'store', which: 'sessionStore' }
const DB_HOME: SessionHome = { kind: 'store', which: 'database' }

/** Where sessions live for `storage` when served by server `serverIdx` (JWT: where carts live). */
export function sessionHome(s: SimState, storage: StorageKind, serverIdx: number): SessionHome {
  switch (storage) {
    case 'memory':
      return MEMORY_HOMES[serverIdx]!
    case 'shared':
      return STORE_HOME
    case 'database':
      return DB_HOME
    case 'jwt':
      return s.config.jwt.carts === 'shared' ? STORE_HOME : MEMORY_HOMES[serverIdx]!
  }
}

export function homeUp(s: SimState, home: SessionHome): boolean {
  return home.kind === 'memory' || s[home.which].up
}

export function accessMs(home: SessionHome): number {
  return home.kind === 'memory' ? ACCESS_MS.memory : ACCESS_MS[home.which]
}

export function getSession(s: SimState, home: SessionHome, key: string): Session | undefined {
  return home.kind === 'memory' ? s.servers[home.server]!.memory.get(key) : s[home.which].sessions.get(key)
}

/** The session, owned by this transition (copied on first write) — or undefined. */
export function touchSession(s: SimState, home: SessionHome, key: string): Session | undefined {
  const map = home.kind === 'memory' ? mutServer(s, home.server).memory : mutStore(s, home.which).sessions
  const session = map.get(key)
  if (session === undefined || session.v === s.gen) return session
  const copy = { ...session, v: s.gen }
  map.set(key, copy)
  return copy
}

export function putSession(s: SimState, home: SessionHome, key: string, session: Session): void {
  if (home.kind === 'memory') mutServer(s, home.server).memory.set(key, session)
  else mutStore(s, home.which).sessions.set(key, session)
}

export function deleteSession(s: SimState, home: SessionHome, key: string): void {
  if (home.kind === 'memory') mutServer(s, home.server).memory.delete(key)
  else mutStore(s, home.which).sessions.delete(key)
}

/** The store outside the servers that matters now (and that an outage hits): the database when sessions live there, else the shared store. */
export function storeInUse(s: SimState): SessionStore {
  return s.config.storage === 'database' ? s.database : s.sessionStore
}

/** The memory/store key of a JWT user's cart. */
export function cartKey(user: number): string {
  return `cart:${user}`
}

/**
 * The one liveness rule: a session (or cart) stays live until it has gone unused for the whole idle
 * timeout (`config.sessionIdleMs`, Spring Session's 30 minutes by default). Every count, sweep and
 * picture of sessions uses it.
 */
export function isLive(session: { readonly lastSeen: SimMs }, now: SimMs, idleMs: SimMs): boolean {
  return now - session.lastSeen < idleMs
}

/** The live sessions of a server's memory or a store, in the map's order. */
export function liveSessions(sessions: ReadonlyMap<string, Session>, now: SimMs, idleMs: SimMs): Session[] {
  const out: Session[] = []
  for (const x of sessions.values()) if (isLive(x, now, idleMs)) out.push(x)
  return out
}
