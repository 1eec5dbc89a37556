// Interventions: what a learner (or a scenario script) does to a running system. A discriminated
// union, applied at a moment of simulated time and recorded in the run's script so the run can be
// replayed, shared, compared and scrubbed.

import { mutStore, mutUser } from './cow.ts'
import { MAX_USERS, clampInt } from './config.ts'
import { addServer, crashServer, removeServer, restartServer, startRollingDeploy, storeOutage, storeRecovery } from './lifecycle.ts'
import { policyById } from './policies/registry.ts'
import { forgeValueFor } from './policies/header.ts'
import { schedule } from './schedule.ts'
import { migrateSessions } from './sessionMigration.ts'
import { emit, formatDuration } from './trace.ts'
import type { PolicyId, ServerId, SessionStoreName, SimMs, SimState, StorageKind, UserId } from './types.ts'
import { freshIp, makeUser } from './users.ts'

export type Intervention =
  | { readonly kind: 'crashServer'; readonly server: ServerId }
  | { readonly kind: 'restartServer'; readonly server: ServerId }
  | { readonly kind: 'addServer' }
  | { readonly kind: 'removeServer'; readonly server: ServerId; readonly mode: 'drain' | 'kill' }
  | { readonly kind: 'rollingDeploy'; readonly mode: 'drain' | 'kill' }
  | { readonly kind: 'storeDown' }
  | { readonly kind: 'storeUp' }
  | { readonly kind: 'setPolicy'; readonly policy: PolicyId }
  | { readonly kind: 'setStorage'; readonly storage: StorageKind }
  | { readonly kind: 'setAffinityTtl'; readonly ttlMs: SimMs; readonly mode?: 'sliding' | 'fixed' }
  | { readonly kind: 'setRate'; readonly rate: number }
  | { readonly kind: 'setUsers'; readonly count: number }
  | { readonly kind: 'addNatGroup'; readonly size: number; readonly ip?: string; readonly subnet?: boolean }
  | { readonly kind: 'addHeavyUsers'; readonly count: number }
  | { readonly kind: 'changeUserIp'; readonly user: UserId }
  | { readonly kind: 'forgeHeader'; readonly user: UserId; readonly target: ServerId }
  | { readonly kind: 'setHeaderSource'; readonly source: 'gateway' | 'client' }
  | { readonly kind: 'setCanary'; readonly percent: number }
  | { readonly kind: 'revokeToken'; readonly user: UserId }
  | { readonly kind: 'setIdempotency'; readonly on: boolean }
  | { readonly kind: 'setDenyList'; readonly on: boolean }
  | { readonly kind: 'setFailover'; readonly mode: 'repin' | 'fail' }
  | { readonly kind: 'setStorePersistence'; readonly persistent: boolean }

export type InterventionKind = Intervention['kind']

/** An intervention at a moment of the run; `by: 'scenario'` marks one the scenario planned. */
export interface ScriptItem {
  readonly at: SimMs
  readonly do: Intervention
  readonly by?: 'scenario'
}

const REPLAY_EVERY_MS = 5_000

