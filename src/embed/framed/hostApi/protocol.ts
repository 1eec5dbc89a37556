// The host API's commands as zod schemas (zod/mini, already in the embed for share links): one strict
// object per command, envelope included, so an unknown field is an error rather than silently
// ignored. Parameters reuse the share-link schemas — a `load` holds exactly what a link can. The
// JSON Schemas in docs/EMBED_API.md are generated from these (scripts/embedApiDocs.ts) and a test
// checks they match. Version 1 of the protocol.

import * as z from 'zod/mini'
import { SCENARIO_IDS } from '../../../lab-ui/engine.ts'
import { MAX_AT_MS, MAX_ENCODED_LENGTH, MAX_SCRIPT_ITEMS, MAX_SEED } from '../../../lab-ui/links/limits.ts'
import { configPatchSchema, interventionSchema } from '../../../lab-ui/links/shareSchema.ts'
import { SPEEDS } from '../../../store/labStore.ts'
import { PROTOCOL, VERSION, type CommandName, type EventName } from './client.ts'

export const COMMANDS = ['getState', 'load', 'play', 'pause', 'seek', 'step', 'reset', 'intervene', 'subscribe', 'unsubscribe'] as const satisfies readonly CommandName[]
/** Events a host can subscribe to (`ready` is always sent: it is the handshake). */
export const EVENTS = ['ready', 'state', 'logout', 'serverDown', 'sceneAnswered', 'ended'] as const satisfies readonly EventName[]
export const SUBSCRIBABLE = EVENTS.filter((e) => e !== 'ready')

const int = (lo: number, hi: number) => z.int().check(z.minimum(lo), z.maximum(hi))
const opt = z.exactOptional

export const requestId = z.union([z.string().check(z.minLength(1), z.maxLength(64)), int(-MAX_SEED, MAX_SEED)])

const command = <K extends CommandName, S extends z.core.$ZodLooseShape>(type: K, shape: S) =>
  z.strictObject({ protocol: z.literal(PROTOCOL), version: z.literal(VERSION), id: requestId, type: z.literal(type), ...shape })

const speeds = SPEEDS.map((s) => z.literal(s))

export const COMMAND_SCHEMAS = {
  getState: command('getState', {}),
  load: command('load', {
    scenario: z.enum(SCENARIO_IDS),
    design: opt(z.enum(['sticky', 'stateless'])),
    seed: opt(int(0, MAX_SEED)),
    overrides: opt(configPatchSchema),
    interventions: opt(z.array(z.tuple([int(0, MAX_AT_MS), interventionSchema])).check(z.maxLength(MAX_SCRIPT_ITEMS))),
    at: opt(int(0, MAX_AT_MS)),
    run: opt(z.string().check(z.minLength(1), z.maxLength(MAX_ENCODED_LENGTH))),
  }),
  play: command('play', { speed: opt(z.union([speeds[0]!, ...speeds.slice(1)])) }),
  pause: command('pause', {}),
  seek: command('seek', { ms: int(0, MAX_AT_MS) }),
  step: command('step', { back: opt(z.boolean()) }),
  reset: command('reset', {}),
  intervene: command('intervene', { intervention: interventionSchema }),
  subscribe: command('subscribe', { events: z.array(z.enum(SUBSCRIBABLE as [string, ...string[]])).check(z.minLength(1), z.maxLength(SUBSCRIBABLE.length * 2)) }),
  unsubscribe: command('unsubscribe', { events: opt(z.array(z.enum(SUBSCRIBABLE as [string, ...string[]])).check(z.maxLength(SUBSCRIBABLE.length * 2))) }),
} satisfies { [K in CommandName]: z.ZodMiniType }

export type Command = { [K in CommandName]: z.infer<(typeof COMMAND_SCHEMAS)[K]> }[CommandName]

/** One readable sentence for a validation problem: where, then what was expected. */
export function describeProblem(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'the message does not match the command'
  const path = issue.path.map(String).join('.')
  const where = path === '' ? 'the message' : `"${path.slice(0, 80)}"`
  switch (issue.code) {
    case 'invalid_type':
      return `${where} should be ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string' ? `${where} is too short (at least ${issue.minimum})` : `${where} is too small (at least ${issue.minimum})`
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string' ? `${where} is too long (at most ${issue.maximum})` : `${where} is too large (at most ${issue.maximum})`
    case 'invalid_value':
      return `${where} should be ${issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`}`
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k.slice(0, 40)}"`).slice(0, 5).join(', ')}`
    case 'invalid_union':
      return `${where} has a value this lab does not accept`
    case 'invalid_format':
      return `${where} is not in the expected format`
    default:
      return `${where} is not valid`
  }
}
