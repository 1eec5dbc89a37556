// Each load-balancer product's behaviour in the engine, by id (see behaviour.ts), as a registry.
// The engine stays synchronous: it reads a behaviour from here and never loads one. Who fills it:
//  - Node (tests, the CLI, the bench, conformance) imports ./all.ts, which registers all five;
//  - the browser loads only the products a run needs, before it creates a lab's store
//    (src/store/productLoader.ts: one chunk per product — docs/DECISIONS.md "Products load on demand").
// A run whose product isn't registered fails at once with ProductNotLoadedError, never silently.
// The same goes for a product's parts (behaviour.ts Parts: HAProxy's hashing), which only the
// policies named in POLICY_PARTS use: a browser loads them with a run that needs them.

import type { LbProductId, PolicyId, SimState } from '../../types.ts'
import { policyUnder, productById } from '../registry.ts'
import type { LbBehaviour, PartId, Parts } from './behaviour.ts'

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

// ── parts ─────────────────────────────────────────────────────────────────────────────────────────

/** Which policies of which product need a part. */
export const POLICY_PARTS: { readonly [L in LbProductId]?: { readonly [P in PolicyId]?: PartId } } = {
  nginx: { 'ip-hash': 'nginx-ip-hash', hash: 'nginx-hash', 'hash-consistent': 'nginx-hash', header: 'nginx-hash' },
  haproxy: { 'ip-hash': 'haproxy-hash', header: 'haproxy-hash' },
}

/** The part each product aims a forged header with (behaviour.headerPicker), whatever the policy. */
export const HEADER_PICK_PARTS: { readonly [L in LbProductId]: PartId } = {
  nginx: 'nginx-hash',
  haproxy: 'haproxy-hash',
  alb: 'nginx-hash',
  'kube-proxy': 'nginx-hash',
  cloudflare: 'nginx-hash',
}

const parts: { -readonly [K in PartId]?: Parts[K] } = {}

export function registerPart<K extends PartId>(id: K, part: Parts[K]): void {
  parts[id] = part
}

export function hasPart(id: PartId): boolean {
  return parts[id] !== undefined
}

/** A run needed a part of a product whose code this page hasn't loaded. */
export class PartNotLoadedError extends Error {
  constructor(readonly part: PartId) {
    super(`Part of the lab’s load balancer (${part}) is not loaded, so this run can't go on. Reload the page; if that doesn't help, the site is missing a file.`)
    this.name = 'PartNotLoadedError'
  }
}

export function partOf<K extends PartId>(id: K): Parts[K] {
  const p = parts[id]
  if (p === undefined) throw new PartNotLoadedError(id)
  return p as Parts[K]
}

/** The parts a run under `lb` needs for these policies (each as `lb` runs it: its stand-in when it has none). */
export function partsFor(lb: LbProductId, policies: readonly PolicyId[]): PartId[] {
  const table = POLICY_PARTS[lb]
  if (!table) return []
  const out = new Set<PartId>()
  for (const p of policies) {
    const part = table[policyUnder(lb, p).policy]
    if (part) out.add(part)
  }
  return [...out].sort()
}

export { isIdempotent, type LbBehaviour, type PartId, type Parts, type Plan } from './behaviour.ts'
