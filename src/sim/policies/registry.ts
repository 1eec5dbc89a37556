// Every routing policy, by id. Adding a policy = one file + one line here + one test.

import type { PolicyId } from '../types.ts'
import { clientIp } from './clientIp.ts'
import { cookie } from './cookie.ts'
import { hash } from './hash.ts'
import { hashConsistent } from './hashConsistent.ts'
import { header } from './header.ts'
import { ipHash } from './ipHash.ts'
import { leastConnections } from './leastConnections.ts'
import type { RouteContext, RouteResult, RoutingPolicy } from './policy.ts'
import { random } from './random.ts'
import { roundRobin } from './roundRobin.ts'

export const ROUTING_POLICIES: Readonly<Record<PolicyId, RoutingPolicy>> = {
  'round-robin': roundRobin,
  'least-connections': leastConnections,
  random,
  cookie,
  'ip-hash': ipHash,
  hash,
  'hash-consistent': hashConsistent,
  header,
  'client-ip': clientIp,
}

export function policyById(id: PolicyId): RoutingPolicy {
  return ROUTING_POLICIES[id]
}

/**
 * The lab's generic algorithm for `id`, for a product that doesn't route it itself. A product's own
 * algorithm (nginx's hashes) has none here: reaching this for one is a bug in the product's record
 * (config validation keeps every run on a policy its product supports).
 */
export function genericRoute(ctx: RouteContext, id: PolicyId): RouteResult {
  const policy = ROUTING_POLICIES[id]
  if (policy.route === undefined) throw new Error(`${ctx.s.config.lb} does not route ${id} itself, and the lab has no generic ${id}`)
  return policy.route(ctx)
}
