// The browser's way to the load-balancer products: each product's behaviour (and the algorithms only
// it uses — nginx's hashes, HAProxy's maps, rings and cookies) is its own chunk, fetched before a lab
// that needs it creates its store and registered with the engine (src/sim/products/engine/index.ts).
// The engine itself stays synchronous; Node imports every product eagerly instead (products/engine/all.ts).
// First-load budget: an embed fetches one product, not five (docs/DECISIONS.md "Products load on demand").

import { hasBehaviour, registerBehaviours, type LbBehaviour } from '../sim/products/engine/index.ts'
import { productById } from '../sim/products/registry.ts'
import { LB_PRODUCT_IDS, type LbProductId } from '../sim/types.ts'

const CHUNKS: Readonly<Record<LbProductId, () => Promise<LbBehaviour>>> = {
  nginx: () => import('../sim/products/engine/nginx.ts').then((m) => m.nginxBehaviour),
  haproxy: () => import('../sim/products/engine/haproxy.ts').then((m) => m.haproxyBehaviour),
  alb: () => import('../sim/products/engine/alb.ts').then((m) => m.albBehaviour),
  'kube-proxy': () => import('../sim/products/engine/kubeProxy.ts').then((m) => m.kubeProxyBehaviour),
  cloudflare: () => import('../sim/products/engine/cloudflare.ts').then((m) => m.cloudflareBehaviour),
}

const loading = new Map<string, Promise<void>>()
const READY: Promise<void> = Promise.resolve()

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
  const key = missing.join(',')
  let p = loading.get(key)
  if (!p) {
    p = Promise.all(missing.map(loadOne)).then(() => undefined)
    loading.set(key, p)
  }
  return p
}

/** Every product: pages that may show any of them side by side (compare, lessons). */
export function loadAllProducts(): Promise<void> {
  return loadProducts(LB_PRODUCT_IDS)
}

function loadOne(lb: LbProductId): Promise<void> {
  return CHUNKS[lb]().then(
    (b) => registerBehaviours(b),
    (e: unknown) => {
      throw new Error(`Could not load ${productById(lb).label}’s part of the lab (${e instanceof Error ? e.message : String(e)}). Check the connection and reload.`, { cause: e })
    },
  )
}
