// The contract every load-balancer product implements: what it is called, which of the lab's routing
// policies it can express and what each is called in its own configuration, what the lab's one-click
// "Sticky" and "Stateless" mean under it, and the documented defaults it brings. The behaviour the
// engine derives from it (retries, health checks, cookies, drain) lives in the product's file too.
// Facts and sources: docs/facts/products.md and the product's own page there.

import type { ConfigPatch, LbProductId, PolicyId, ServerId } from '../types.ts'

/** A routing policy as this product writes it. */
export interface ProductPolicy {
  readonly supported: true
  /** What the product's configuration calls it, e.g. "cookie SERVERID insert indirect nocache". */
  readonly name: string
  /** Where the product's version differs from the lab's policy of that id (shown as a caveat). */
  readonly note?: string
}

/** A routing policy this product cannot express: why, and what the lab uses instead. */
export interface UnsupportedPolicy {
  readonly supported: false
  /** A sentence: "nginx 1.22 (open source) has no cookie affinity: `sticky` is nginx Plus, or open source from 1.29.6". */
  readonly why: string
  /** The product's closest policy, used in its place. */
  readonly instead: PolicyId
}

export type PolicyInProduct = ProductPolicy | UnsupportedPolicy

export interface LbProduct {
  readonly id: LbProductId
  /** The product and the version the lab models: "HAProxy 2.6". */
  readonly label: string
  /** A short name for event-log sentences and tight spaces: "HAProxy". */
  readonly short: string
  /** The fact page the behaviour follows, relative to the repository root. */
  readonly facts: string
  /** Every lab policy: how this product writes it, or why it can't and what stands in. */
  readonly policies: { readonly [P in PolicyId]: PolicyInProduct }
  /** What the lab's one-click "Sticky" means here (with sessions in server memory). */
  readonly stickyPolicy: PolicyId
  /** What the lab's one-click "Stateless" means here (with sessions in a shared store). */
  readonly statelessPolicy: PolicyId
  /**
   * The product's documented defaults for the lab's knobs (affinity cookie name, lifetime and
   * sliding/fixed, health-check numbers, drain clock). A run starts from these; its scenario and the
   * learner's overrides go on top (config.ts `resolveConfig`).
   */
  readonly defaults: ConfigPatch
  /** How the product's configuration and logs name lab server `id` (address `address`). */
  serverName(id: ServerId, address: string): string
}
