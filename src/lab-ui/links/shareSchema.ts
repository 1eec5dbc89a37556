// What a share link may carry, as zod schemas (the small `zod/mini` build keeps the embed light).
// Every number has a range the engine handles quickly, so a hand-edited or hostile link can't stall
// the page; unknown keys are dropped. Version 1 of the format.

import * as z from 'zod/mini'
import type { ConfigPatch } from '../../sim/config.ts'
import type { Intervention, InterventionKind } from '../../sim/interventions.ts'
import { POLICY_IDS, SERVER_IDS, STORAGE_KINDS } from '../../sim/types.ts'
import { MAX_AT_MS, MAX_SCRIPT_ITEMS, MAX_SEED, SHARE_VERSION } from './limits.ts'

const YEAR_MS = 31_536_000_000
const USERS = 200

const int = (lo: number, hi: number) => z.int().check(z.minimum(lo), z.maximum(hi))
const num = (lo: number, hi: number) => z.number().check(z.minimum(lo), z.maximum(hi))
const opt = z.exactOptional
const ipv4 = z.string().check(z.regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/))
const token = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/))
const server = z.enum(SERVER_IDS)
const user = int(0, USERS - 1)
const drainOrKill = z.enum(['drain', 'kill'])

const kind = <K extends InterventionKind, S extends z.core.$ZodLooseShape>(k: K, shape: S) => z.object({ kind: z.literal(k), ...shape })

/** One schema per intervention kind: a new kind in the engine is a compile error here until handled. */
const INTERVENTIONS = {
  crashServer: kind('crashServer', { server }),
  restartServer: kind('restartServer', { server }),
  addServer: kind('addServer', {}),
  removeServer: kind('removeServer', { server, mode: drainOrKill }),
  rollingDeploy: kind('rollingDeploy', { mode: drainOrKill }),
  storeDown: kind('storeDown', {}),
  storeUp: kind('storeUp', {}),
  setPolicy: kind('setPolicy', { policy: z.enum(POLICY_IDS) }),
  setStorage: kind('setStorage', { storage: z.enum(STORAGE_KINDS) }),
  setAffinityTtl: kind('setAffinityTtl', { ttlMs: int(1_000, YEAR_MS), mode: opt(z.enum(['sliding', 'fixed'])) }),
  setRate: kind('setRate', { rate: num(0.1, 10) }),
  setUsers: kind('setUsers', { count: int(1, USERS) }),
  addNatGroup: kind('addNatGroup', { size: int(1, USERS), ip: opt(ipv4), subnet: opt(z.boolean()) }),
  addHeavyUsers: kind('addHeavyUsers', { count: int(1, USERS) }),
  changeUserIp: kind('changeUserIp', { user }),
  forgeHeader: kind('forgeHeader', { user, target: server }),
  setHeaderSource: kind('setHeaderSource', { source: z.enum(['gateway', 'client']) }),
  setCanary: kind('setCanary', { percent: num(0, 100) }),
  revokeToken: kind('revokeToken', { user }),
  setIdempotency: kind('setIdempotency', { on: z.boolean() }),
  setDenyList: kind('setDenyList', { on: z.boolean() }),
  setFailover: kind('setFailover', { mode: z.enum(['repin', 'fail']) }),
  setStorePersistence: kind('setStorePersistence', { persistent: z.boolean() }),
} satisfies { [K in InterventionKind]: z.ZodMiniType<Extract<Intervention, { kind: K }>> }

const [first, ...rest] = Object.values(INTERVENTIONS)
export const interventionSchema = z.discriminatedUnion('kind', [first!, ...rest])

/** Config overrides: any field of SimConfig, nested objects partially, each within a sane range. */
export const configPatchSchema = z.object({
  servers: opt(int(1, 10)),
  users: opt(int(1, USERS)),
  policy: opt(z.enum(POLICY_IDS)),
  storage: opt(z.enum(STORAGE_KINDS)),
  thinkMs: opt(int(200, 600_000)),
  rate: opt(num(0.1, 10)),
  breakChance: opt(num(0, 1)),
  breakMs: opt(int(0, 3_600_000)),
  arrivalSpreadMs: opt(int(0, 600_000)),
  heavyUsers: opt(int(0, USERS)),
  heavyIds: opt(z.array(user).check(z.maxLength(USERS))),
  heavyRateFactor: opt(num(1, 20)),
  heavyCostFactor: opt(num(1, 20)),
  natGroups: opt(z.array(z.object({ size: int(1, USERS), ip: ipv4, subnet: opt(z.boolean()), heavy: opt(z.boolean()) })).check(z.maxLength(10))),
  workers: opt(int(1, 16)),
  queueLimit: opt(int(1, 1_000)),
  startupMs: opt(int(0, 600_000)),
  cookie: opt(z.object({ name: opt(token), ttlMs: opt(int(1_000, YEAR_MS)), mode: opt(z.enum(['sliding', 'fixed'])) })),
  clientIpTimeoutMs: opt(int(1_000, YEAR_MS)),
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

export type SharePayload = z.infer<typeof shareSchemaV1>
