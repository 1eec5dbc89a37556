// The engine's surface for pages. Pages (src/features, src/embed) may import *types* from src/sim,
// but every value they need from the engine — the scenario and policy catalogs, the limits, the
// read-only metrics and formatters — comes through here (the lint fence in eslint.config.js), so the
// set of engine internals a page depends on stays small and visible in one file.

export { SCENARIOS, SCENARIO_LIST, SCENARIO_IDS, LANDING_SCENARIO, isScenarioId, type ScenarioId } from '../sim/scenarios/index.ts'
export { ROUTING_POLICIES } from '../sim/policies/registry.ts'
export { LB_PRODUCT_IDS, POLICY_IDS, SERVER_IDS, STORAGE_KINDS, type LbProductId, type PolicyId, type StorageKind } from '../sim/types.ts'
export { isLbProductId, LB_PRODUCTS, policyName, policyUnder, productById, type LbProduct } from '../sim/products/index.ts'
export { DEFAULT_CONFIG, MAX_SERVERS, MAX_USERS, type ConfigPatch } from '../sim/config.ts'
export { USER_COLORS } from '../sim/users.ts'
export { imbalance, latency } from '../sim/metrics.ts'
export { liveSessionCount } from '../sim/servers.ts'
export { isLive, liveSessions, storeInUse } from '../sim/storage.ts'
export { appliedScript } from '../sim/timeline.ts'
export { formatClock } from '../sim/trace.ts'
export { interventionButton, interventionLabel } from '../sim/interventions.ts'
export { interventionParts } from '../sim/products/engine/runParts.ts'
