// What a share link may carry, as zod schemas (the small `zod/mini` build keeps the embed light).
// Every number has a range the engine handles quickly, so a hand-edited or hostile link can't stall
// the page; unknown keys are dropped. Version 1 of the format. Interventions are validated by their
// kinds' own records; this module is the only one that loads zod for them (decode.ts loads it lazily).

import * as z from 'zod/mini'
import { MAX_AFFINITY_TTL_MS, MAX_SERVERS, MAX_USERS, type ConfigPatch } from '../../sim/config.ts'
import { INTERVENTIONS } from '../../sim/interventions.ts'
import { schemaFields } from '../../sim/interventions/schemaFields.ts'
import { LB_PRODUCT_IDS, POLICY_IDS, STORAGE_KINDS } from '../../sim/types.ts'
import { MAX_AT_MS, MAX_SCRIPT_ITEMS, MAX_SEED, SHARE_VERSION } from './limits.ts'

// The functions one by one, never the namespace itself (see Zod in schemaFields.ts).
const zod = { object: z.object, literal: z.literal, int: z.int, number: z.number, string: z.string, boolean: z.boolean, enum: z.enum, exactOptional: z.exactOptional, minimum: z.minimum, maximum: z.maximum, regex: z.regex }
const f = schemaFields(zod)
const { int, num, opt, ipv4, token, user } = f

/** One schema per intervention kind, each from its record (src/sim/interventions/*.ts). */
const [first, ...rest] = Object.values(INTERVENTIONS).map((def) => def.schema(zod, f))
export const interventionSchema = z.discriminatedUnion('kind', [first!, ...rest])

/** Config overrides: any field of SimConfig, nested objects partially, each within a sane range. */
export const configPatchSchema = z.object({
  servers: opt(int(1, MAX_SERVERS)),
  users: opt(int(1, MAX_USERS)),
  lb: opt(z.enum(LB_PRODUCT_IDS)),
  policy: opt(z.enum(POLICY_IDS)),
  storage: opt(z.enum(STORAGE_KINDS)),
  thinkMs: opt(int(200, 600_000)),
  rate: opt(num(0.1, 10)),
  breakChance: opt(num(0, 1)),
  breakMs: opt(int(0, 3_600_000)),
  arrivalSpreadMs: opt(int(0, 600_000)),
  heavyUsers: opt(int(0, MAX_USERS)),
  heavyIds: opt(z.array(user).check(z.maxLength(MAX_USERS))),
  heavyRateFactor: opt(num(1, 20)),
  heavyCostFactor: opt(num(1, 20)),
  natGroups: opt(z.array(z.object({ size: int(1, MAX_USERS), ip: ipv4, subnet: opt(z.boolean()), heavy: opt(z.boolean()) })).check(z.maxLength(10))),
  workers: opt(int(1, 16)),
  queueLimit: opt(int(1, 1_000)),
  startupMs: opt(int(0, 600_000)),
  cookie: opt(z.object({ name: opt(token), ttlMs: opt(int(1_000, MAX_AFFINITY_TTL_MS)), mode: opt(z.enum(['sliding', 'fixed'])) })),
  clientIpTimeoutMs: opt(int(1_000, MAX_AFFINITY_TTL_MS)),
  header: opt(z.object({ name: opt(token), source: opt(z.enum(['gateway', 'client'])) })),
  health: opt(z.object({ intervalMs: opt(int(500, 60_000)), unhealthyThreshold: opt(int(1, 10)), healthyThreshold: opt(int(1, 10)) })),
  passive: opt(z.object({ maxFails: opt(int(0, 10)), failTimeoutMs: opt(int(0, 600_000)) })),
  failover: opt(z.enum(['repin', 'fail'])),
  lbRetry: opt(z.boolean()),
  drainTimeoutMs: opt(int(0, 3_600_000)),
  sessionIdleMs: opt(int(10_000, 86_400_000)),
  store: opt(z.object({ persistent: opt(z.boolean()) })),
  jwt: opt(z.object({ ttlMs: opt(int(10_000, 86_400_000)), denyList: opt(z.boolean()), carts: opt(z.enum(['memory', 'shared'])) })),
  idempotencyKeys: opt(z.boolean()),
  canaryPercent: opt(num(0, 100)),
  responseLossRate: opt(num(0, 0.5)),
  clientTimeoutMs: opt(int(500, 60_000)),
  clientRetryDelayMs: opt(int(100, 60_000)),
  websockets: opt(z.boolean()),
}) satisfies z.ZodMiniType<ConfigPatch>

/** The compressed payload, v1: time, seed, overrides and the learner's interventions as [at, what]. */
export const shareSchemaV1 = z.object({
  v: z.literal(SHARE_VERSION),
  t: int(0, MAX_AT_MS),
  k: opt(int(0, MAX_SEED)),
  c: opt(configPatchSchema),
  i: opt(z.array(z.tuple([int(0, MAX_AT_MS), interventionSchema])).check(z.maxLength(MAX_SCRIPT_ITEMS))),
})
