// A lab's design named in a sentence a learner reads: "Sticky — IP hash (nginx ip_hash), sessions in
// server memory", "Stateless — …", or the mix (the kinds: design.ts). Only the design pickers and the
// mid-run switch note show it, both loaded on demand, so it sits apart from the store's own code
// (first-load budget, docs/DECISIONS.md 2026-11-30).

import { ROUTING_POLICIES } from '../sim/policies/registry.ts'
import type { StorageKind } from '../sim/types.ts'
import { designKind, type DesignConfig } from './design.ts'

const WHERE: Record<StorageKind, string> = {
  memory: 'sessions in server memory',
  shared: 'sessions in a shared store',
  database: 'sessions in a database',
  jwt: 'identity in a JWT',
}

function where(c: DesignConfig): string {
  if (c.storage !== 'jwt') return WHERE[c.storage]
  return `${WHERE.jwt}, carts in ${c.jwt.carts === 'memory' ? 'server memory' : 'the shared store'}`
}

/**
 * "Sticky — IP hash (nginx ip_hash), sessions in server memory", "Stateless — …", or a named mix.
 * `servers` (in the fleet now): with one, routing can't send anyone to the wrong place, so a
 * memory design without affinity is not called broken.
 */
export function designSummary(c: DesignConfig, servers?: number): string {
  const routing = ROUTING_POLICIES[c.policy].label
  if (servers === 1 && designKind(c) === 'mixed' && !ROUTING_POLICIES[c.policy].sticky) return `One server — ${routing}, ${where(c)}: every request reaches the server that holds the state, until a second one joins`
  switch (designKind(c)) {
    case 'sticky':
      return `Sticky — ${routing}, ${where(c)}`
    case 'stateless':
      return `Stateless — ${routing}, ${where(c)}`
    case 'mixed':
      return ROUTING_POLICIES[c.policy].sticky
        ? `Sticky routing over shared state — ${routing}, ${where(c)}: affinity is only a cache here`
        : `Neither — ${routing}, ${where(c)}: nothing keeps a user on the server that holds their state`
  }
}
