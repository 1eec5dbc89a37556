// Users: names, colours, addresses and the shopping journey
// (land → log in → browse → add to cart → checkout → repeat, with think time and breaks).

import { between, createRng, exponential, nextFloat, nextInt } from './rng.ts'
import type { NatGroupSpec, RequestKind, SimConfig, SimMs, User, UserId } from './types.ts'

const NAMES = [
  'Ana', 'Bea', 'Chen', 'Dev', 'Eli', 'Fatima', 'Gus', 'Hana', 'Ivan', 'Jade',
  'Kofi', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia', 'Quinn', 'Ravi', 'Sara', 'Tom',
  'Uma', 'Vik', 'Wen', 'Xavi', 'Yara', 'Zoe', 'Aiko', 'Bruno', 'Carla', 'Dara',
  'Emil', 'Femi', 'Gia', 'Hugo', 'Ines', 'Jon', 'Kai', 'Lila', 'Malik', 'Noor',
  'Otto', 'Priya', 'Rosa', 'Sami', 'Tariq', 'Una', 'Vera', 'Will', 'Ximena', 'Yusuf',
  'Zara', 'Amir', 'Bo', 'Cleo', 'Dina', 'Ezra', 'Flo', 'Gael', 'Hiro', 'Isla',
] as const

/** Number of distinct user colours (the UI maps them to a colour-blind-safe palette). */
export const USER_COLORS = 8

export function userName(id: UserId): { name: string; initials: string } {
  const base = NAMES[id % NAMES.length]!
  const round = Math.floor(id / NAMES.length)
  if (round === 0) return { name: base, initials: base.slice(0, 2) }
  return { name: `${base} ${round + 1}`, initials: `${base[0]}${round + 1}` }
}

/** A public-looking IPv4 address, one per user, stable for a seed. */
function publicIp(seed: number, id: UserId): string {
  const rng = createRng(seed, 50_000 + id)
  const firstOctets = [23, 31, 45, 62, 77, 81, 88, 94, 109, 128, 141, 151, 176, 185, 193, 203, 212, 217]
  const a = firstOctets[nextInt(rng, firstOctets.length)]!
  return `${a}.${1 + nextInt(rng, 254)}.${nextInt(rng, 256)}.${1 + nextInt(rng, 254)}`
}

export function freshIp(seed: number, id: UserId, change: number): string {
  return publicIp(seed + 7919 * (change + 1), id)
}

export function makeUser(seed: number, id: UserId, opts: { heavy?: boolean; nat?: { group: number; spec: NatGroupSpec; index: number } }): User {
  const { name, initials } = userName(id)
  let ip = publicIp(seed, id)
  if (opts.nat) ip = opts.nat.spec.subnet ? subnetAddress(opts.nat.spec.ip, opts.nat.index) : opts.nat.spec.ip
  return {
    v: 0,
    id,
    name,
    initials,
    color: id % USER_COLORS,
    ip,
    natGroup: opts.nat ? opts.nat.group : null,
    heavy: opts.heavy ?? false,
    forgedHeader: null,
    jar: { affinity: null, uid: null, sid: null, jwt: null },
    rng: createRng(seed, id + 1),
    active: false,
    left: false,
    believesLoggedIn: false,
    believedCart: 0,
    lastActive: 0,
    next: 'landing',
    browseLeft: 0,
    addsLeft: 0,
    retrying: false,
    checkoutIntent: 0,
    committedIntent: -1,
    lastServer: null,
    wsServer: null,
    logouts: 0,
    cartsLost: 0,
    orders: 0,
    lastLogoutAt: -1,
    lastCartLostAt: -1,
  }
}

/** Address number `index` inside the /24 of `ip` (".1" … ".254"). */
function subnetAddress(ip: string, index: number): string {
  const parts = ip.split('.')
  return `${parts[0]}.${parts[1]}.${parts[2]}.${1 + (index % 254)}`
}

/** Think time before the user's next request. `longBreak` = the user steps away for a while. */
export function thinkTime(u: User, config: SimConfig, longBreak: boolean): SimMs {
  if (longBreak) return exponential(u.rng, config.breakMs, 20_000, config.breakMs * 4)
  const mean = config.thinkMs / Math.max(0.05, config.rate) / (u.heavy ? config.heavyRateFactor : 1)
  return exponential(u.rng, mean, Math.min(150, mean), mean * 6)
}

/**
 * After a successful response, what the user does next. Mutates the (owned) user. Returns true when
 * the user steps away for a long break before the next request.
 */
export function advanceJourney(u: User, done: RequestKind, config: SimConfig): boolean {
  switch (done) {
    case 'landing':
      u.next = 'login'
      return false
    case 'login':
      startShoppingRound(u)
      return false
    case 'browse':
    case 'addToCart':
      u.next = nextShoppingRequest(u)
      return false
    case 'checkout':
      startShoppingRound(u)
      // Heavy users (power users, scripts) never step away.
      return !u.heavy && nextFloat(u.rng) < config.breakChance
  }
}

function startShoppingRound(u: User): void {
  u.browseLeft = between(u.rng, 1, 3)
  u.addsLeft = between(u.rng, 1, 3)
  u.next = nextShoppingRequest(u)
}

function nextShoppingRequest(u: User): RequestKind {
  if (u.browseLeft > 0) {
    u.browseLeft -= 1
    return 'browse'
  }
  if (u.addsLeft > 0) {
    u.addsLeft -= 1
    return 'addToCart'
  }
  return 'checkout'
}
