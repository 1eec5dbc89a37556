// Token interventions (JWT): revoking a user's token — after which an attacker's stolen copy is
// replayed every few seconds, refused only if a deny list is checked — and switching that deny list.

import { mutUser } from '../cow.ts'
import { schedule } from '../schedule.ts'
import { emit } from '../trace.ts'
import type { SimMs, SimState, UserId } from '../types.ts'
import type { InterventionDef } from './define.ts'

export type RevokeToken = { readonly kind: 'revokeToken'; readonly user: UserId }
export type SetDenyList = { readonly kind: 'setDenyList'; readonly on: boolean }

const REPLAY_EVERY_MS = 5_000

export const revokeToken = {
  kind: 'revokeToken',
  apply: (s, iv) => revoke(s, iv.user),
  label: () => 'revoke a token',
  button: () => ({ text: 'Revoke token' }),
  schema: (_, f) => f.kind('revokeToken', { user: f.user }),
} satisfies InterventionDef<RevokeToken>

export const setDenyList = {
  kind: 'setDenyList',
  apply(s, iv) {
    s.config = { ...s.config, jwt: { ...s.config.jwt, denyList: iv.on } }
    emit(s, 'config', iv.on ? 'JWT deny list on: every request checks it in the shared store' : 'JWT deny list off: a valid signature is enough')
  },
  label: (iv) => `deny list ${iv.on ? 'on' : 'off'}`,
  schema: (z, f) => f.kind('setDenyList', { on: z.boolean() }),
} satisfies InterventionDef<SetDenyList>

function revoke(s: SimState, id: UserId): void {
  const u = s.users[id]
  if (!u) return
  const token = u.jar.jwt
  if (token === null) {
    emit(s, 'security', `${u.name} has no token to revoke`, { user: id })
    return
  }
  if (s.config.jwt.denyList) s.deny = new Map(s.deny).set(token.jti, token.exp)
  const user = mutUser(s, id)
  user.jar = { ...user.jar, jwt: null }
  user.believesLoggedIn = false
  user.next = 'login'
  emit(s, 'security', `${u.name} logged out; token ${token.jti} revoked${s.config.jwt.denyList ? ' and added to the deny list' : ' — but with no deny list, servers only check the signature'}. A stolen copy is replayed every ${REPLAY_EVERY_MS / 1000} s`, { user: id })
  schedule(s, s.now + 1_000, { kind: 'token.replay', user: id, jti: token.jti, exp: token.exp })
}

/** The `token.replay` event: the attacker's copy of a revoked token tries again until it expires. */
export function onTokenReplay(s: SimState, user: UserId, jti: string, exp: SimMs): void {
  if (s.now >= exp) return
  const u = s.users[user]!
  const refused = s.config.storage === 'jwt' && s.config.jwt.denyList && s.sessionStore.up && s.deny.has(jti)
  if (refused) {
    s.counters.revokedTokenRefused += 1
    emit(s, 'security', `Stolen copy of ${u.name}'s revoked token ${jti} refused: it is on the deny list`, { user })
  } else {
    s.counters.revokedTokenAccepted += 1
    emit(s, 'security', `Stolen copy of ${u.name}'s revoked token ${jti} ACCEPTED: the signature is valid until it expires`, { user })
  }
  schedule(s, s.now + REPLAY_EVERY_MS, { kind: 'token.replay', user, jti, exp })
}
