// Test-only: a design of four servers in every state (A ready, B stopped, C draining, D booting)
// under `lb` with the product's defaults, for the configuration writers' tests.

import { DEFAULT_CONFIG } from '../../config.ts'
import { LB_PRODUCTS } from '../registry.ts'
import type { LbProductId, PolicyId } from '../../types.ts'
import type { ConfigDesign, ConfigServer, ConfigSettings } from './design.ts'

export const FOUR_SERVERS: readonly ConfigServer[] = [
  { id: 'A', index: 1, host: '10.0.0.11', port: 3000, weight: 1, state: 'ready' },
  { id: 'B', index: 2, host: '10.0.0.12', port: 3000, weight: 1, state: 'stopped' },
  { id: 'C', index: 3, host: '10.0.0.13', port: 3000, weight: 1, state: 'drain' },
  { id: 'D', index: 4, host: '10.0.0.14', port: 3000, weight: 1, state: 'maint' },
]

/** The product's defaults on top of the engine's, as a run under `lb` starts. */
export function settingsFor(lb: LbProductId, policy: PolicyId, patch: Partial<ConfigSettings> = {}): ConfigSettings {
  const d = LB_PRODUCTS[lb].defaults
  return {
    lb,
    policy,
    cookie: { ...DEFAULT_CONFIG.cookie, ...d.cookie },
    clientIpTimeoutMs: d.clientIpTimeoutMs ?? DEFAULT_CONFIG.clientIpTimeoutMs,
    header: { ...DEFAULT_CONFIG.header, ...d.header },
    health: { ...DEFAULT_CONFIG.health, ...d.health },
    passive: { ...DEFAULT_CONFIG.passive, ...d.passive },
    failover: d.failover ?? DEFAULT_CONFIG.failover,
    lbRetry: d.lbRetry ?? DEFAULT_CONFIG.lbRetry,
    drainTimeoutMs: d.drainTimeoutMs ?? DEFAULT_CONFIG.drainTimeoutMs,
    ...patch,
  }
}

export function designFor(lb: LbProductId, policy: PolicyId, patch: Partial<ConfigSettings> = {}, servers = FOUR_SERVERS): ConfigDesign {
  return { settings: settingsFor(lb, policy, patch), servers }
}