export function applyIntervention(s: SimState, iv: Intervention): void {
  switch (iv.kind) {
    case 'crashServer':
      return crashServer(s, iv.server)
    case 'restartServer':
      return restartServer(s, iv.server)
    case 'addServer':
      addServer(s)
      return
    case 'removeServer':
      return removeServer(s, iv.server, iv.mode)
    case 'rollingDeploy':
      return startRollingDeploy(s, iv.mode)
    case 'storeDown':
      return storeOutage(s, storeInUse(s))
    case 'storeUp':
      return storeRecovery(s, storeInUse(s))
    case 'setPolicy':
      s.config = { ...s.config, policy: iv.policy }
      emit(s, 'config', `Routing policy → ${policyById(iv.policy).describe(s.config)}`)
      return
    case 'setStorage': {
      const from = s.config.storage
      if (from === iv.storage) return
      s.config = { ...s.config, storage: iv.storage }
      const moved = migrateSessions(s, from, iv.storage)
      emit(s, 'config', `Sessions now live in ${storageLabel(iv.storage)} (${moved})`)
      return
    }
    case 'setAffinityTtl':
      s.config = {
        ...s.config,
        cookie: { ...s.config.cookie, ttlMs: iv.ttlMs, mode: iv.mode ?? s.config.cookie.mode },
        clientIpTimeoutMs: iv.ttlMs,
      }
      emit(s, 'config', `Affinity TTL → ${formatDuration(iv.ttlMs)} (${s.config.cookie.mode}); cookies already issued keep their expiry`)
      return
    case 'setRate':
      s.config = { ...s.config, rate: Math.max(0.1, Math.min(10, iv.rate)) }
      emit(s, 'config', `Traffic rate → ${s.config.rate}×`)
      return
    case 'setUsers':
      return setUserCount(s, iv.count)
    case 'addNatGroup':
      return addNatGroup(s, iv.size, iv.ip ?? natAddress(s), iv.subnet ?? false)
    case 'addHeavyUsers':
      return addUsers(s, iv.count, { heavy: true }, `${iv.count} heavy user${iv.count === 1 ? '' : 's'} arrived`)
    case 'changeUserIp': {
      const u = s.users[iv.user]
      if (!u) return
      const user = mutUser(s, iv.user)
      const before = user.ip
      user.ip = freshIp(s.seed, user.id, s.itemCount)
      user.natGroup = null
      emit(s, 'config', `${user.name}'s IP changed ${before} → ${user.ip} (switched from Wi-Fi to mobile data)`, { user: user.id })
      return
    }
    case 'forgeHeader': {
      const u = s.users[iv.user]
      if (!u) return
      const value = forgeValueFor(s, iv.target)
      s.forgedValues = { ...s.forgedValues, [iv.target]: value }
      mutUser(s, iv.user).forgedHeader = value
      emit(s, 'security', `${u.name} forges ${s.config.header.name}: ${value} (that value hashes to ${iv.target})`, { user: u.id, server: iv.target })
      return
    }
    case 'setHeaderSource':
      s.config = { ...s.config, header: { ...s.config.header, source: iv.source } }
      emit(s, 'config', iv.source === 'gateway' ? `${s.config.header.name} is now set by the gateway: client values are overwritten` : `${s.config.header.name} is now taken from the client as sent`)
      return
    case 'setCanary':
      s.config = { ...s.config, canaryPercent: Math.max(0, Math.min(100, iv.percent)) }
      emit(s, 'config', `Canary: ${s.config.canaryPercent}% of requests ignore affinity`)
      return
    case 'revokeToken':
      return revokeToken(s, iv.user)
    case 'setIdempotency':
      s.config = { ...s.config, idempotencyKeys: iv.on }
      emit(s, 'config', iv.on ? 'Checkouts now carry idempotency keys' : 'Checkouts no longer carry idempotency keys')
      return
    case 'setDenyList':
      s.config = { ...s.config, jwt: { ...s.config.jwt, denyList: iv.on } }
      emit(s, 'config', iv.on ? 'JWT deny list on: every request checks it in the shared store' : 'JWT deny list off: a valid signature is enough')
      return
    case 'setFailover':
      s.config = { ...s.config, failover: iv.mode }
      emit(s, 'config', iv.mode === 'repin' ? 'Failover: re-pin to a healthy server' : 'Failover: none, pinned requests fail while their server is down')
      return
    case 'setStorePersistence':
      s.config = { ...s.config, store: { persistent: iv.persistent } }
      mutStore(s, 'sessionStore').persistent = iv.persistent
      emit(s, 'config', iv.persistent ? 'Shared store persists to disk' : 'Shared store keeps sessions in memory only')
      return
    default:
      return assertNever(iv)
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled intervention ${JSON.stringify(x)}`)
}

export function storageLabel(storage: StorageKind): string {
  switch (storage) {
    case 'memory':
      return 'server memory'
    case 'shared':
      return 'a shared store'
    case 'database':
      return 'the database'
    case 'jwt':
      return 'JWT tokens'
  }
}

function storeInUse(s: SimState): SessionStoreName {
  return s.config.storage === 'database' ? 'database' : 'sessionStore'
}

function natAddress(s: SimState): string {
  const groups = new Set(s.users.map((u) => u.natGroup).filter((g) => g !== null)).size
  return `100.64.${10 + groups}.7`
}

function addUsers(s: SimState, count: number, opts: { heavy?: boolean; nat?: { ip: string; subnet: boolean } }, sentence: string): void {
  const room = MAX_USERS - s.users.length
  const n = clampInt(count, 0, room)
  if (n === 0) {
    emit(s, 'config', `No room for more users (the lab holds ${MAX_USERS})`)
    return
  }
  const group = opts.nat ? new Set(s.users.map((u) => u.natGroup).filter((g) => g !== null)).size : 0
  for (let i = 0; i < n; i++) {
    const id = s.users.length
    const nat = opts.nat ? { group, spec: { size: n, ip: opts.nat.ip, subnet: opts.nat.subnet }, index: i } : undefined
    const user = { ...makeUser(s.seed, id, { ...(opts.heavy ? { heavy: true } : {}), ...(nat ? { nat } : {}) }), v: s.gen }
    s.users.push(user)
    schedule(s, s.now + Math.floor((i * 1000) / n), { kind: 'user.arrive', user: id })
  }
  emit(s, 'config', sentence)
}

function addNatGroup(s: SimState, size: number, ip: string, subnet: boolean): void {
  addUsers(s, size, { nat: { ip, subnet } }, subnet ? `${size} users arrived from one /24 (${ip.split('.').slice(0, 3).join('.')}.x)` : `${size} users arrived behind one NAT address ${ip}`)
}

/** Users present: arrived or on their way, and not gone. */
export function presentUsers(s: SimState): number {
  return s.users.filter((u) => !u.left).length
}

function setUserCount(s: SimState, count: number): void {
  const target = clampInt(count, 1, MAX_USERS)
  const present = presentUsers(s)
  if (target === present) return
  if (target > present) {
    // Bring back users who left (lowest ids first), then add new ones.
    let back = 0
    for (let i = 0; i < s.users.length && present + back < target; i++) {
      if (!s.users[i]!.left) continue
      const user = mutUser(s, i)
      user.left = false
      back += 1
      if (!s.inflight[i]) schedule(s, s.now + Math.floor((back * 1000) / (target - present)), { kind: 'user.arrive', user: i })
      else user.active = true
    }
    const more = target - present - back
    if (more > 0) addUsers(s, more, {}, `${more} users arrived`)
    else emit(s, 'config', `${back} user${back === 1 ? '' : 's'} came back (${target} present)`)
    return
  }
  // Users leave from the end of the list; a request already on its way still completes.
  let leaving = 0
  for (let i = s.users.length - 1; i >= 0 && present - leaving > target; i--) {
    if (s.users[i]!.left) continue
    const user = mutUser(s, i)
    user.left = true
    user.active = false
    const req = s.inflight[i]
    if (req && req.sentAt > s.now) s.inflight[i] = null
    leaving += 1
  }
  emit(s, 'config', `${leaving} user${leaving === 1 ? '' : 's'} left (${target} remain)`)
}

function revokeToken(s: SimState, id: UserId): void {
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
