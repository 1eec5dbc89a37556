// The scenario catalog (docs/ARCHITECTURE.md, "The teaching contract"), by id. Ids are stable: they appear in URLs, embeds, cards
// and the CLI.

import { affinityTtlExpiry } from './affinityTtlExpiry.ts'
import { autoscaleSticky } from './autoscaleSticky.ts'
import { consistentHashScaling } from './consistentHashScaling.ts'
import { cookieAffinity } from './cookieAffinity.ts'
import { crashStickyMemory } from './crashStickyMemory.ts'
import { databaseStore } from './databaseStore.ts'
import { headerSpoofing } from './headerSpoofing.ts'
import { heavyUsersHotspot } from './heavyUsersHotspot.ts'
import { ipHashNatHotspot } from './ipHashNatHotspot.ts'
import { jwtTokens } from './jwtTokens.ts'
import { migrationPlan } from './migrationPlan.ts'
import { mobileIpChange } from './mobileIpChange.ts'
import { oneHotBackend } from './oneHotBackend.ts'
import { retryDuplicates } from './retryDuplicates.ts'
import { rollingDeploy } from './rollingDeploy.ts'
import { scaleOutNoAffinity } from './scaleOutNoAffinity.ts'
import { SCENARIO_IDS, type Scenario, type ScenarioId } from './scenario.ts'
import { sharedStore } from './sharedStore.ts'
import { storeOutage } from './storeOutage.ts'
import { websocketAffinity } from './websocketAffinity.ts'

export { SCENARIO_IDS, isScenarioId, type Scenario, type ScenarioId } from './scenario.ts'

export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  'scale-out-no-affinity': scaleOutNoAffinity,
  'cookie-affinity': cookieAffinity,
  'affinity-ttl-expiry': affinityTtlExpiry,
  'ip-hash-nat-hotspot': ipHashNatHotspot,
  'mobile-ip-change': mobileIpChange,
  'header-spoofing': headerSpoofing,
  'crash-sticky-memory': crashStickyMemory,
  'heavy-users-hotspot': heavyUsersHotspot,
  'autoscale-sticky': autoscaleSticky,
  'rolling-deploy': rollingDeploy,
  'one-hot-backend': oneHotBackend,
  'shared-store': sharedStore,
  'database-store': databaseStore,
  'store-outage': storeOutage,
  'jwt-tokens': jwtTokens,
  'consistent-hash-scaling': consistentHashScaling,
  'retry-duplicates': retryDuplicates,
  'migration-plan': migrationPlan,
  'websocket-affinity': websocketAffinity,
}

export const SCENARIO_LIST: readonly Scenario[] = SCENARIO_IDS.map((id) => SCENARIOS[id])

export const LANDING_SCENARIO: ScenarioId = 'scale-out-no-affinity'
