// Interventions on who uses the system: how many users are present, how often they send requests,
// a NAT group or heavy users arriving, and a user whose IP address changes.

import { DEFAULT_CONFIG, MAX_USERS, clampInt } from '../config.ts'
import { mutUser } from '../cow.ts'
import { schedule } from '../schedule.ts'
import { emit } from '../trace.ts'
import type { SimState, UserId } from '../types.ts'
import { freshIp, makeUser } from '../users.ts'
import type { InterventionDef } from './define.ts'

export type SetUsers = { readonly kind: 'setUsers'; readonly count: number }
export type SetRate = { readonly kind: 'setRate'; readonly rate: number }
export type AddNatGroup = { readonly kind: 'addNatGroup'; readonly size: number; readonly ip?: string; readonly subnet?: boolean }
export type AddHeavyUsers = { readonly kind: 'addHeavyUsers'; readonly count: number }
export type ChangeUserIp = { readonly kind: 'changeUserIp'; readonly user: UserId }

export const setUsers = {
  kind: 'setUsers',
  apply: (s, iv) => setUserCount(s, iv.count),
  label: (iv) => `${iv.count} users`,
  schema: (_, f) => f.kind('setUsers', { count: f.int(1, MAX_USERS) }),
} satisfies InterventionDef<SetUsers>

export const setRate = {
  kind: 'setRate',
  apply(s, iv) {
    s.config = { ...s.config, rate: Math.max(0.1, Math.min(10, iv.rate)) }
    emit(s, 'config', `Traffic rate → ${s.config.rate}×`)
  },
  label: (iv) => `traffic ×${iv.rate}`,
  schema: (_, f) => f.kind('setRate', { rate: f.num(0.1, 10) }),
} satisfies InterventionDef<SetRate>

export const addNatGroup = {
  kind: 'addNatGroup',
  apply(s, iv) {
    const ip = iv.ip ?? natAddress(s)
    const sentence = iv.subnet ? `${iv.size} users arrived from one /24 (${ip.split('.').slice(0, 3).join('.')}.x)` : `${iv.size} users arrived behind one NAT address ${ip}`
    addUsers(s, iv.size, { nat: { ip, subnet: iv.subnet ?? false } }, sentence)
  },
  label: (iv) => `NAT group of ${iv.size}`,
  button: (iv) =>
    iv.subnet
      ? { text: `+ ${iv.size} users from one /24`, title: `${iv.size} new users with neighbouring addresses in one /24 subnet` }
      : { text: `+ NAT group (${iv.size} users, 1 IP)`, title: `${iv.size} new users share one public IP (a mobile carrier's CGNAT)` },
  schema: (z, f) => f.kind('addNatGroup', { size: f.int(1, MAX_USERS), ip: f.opt(f.ipv4), subnet: f.opt(z.boolean()) }),
} satisfies InterventionDef<AddNatGroup>

export const addHeavyUsers = {
  kind: 'addHeavyUsers',
  apply: (s, iv) => addUsers(s, iv.count, { heavy: true }, `${iv.count} heavy user${iv.count === 1 ? '' : 's'} arrived`),
  label: (iv) => `${iv.count} heavy users`,
  button: (iv) => ({
    text: `+ ${iv.count} heavy users`,
    title: `${iv.count} power users: ${DEFAULT_CONFIG.heavyRateFactor}× the requests, ${DEFAULT_CONFIG.heavyCostFactor}× the cost`,
  }),
  schema: (_, f) => f.kind('addHeavyUsers', { count: f.int(1, MAX_USERS) }),
} satisfies InterventionDef<AddHeavyUsers>

export const changeUserIp = {
  kind: 'changeUserIp',
  apply(s, iv) {
    if (!s.users[iv.user]) return
    const user = mutUser(s, iv.user)
    const before = user.ip
    user.ip = freshIp(s.seed, user.id, s.itemCount)
    user.natGroup = null
    emit(s, 'config', `${user.name}'s IP changed ${before} → ${user.ip} (switched from Wi-Fi to mobile data)`, { user: user.id })
  },
  label: (iv) => `user ${iv.user + 1} changes IP`,
  button: () => ({ text: 'Change IP' }),
  schema: (_, f) => f.kind('changeUserIp', { user: f.user }),
} satisfies InterventionDef<ChangeUserIp>

/** Users present: arrived or on their way, and not gone. */
export function presentUsers(s: SimState): number {
  return s.users.filter((u) => !u.left).length
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
