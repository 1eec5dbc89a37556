// The browser's way to the load-balancer products: each product's behaviour (and the algorithms only
// it uses — nginx's hashes, HAProxy's maps, rings and cookies) is its own chunk, fetched before a lab
// that needs it creates its store and registered with the engine (src/sim/products/engine/index.ts).
// The engine itself stays synchronous; Node imports every product eagerly instead (products/engine/all.ts).
// First-load budget: an embed fetches one product, not five (docs/DECISIONS.md "Products load on demand").
// A product's parts (HAProxy's hashing; nginx's ip_hash, hash and ring) are chunks of their own too, fetched with a run whose policies
// need them (`RunNeeds`: products/engine/runParts.ts) or before an intervention that switches to one.

import { hasBehaviour, hasPart, registerBehaviours, registerPart, type LbBehaviour, type PartId, type Parts } from '../sim/products/engine/index.ts'
import { productById } from '../sim/products/registry.ts'
import { LB_PRODUCT_IDS, type LbProductId } from '../sim/types.ts'

const CHUNKS: Readonly<Record<LbProductId, () => Promise<LbBehaviour>>> = {
  nginx: () => import('../sim/products/engine/nginx.ts').then((m) => m.nginxBehaviour),
  haproxy: () => import('../sim/products/engine/haproxy.ts').then((m) => m.haproxyBehaviour),
  alb: () => import('../sim/products/engine/alb.ts').then((m) => m.albBehaviour),
  'kube-proxy': () => import('../sim/products/engine/kubeProxy.ts').then((m) => m.kubeProxyBehaviour),
  cloudflare: () => import('../sim/products/engine/cloudflare.ts').then((m) => m.cloudflareBehaviour),
}

const PART_CHUNKS: { readonly [K in PartId]: () => Promise<Parts[K]> } = {
  'haproxy-hash': () => import('../sim/products/engine/haproxyHash.ts').then((m) => m.haproxyHashing),
  'nginx-hash': () => import('../sim/products/engine/nginxHash.ts').then((m) => m.nginxHashing),
  'nginx-ip-hash': () => import('../sim/products/engine/nginxIpHash.ts').then((m) => m.nginxIpHashing),
}
const PART_IDS = Object.keys(PART_CHUNKS) as PartId[]

/** What a run needs before it can be created: its load balancer and the parts its policies use. */
export interface RunNeeds {
  readonly lb: LbProductId
  readonly parts: readonly PartId[]
}

const loading = new Map<string, Promise<void>>()
const READY: Promise<void> = Promise.resolve()

/** The promise for `key`, made once (see loadProducts: a failure stands too). */
function once(key: string, make: () => Promise<void>): Promise<void> {
  let p = loading.get(key)
  if (!p) {
    p = make()
    loading.set(key, p)
  }
  return p
}

/** Are these products ready (a store under any of them can be created synchronously)? */
export function productsReady(lbs: readonly LbProductId[]): boolean {
  return lbs.every(hasBehaviour)
}

/**
 * Fetch and register these products. The same set asked twice gets the same promise — a failed one
 * too: React's `use` re-renders to read the rejection, and a fresh promise there would fetch again
 * forever instead of showing the error. So a failure stands until the page is reloaded, which is what
 * its sentence asks the reader to do.
 */
export function loadProducts(lbs: readonly LbProductId[]): Promise<void> {
  const missing = [...new Set(lbs)].filter((lb) => !hasBehaviour(lb)).sort()
  if (missing.length === 0) return READY
  return once(missing.join(','), () => Promise.all(missing.map(loadOne)).then(() => undefined))
}

/** Every product and part: pages that may show any of them side by side (compare, lessons). */
export function loadAllProducts(): Promise<void> {
  return Promise.all([loadProducts(LB_PRODUCT_IDS), loadParts(PART_IDS)]).then(() => undefined)
}

export function partsReady(parts: readonly PartId[]): boolean {
  return parts.every(hasPart)
}

/** Fetch and register these parts (the same set asked twice gets the same promise, as for products). */
export function loadParts(parts: readonly PartId[]): Promise<void> {
  const missing = [...new Set(parts)].filter((p) => !hasPart(p)).sort()
  if (missing.length === 0) return READY
  return once(`part:${missing.join(',')}`, () => Promise.all(missing.map(loadPart)).then(() => undefined))
}

export function runReady(n: RunNeeds): boolean {
  return productsReady([n.lb]) && partsReady(n.parts)
}

/** A run's product and parts (one promise per need, so React's `use` sees the same one each render). */
export function loadRun(n: RunNeeds): Promise<void> {
  if (runReady(n)) return READY
  return once(`run:${n.lb}|${[...n.parts].sort().join(',')}`, () => Promise.all([loadProducts([n.lb]), loadParts(n.parts)]).then(() => undefined))
}

function loadPart<K extends PartId>(id: K): Promise<void> {
  return PART_CHUNKS[id]().then(
    (part) => registerPart(id, part),
    (e: unknown) => {
      throw new Error(`Could not load a part of the lab’s load balancer (${id}: ${e instanceof Error ? e.message : String(e)}). Check the connection and reload.`, { cause: e })
    },
  )
}

function loadOne(lb: LbProductId): Promise<void> {
  return CHUNKS[lb]().then(
    (b) => registerBehaviours(b),
    (e: unknown) => {
      throw new Error(`Could not load ${productById(lb).label}’s part of the lab (${e instanceof Error ? e.message : String(e)}). Check the connection and reload.`, { cause: e })
    },
  )
}
