// Every product's behaviour and part, registered at import: what Node imports (tests through the vitest setup,
// the CLI, the bench, conformance, harness.ts). The browser never imports this file; it loads products
// one at a time (src/store/productLoader.ts) so a page fetches only the load balancer it shows.

import { albBehaviour } from './alb.ts'
import { cloudflareBehaviour } from './cloudflare.ts'
import { haproxyBehaviour } from './haproxy.ts'
import { haproxyHashing } from './haproxyHash.ts'
import { registerBehaviours, registerPart } from './index.ts'
import { kubeProxyBehaviour } from './kubeProxy.ts'
import { nginxBehaviour } from './nginx.ts'
import { nginxHashing } from './nginxHash.ts'
import { nginxIpHashing } from './nginxIpHash.ts'

registerBehaviours(nginxBehaviour, haproxyBehaviour, albBehaviour, kubeProxyBehaviour, cloudflareBehaviour)
registerPart('haproxy-hash', haproxyHashing)
registerPart('nginx-hash', nginxHashing)
registerPart('nginx-ip-hash', nginxIpHashing)
