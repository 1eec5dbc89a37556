// fast-check generators for share tests: any intervention the engine knows, and runs built from
// them within the share format's limits. Used only by tests.

import fc from 'fast-check'
import type { Intervention } from '../../sim/interventions.ts'
import { LB_PRODUCT_IDS, POLICY_IDS, SERVER_IDS, STORAGE_KINDS } from '../../sim/types.ts'
import type { LinkedRun } from './encode.ts'
import { MAX_AT_MS, MAX_SEED } from './limits.ts'

const server = fc.constantFrom(...SERVER_IDS)
const user = fc.integer({ min: 0, max: 199 })
const drainKill = fc.constantFrom('drain' as const, 'kill' as const)

export const arbIntervention: fc.Arbitrary<Intervention> = fc.oneof(
  server.map((s) => ({ kind: 'crashServer' as const, server: s })),
  server.map((s) => ({ kind: 'restartServer' as const, server: s })),
  fc.constant({ kind: 'addServer' as const }),
  fc.record({ server, mode: drainKill }).map((x) => ({ kind: 'removeServer' as const, ...x })),
  drainKill.map((mode) => ({ kind: 'rollingDeploy' as const, mode })),
  fc.constant({ kind: 'storeDown' as const }),
  fc.constant({ kind: 'storeUp' as const }),
  fc.constantFrom(...POLICY_IDS).map((policy) => ({ kind: 'setPolicy' as const, policy })),
  fc.constantFrom(...STORAGE_KINDS).map((storage) => ({ kind: 'setStorage' as const, storage })),
  fc.integer({ min: 1_000, max: 86_400_000 }).map((ttlMs) => ({ kind: 'setAffinityTtl' as const, ttlMs, mode: 'fixed' as const })),
  fc.integer({ min: 1, max: 40 }).map((q) => ({ kind: 'setRate' as const, rate: q / 4 })),
  fc.integer({ min: 1, max: 40 }).map((count) => ({ kind: 'setUsers' as const, count })),
  fc.integer({ min: 1, max: 20 }).map((size) => ({ kind: 'addNatGroup' as const, size })),
  fc.integer({ min: 1, max: 5 }).map((count) => ({ kind: 'addHeavyUsers' as const, count })),
  user.map((u) => ({ kind: 'changeUserIp' as const, user: u })),
  fc.record({ user, target: server }).map((x) => ({ kind: 'forgeHeader' as const, ...x })),
  fc.constantFrom('gateway' as const, 'client' as const).map((source) => ({ kind: 'setHeaderSource' as const, source })),
  fc.integer({ min: 0, max: 100 }).map((percent) => ({ kind: 'setCanary' as const, percent })),
  user.map((u) => ({ kind: 'revokeToken' as const, user: u })),
  fc.boolean().map((on) => ({ kind: 'setIdempotency' as const, on })),
  fc.boolean().map((on) => ({ kind: 'setDenyList' as const, on })),
  fc.constantFrom('repin' as const, 'fail' as const).map((mode) => ({ kind: 'setFailover' as const, mode })),
  fc.boolean().map((persistent) => ({ kind: 'setStorePersistence' as const, persistent })),
)

export const arbRun = (maxAt = MAX_AT_MS): fc.Arbitrary<LinkedRun> =>
  fc
    .record({
      at: fc.integer({ min: 0, max: maxAt }),
      seed: fc.option(fc.integer({ min: 0, max: MAX_SEED }), { nil: undefined }),
      overrides: fc.option(fc.record({ servers: fc.integer({ min: 1, max: 10 }), users: fc.integer({ min: 1, max: 40 }), lb: fc.constantFrom(...LB_PRODUCT_IDS), policy: fc.constantFrom(...POLICY_IDS) }, { requiredKeys: [] }), { nil: undefined }),
      script: fc.array(fc.record({ at: fc.integer({ min: 0, max: maxAt }), do: arbIntervention }), { maxLength: 12 }),
    })
    .map((r) => ({ at: r.at, script: r.script, ...(r.seed !== undefined ? { seed: r.seed } : {}), ...(r.overrides && Object.keys(r.overrides).length > 0 ? { overrides: r.overrides } : {}) }))

