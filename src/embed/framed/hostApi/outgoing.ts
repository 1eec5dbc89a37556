// What the lab sends back — replies, errors and events — as zod schemas, tied to the client's types
// (a change to one without the other fails typechecking). Not used at run time: the docs' JSON
// Schemas are generated from these and from protocol.ts, and the tests check real replies and
// events against them, so docs/EMBED_API.md and the code can't drift apart.

import * as z from 'zod/mini'
import { POLICY_IDS, SCENARIO_IDS, SERVER_IDS, STORAGE_KINDS } from '../../../lab-ui/engine.ts'
import { PROTOCOL, VERSION, type CommandName, type ErrorMessage, type EventData, type EventName, type LabState } from './client.ts'
import { COMMANDS, EVENTS, requestId, SUBSCRIBABLE } from './protocol.ts'

const count = z.int().check(z.minimum(0))

export const labStateSchema = z.strictObject({
  scenario: z.enum(SCENARIO_IDS),
  title: z.string(),
  design: z.enum(['sticky', 'stateless', 'custom']),
  policy: z.enum(POLICY_IDS),
  storage: z.enum(STORAGE_KINDS),
  seed: count,
  timeMs: count,
  horizonMs: count,
  durationMs: count,
  playing: z.boolean(),
  speed: z.number().check(z.positive()),
  users: count,
  counters: z.strictObject({ requests: count, ok: count, failed: count, unexpectedLogouts: count, cartsLost: count, sessionsLost: count }),
  servers: z.array(z.strictObject({ id: z.enum(SERVER_IDS), status: z.enum(['starting', 'up', 'draining', 'crashed', 'removed']), sessions: count, requests: count })),
}) satisfies z.ZodMiniType<LabState>

const subscriptions = z.strictObject({ events: z.array(z.enum(SUBSCRIBABLE as [string, ...string[]])) })

export const RESULT_SCHEMAS = {
  getState: labStateSchema,
  load: labStateSchema,
  play: labStateSchema,
  pause: labStateSchema,
  seek: labStateSchema,
  step: labStateSchema,
  reset: labStateSchema,
  intervene: labStateSchema,
  subscribe: subscriptions,
  unsubscribe: subscriptions,
} satisfies Record<CommandName, z.ZodMiniType>

export const replySchema = (command: CommandName) =>
  z.strictObject({ protocol: z.literal(PROTOCOL), version: z.literal(VERSION), type: z.literal('reply'), id: requestId, command: z.literal(command), ok: z.literal(true), result: RESULT_SCHEMAS[command] })

export const errorSchema = z.strictObject({
  protocol: z.literal(PROTOCOL),
  version: z.literal(VERSION),
  type: z.literal('error'),
  id: z.nullable(requestId),
  ok: z.literal(false),
  error: z.strictObject({ code: z.enum(['bad-message', 'unsupported-version', 'unknown-command', 'invalid-params', 'not-possible']), message: z.string() }),
}) satisfies z.ZodMiniType<ErrorMessage>

const time = { timeMs: count }

export const EVENT_DATA_SCHEMAS = {
  ready: z.strictObject({ version: z.literal(VERSION), commands: z.array(z.enum(COMMANDS)), events: z.array(z.enum(EVENTS)), state: labStateSchema }),
  state: labStateSchema,
  logout: z.strictObject({ ...time, added: z.int().check(z.minimum(1)), total: count }),
  serverDown: z.strictObject({ ...time, server: z.enum(SERVER_IDS), status: z.enum(['crashed', 'removed']) }),
  sceneAnswered: z.strictObject({ lesson: z.string(), scene: z.int().check(z.minimum(1)), choice: count, right: z.boolean(), firstTry: z.boolean() }),
  ended: z.strictObject({ ...time, durationMs: count }),
} satisfies { [E in EventName]: z.ZodMiniType<EventData[E]> }

export const eventSchema = (event: EventName) =>
  z.strictObject({ protocol: z.literal(PROTOCOL), version: z.literal(VERSION), type: z.literal('event'), event: z.literal(event), data: EVENT_DATA_SCHEMAS[event] })
