// The load-balancer products: nginx, HAProxy, AWS ALB, Kubernetes Service (kube-proxy), Cloudflare.
export { isLbProductId, LB_PRODUCTS, policyName, policyUnder, productById } from './registry.ts'
export type { LbProduct, PolicyInProduct, ProductPolicy, UnsupportedPolicy } from './product.ts'
