// Short labels for interventions (timeline markers, logs).

import type { Intervention } from '../sim/interventions.ts'
import { policyById } from '../sim/policies/registry.ts'

export function interventionLabel(iv: Intervention): string {
  switch (iv.kind) {
    case 'crashServer':
      return `crash ${iv.server}`
    case 'restartServer':
      return `restart ${iv.server}`
    case 'addServer':
      return 'add a server'
    case 'removeServer':
      return `${iv.mode === 'drain' ? 'drain' : 'kill'} ${iv.server}`
    case 'rollingDeploy':
      return `rolling deploy (${iv.mode})`
    case 'storeDown':
      return 'store outage'
    case 'storeUp':
      return 'store back'
    case 'setPolicy':
      return `routing: ${policyById(iv.policy).label}`
    case 'setStorage':
      return `sessions: ${iv.storage}`
    case 'setAffinityTtl':
      return `affinity TTL ${Math.round(iv.ttlMs / 1000)} s`
    case 'setRate':
      return `traffic ×${iv.rate}`
    case 'setUsers':
      return `${iv.count} users`
    case 'addNatGroup':
      return `NAT group of ${iv.size}`
    case 'addHeavyUsers':
      return `${iv.count} heavy users`
    case 'changeUserIp':
      return `user ${iv.user + 1} changes IP`
    case 'forgeHeader':
      return `forged header → ${iv.target}`
    case 'setHeaderSource':
      return `header from ${iv.source}`
    case 'setCanary':
      return `canary ${iv.percent}%`
    case 'revokeToken':
      return 'revoke a token'
    case 'setIdempotency':
      return `idempotency ${iv.on ? 'on' : 'off'}`
    case 'setDenyList':
      return `deny list ${iv.on ? 'on' : 'off'}`
    case 'setFailover':
      return `failover: ${iv.mode}`
    case 'setStorePersistence':
      return `store ${iv.persistent ? 'persistent' : 'in-memory'}`
  }
}
