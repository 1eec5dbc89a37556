// Each load-balancer product's behaviour in the engine, by id (see behaviour.ts).

import type { LbProductId, SimState } from '../../types.ts'
import { albBehaviour } from './alb.ts'
import type { LbBehaviour } from './behaviour.ts'
import { cloudflareBehaviour } from './cloudflare.ts'
import { haproxyBehaviour } from './haproxy.ts'
import { kubeProxyBehaviour } from './kubeProxy.ts'
import { nginxBehaviour } from './nginx.ts'

export const BEHAVIOURS: Readonly<Record<LbProductId, LbBehaviour>> = {
  nginx: nginxBehaviour,
  haproxy: haproxyBehaviour,
  alb: albBehaviour,
  'kube-proxy': kubeProxyBehaviour,
  cloudflare: cloudflareBehaviour,
}

export function behaviourOf(s: SimState): LbBehaviour {
  return BEHAVIOURS[s.config.lb]
}

export { isIdempotent, type LbBehaviour, type Plan } from './behaviour.ts'
