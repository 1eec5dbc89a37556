// Every routing policy, by id. Adding a policy = one file + one line here + one test.

import type { PolicyId } from '../types.ts'
import { clientIp } from './clientIp.ts'
import { cookie } from './cookie.ts'
import { hash } from './hash.ts'
import { hashConsistent } from './hashConsistent.ts'
import { header } from './header.ts'
import { ipHash } from './ipHash.ts'
import { leastConnections } from './leastConnections.ts'
import type { RoutingPolicy } from './policy.ts'
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
