// The building blocks of the share-link schemas (intervention records and config overrides): every
// number within a range the engine handles quickly, so a hand-edited or hostile link can't stall the
// page. Built from the zod functions passed in (see define.ts), so importing this file loads no zod.

import type * as Z from 'zod/mini'
import { MAX_USERS } from '../config.ts'
import { SERVER_IDS } from '../types.ts'

/**
 * The zod/mini functions the schemas use. Passed as named functions, never as the whole `zod/mini`
 * namespace: a namespace passed around as a value can't be tree-shaken, and would pull all of zod
 * into the bundle.
 */
export type Zod = Pick<typeof Z, 'object' | 'literal' | 'int' | 'number' | 'string' | 'boolean' | 'enum' | 'exactOptional' | 'minimum' | 'maximum' | 'regex'>

export function schemaFields(z: Zod) {
  const int = (lo: number, hi: number) => z.int().check(z.minimum(lo), z.maximum(hi))
  const num = (lo: number, hi: number) => z.number().check(z.minimum(lo), z.maximum(hi))
  return {
    int,
    num,
    opt: z.exactOptional,
    ipv4: z.string().check(z.regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/)),
    token: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/)),
    server: z.enum(SERVER_IDS),
    user: int(0, MAX_USERS - 1),
    drainOrKill: z.enum(['drain', 'kill']),
    /** An intervention object: its `kind` and fields; unknown keys are dropped. */
    kind: <K extends string, S extends Z.core.$ZodLooseShape>(k: K, shape: S) => z.object({ kind: z.literal(k), ...shape }),
  }
}

export type SchemaFields = ReturnType<typeof schemaFields>
