// Switching where sessions live while the system runs. We model a careful migration: sessions and
// carts are copied to the new home (a dual-write migration), so a storage switch by itself logs
// nobody out. Moving into server memory puts each session on the server the user last used, which
// only helps if routing keeps them there.

import { mutUser } from './cow.ts'
import { cartKey, getSession, isLive, putSession, sessionHome } from './storage.ts'
import type { Session, SimState, StorageKind } from './types.ts'

export function migrateSessions(s: SimState, from: StorageKind, to: StorageKind): string {
  let moved = 0
  for (const u of s.users) {
    if (!u.believesLoggedIn) continue
    const found = findState(s, from, u.id)
    if (!found) continue
    const serverIdx = u.lastServer ? s.servers.findIndex((x) => x.id === u.lastServer) : 0
    const home = sessionHome(s, to, Math.max(0, serverIdx))
    const user = mutUser(s, u.id)
    if (to === 'jwt') {
      const jti = `t${s.nextSid++}`
      user.jar = { ...user.jar, jwt: { jti, exp: s.now + s.config.jwt.ttlMs }, sid: null }
      const key = cartKey(u.id)
      putSession(s, home, key, { v: s.gen, sid: key, user: u.id, cart: found.cart, createdAt: s.now, lastSeen: s.now })
    } else {
      const sid = from === 'jwt' ? `s${s.nextSid++}` : found.sid
      user.jar = { ...user.jar, sid, jwt: null }
      putSession(s, home, sid, { ...found, v: s.gen, sid, lastSeen: s.now })
    }
    moved += 1
  }
  return `${moved} live session${moved === 1 ? '' : 's'} copied over`
}

/** The session (or, for JWT, the cart) a user has right now under `storage`. */
function findState(s: SimState, storage: StorageKind, user: number): Session | null {
  const u = s.users[user]!
  if (storage === 'jwt') {
    if (!u.jar.jwt || u.jar.jwt.exp <= s.now) return null
    const cartHome = sessionHome(s, 'jwt', Math.max(0, s.servers.findIndex((x) => x.id === u.lastServer)))
    const cart = getSession(s, cartHome, cartKey(user))
    return { v: s.gen, sid: cartKey(user), user, cart: cart && isLive(cart, s.now, s.config.sessionIdleMs) ? cart.cart : 0, createdAt: s.now, lastSeen: s.now }
  }
  const sid = u.jar.sid
  if (sid === null) return null
  if (storage === 'memory') {
    for (const srv of s.servers) {
      const session = srv.memory.get(sid)
      if (session && isLive(session, s.now, s.config.sessionIdleMs)) return session
    }
    return null
  }
  const session = s[storage === 'shared' ? 'sessionStore' : 'database'].sessions.get(sid)
  return session && isLive(session, s.now, s.config.sessionIdleMs) ? session : null
}
