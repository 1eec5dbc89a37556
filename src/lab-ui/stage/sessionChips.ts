// Which sessions a server (or the store) shows as chips, and which of them are stale: a session whose
// owner has since logged in elsewhere (or not at all) — their browser no longer holds its id. After a
// few round-robin logins one server can hold two chips of the same user ("Be Be"); the older one is
// stale and only waits for its idle timeout. JWT carts ("cart:<user>") belong to the token, never stale.

import { isLive } from '../../sim/storage.ts'
import type { Session, SimState, User } from '../../sim/types.ts'

export interface ChipItem {
  readonly sid: string
  readonly user: number
  readonly stale: boolean
}

export function isStale(x: Pick<Session, 'sid' | 'user'>, users: readonly Pick<User, 'jar'>[]): boolean {
  if (x.sid.startsWith('cart:')) return false
  return users[x.user]?.jar.sid !== x.sid
}

/** The live (not idle-expired) sessions of a map, as chips. */
export function liveChips(sessions: ReadonlyMap<string, Session>, sim: Pick<SimState, 'users' | 'now'>, idleMs: number): ChipItem[] {
  const out: ChipItem[] = []
  for (const x of sessions.values()) if (isLive(x, sim.now, idleMs)) out.push({ sid: x.sid, user: x.user, stale: isStale(x, sim.users) })
  return out
}

/** Does any server's memory hold a stale session right now (the stage then explains the hollow chips)? */
export function hasStaleSessions(sim: Pick<SimState, 'servers' | 'users' | 'now' | 'config'>): boolean {
  const idle = sim.config.sessionIdleMs
  for (const srv of sim.servers) {
    if (srv.status === 'removed') continue
    for (const x of srv.memory.values()) if (isLive(x, sim.now, idle) && isStale(x, sim.users)) return true
  }
  return false
}

export function sameChips(a: readonly ChipItem[], b: readonly ChipItem[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]!.sid !== b[i]!.sid || a[i]!.stale !== b[i]!.stale) return false
  return true
}

/** Sessions (or JWT carts) live in the servers' memory: each server shows its chips. */
export function memoryHolds(config: Pick<SimState['config'], 'storage' | 'jwt'>): boolean {
  return config.storage === 'memory' || (config.storage === 'jwt' && config.jwt.carts !== 'shared')
}

/** A shared store or a database holds them: the stage shows that node too. */
export function storeShown(config: Pick<SimState['config'], 'storage' | 'jwt'>): boolean {
  return config.storage === 'shared' || config.storage === 'database' || (config.storage === 'jwt' && config.jwt.carts === 'shared')
}
