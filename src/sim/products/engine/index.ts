// Each load-balancer product's behaviour in the engine, by id (see behaviour.ts), as a registry.
// The engine stays synchronous: it reads a behaviour from here and never loads one. Who fills it:
//  - Node (tests, the CLI, the bench, conformance) imports ./all.ts, which registers all five;
//  - the browser loads only the products a run needs, before it creates a lab's store
//    (src/store/productLoader.ts: one chunk per product — docs/DECISIONS.md "Products load on demand").
// A run whose product isn't registered fails at once with ProductNotLoadedError, never silently.

import type { LbProductId, SimState } from '../../types.ts'
import { productById } from '../registry.ts'
import type { LbBehaviour } from './behaviour.ts'

const registered: Partial<Record<LbProductId, LbBehaviour>> = {}

/** Make products available to the engine (idempotent: the same record may be registered twice). */
export function registerBehaviours(...behaviours: readonly LbBehaviour[]): void {
  for (const b of behaviours) registered[b.id] = b
}

/** Is `lb`'s behaviour registered (can a run under it start)? */
export function hasBehaviour(lb: LbProductId): boolean {
  return registered[lb] !== undefined
}

/** A run was asked for a product whose code this page hasn't loaded. */
export class ProductNotLoadedError extends Error {
  constructor(readonly lb: LbProductId) {
    super(`${productById(lb).label}: its code is not loaded, so this run can't start. Reload the page; if that doesn't help, the site is missing a file.`)
    this.name = 'ProductNotLoadedError'
  }
}

export function behaviourFor(lb: LbProductId): LbBehaviour {
  const b = registered[lb]
  if (b === undefined) throw new ProductNotLoadedError(lb)
  return b
}

export function behaviourOf(s: SimState): LbBehaviour {
  // The engine's hot path (every routing decision): one property read when registered.
  return registered[s.config.lb] ?? behaviourFor(s.config.lb)
}

export { isIdempotent, type LbBehaviour, type Plan } from './behaviour.ts'
