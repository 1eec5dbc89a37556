// HAProxy's `balance source` and `balance hdr(<name>)` in the engine: the map-based and consistent
// lookups of src/sim/haproxy (balance.ts, mapBased.ts, chash.ts, hash.ts), for the lab's ip-hash and
// header policies and for aiming a forged header. A part of its own (docs/DECISIONS.md "HAProxy's
// hashing loads with the runs that use it"): a browser run under cookies or round robin never fetches
// it; the engine reads it from the registry (index.ts partOf) and Node registers it with the rest (all.ts).

import { balancePick, createLb, createRrState, type HashBalance, type HashType, type Lb } from '../../haproxy/balance.ts'
import { parseIp } from '../../nginx/ip.ts'
import { headerValue } from '../../policies/header.ts'
import type { RouteContext, RouteResult } from '../../policies/policy.ts'
import type { ServerId, SimState } from '../../types.ts'
import type { Parts } from './behaviour.ts'
import { backendOf, haproxyBehaviour, type Backend } from './haproxy.ts'

const MAP_BASED: HashType = { type: 'map-based', fn: 'sdbm', avalanche: false }
/** A bare `hash-type consistent`: sdbm + avalanche (docs/facts/haproxy.md §Hashing). */
const CONSISTENT: HashType = { type: 'consistent', fn: 'sdbm', avalanche: true }

// The map or ring of one backend state; few states occur in a run, so they are kept.
const lbs = new Map<string, Lb>()
function lbFor(b: Backend, balance: HashBalance, hashType: HashType): Lb {
  const key = `${balance.kind}|${hashType.type}|${b.servers.map((x) => `${x.id}*${x.weight}:${x.state}`).join(',')}|${[...b.down].join(',')}`
  let lb = lbs.get(key)
  if (!lb) {
    if (lbs.size > 256) lbs.clear()
    lb = createLb({ servers: b.servers, down: b.down }, balance, hashType)
    lbs.set(key, lb)
  }
  return lb
}

/** "A (id 1)" → "A": the steps name servers as the lab does. */
const plain = (step: string): string => step.replace(/ \(id \d+\)/g, '')

/** ip-hash = `balance source` on a map; header = `balance hdr(<name>)` + `hash-type consistent`. */
function route(ctx: RouteContext, policy: 'ip-hash' | 'header'): RouteResult {
  const { s, user } = ctx
  const balance: HashBalance = policy === 'ip-hash' ? { kind: 'source' } : { kind: 'hdr', header: s.config.header.name }
  const b = backendOf(s)
  const lb = lbFor(b, balance, policy === 'ip-hash' ? MAP_BASED : CONSISTENT)
  const last = ctx.tried[ctx.tried.length - 1]
  const avoid = ctx.redispatch && last !== undefined ? b.ids.indexOf(last) : -1
  const input = balance.kind === 'source' ? { src: parseIp(user.ip).bytes } : { headers: [headerValue(s, user)] }
  // The lab's keys are never missing, so HAProxy's round-robin fallback (which needs its own state) never runs.
  const pick = balancePick(lb, input, createRrState(), avoid >= 0 ? avoid : null)
  const label = balance.kind === 'source' ? `balance source (${user.ip})` : `balance hdr(${balance.header}): ${input.headers?.[0] ?? ''}`
  const explain = pick.steps.map(plain)
  if (pick.server === null) return { ...haproxyBehaviour.noServer(label), explain }
  const id = b.ids[pick.server]!
  return { server: id, decision: `${label} → ${id}`, explain }
}

/** The server HAProxy's `balance hdr()` ring picks for `value` (for a forged header). */
export function haproxyHeaderPick(s: SimState, value: string): ServerId | null {
  const b = backendOf(s)
  const pick = balancePick(lbFor(b, { kind: 'hdr', header: s.config.header.name }, CONSISTENT), { headers: [value] }, createRrState())
  return pick.server === null ? null : b.ids[pick.server]!
}

export const haproxyHashing: Parts['haproxy-hash'] = { route, headerPick: haproxyHeaderPick }
