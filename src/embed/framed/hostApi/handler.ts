// The host API's command handler: one message in, one reply (or error) out, the lab changed only by a
// valid command. Messages of other protocols (no `protocol: "sticky-sessions-lab"`) are not ours and
// get no answer; anything of ours that is malformed gets an error naming what was wrong. Nothing from
// a message is ever put into the page. See docs/EMBED_API.md.

import { DEFAULT_CONFIG, interventionParts, MAX_SERVERS, SCENARIOS, type ConfigPatch } from '../../../lab-ui/engine.ts'
import { decodeRun } from '../../../lab-ui/links/decode.ts'
import { replayTo } from '../../../lab-ui/links/replay.ts'
import type { Intervention, ScriptItem } from '../../../sim/interventions.ts'
import { modeDesign, runNeeds, type LabInit, type LabStore } from '../../../store/labStore.ts'
import { loadParts, loadRun } from '../../../store/productLoader.ts'
import { PROTOCOL, VERSION, type CommandName, type ErrorCode, type ErrorMessage, type EventName, type ReplyMessage } from './client.ts'
import { COMMAND_SCHEMAS, COMMANDS, describeProblem, requestId, type Command } from './protocol.ts'
import { snapshot } from './state.ts'

export interface HandlerContext {
  readonly store: LabStore
  /** Add (or with `add: false`, remove — all when `events` is undefined) this sender's event subscriptions; returns them. */
  subscriptions(events: readonly EventName[] | undefined, add: boolean): EventName[]
}

export type Answer = ReplyMessage | ErrorMessage

export function errorMessage(id: string | number | null, code: ErrorCode, message: string): ErrorMessage {
  return { protocol: PROTOCOL, version: VERSION, type: 'error', id, ok: false, error: { code, message } }
}

const reply = (id: string | number, command: CommandName, result: unknown): ReplyMessage => ({ protocol: PROTOCOL, version: VERSION, type: 'reply', id, command, ok: true, result })

class Refusal extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message)
  }
}

/** Handle one message; null when it isn't ours (another protocol shares the window's messages). */
export async function handleMessage(data: unknown, ctx: HandlerContext): Promise<Answer | null> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null
  const m = data as Record<string, unknown>
  if (m.protocol !== PROTOCOL) return null
  const idCheck = requestId.safeParse(m.id)
  const id = idCheck.success ? idCheck.data : null
  if (id === null) return errorMessage(null, 'bad-message', 'every command needs an "id": a string of 1–64 characters or a whole number')
  if (typeof m.version === 'number' && m.version > VERSION) return errorMessage(id, 'unsupported-version', `this lab speaks version ${VERSION} of the protocol, not ${Number.isSafeInteger(m.version) ? m.version : '?'}`)
  if (m.version !== VERSION) return errorMessage(id, 'bad-message', `"version" should be ${VERSION}`)
  const type = m.type
  if (typeof type !== 'string' || !(COMMANDS as readonly string[]).includes(type)) {
    return errorMessage(id, 'unknown-command', `"type" should be one of ${COMMANDS.join(', ')}`)
  }
  const parsed = COMMAND_SCHEMAS[type as CommandName].safeParse(data)
  if (!parsed.success) return errorMessage(id, 'invalid-params', describeProblem(parsed.error.issues[0]))
  try {
    return reply(id, type as CommandName, await run(parsed.data as Command, ctx))
  } catch (e) {
    if (e instanceof Refusal) return errorMessage(id, e.code, e.message)
    return errorMessage(id, 'not-possible', 'the lab could not do that')
  }
}

async function run(c: Command, ctx: HandlerContext): Promise<unknown> {
  const { store } = ctx
  const s = () => store.getState()
  switch (c.type) {
    case 'getState':
      break
    case 'load':
      await load(c, store)
      break
    case 'play':
      if (c.speed !== undefined) s().setSpeed(c.speed)
      s().play()
      break
    case 'pause':
      s().pause()
      break
    case 'seek':
      if (c.ms <= s().horizon) s().seek(c.ms)
      else await replayTo(store, c.ms)
      break
    case 'step':
      if (c.back) s().stepBack()
      else s().stepForward()
      break
    case 'reset':
      s().reset()
      break
    case 'intervene':
      checkApplies(c.intervention as Intervention, store)
      // A switch to a policy whose part isn't loaded yet: fetch it first, so the reply describes the change.
      await loadParts(interventionParts(s().sim.config.lb, c.intervention as Intervention)).catch((e: unknown) => {
        throw new Refusal('not-possible', e instanceof Error ? e.message : String(e))
      })
      s().intervene(c.intervention as Intervention)
      break
    case 'subscribe':
      return { events: ctx.subscriptions(c.events as EventName[], true) }
    case 'unsubscribe':
      return { events: ctx.subscriptions(c.events as EventName[] | undefined, false) }
  }
  return snapshot(s())
}

async function load(c: Extract<Command, { type: 'load' }>, store: LabStore) {
  let base: { seed?: number; overrides?: ConfigPatch; script: readonly ScriptItem[]; at: number } = { script: [], at: 0 }
  if (c.run !== undefined) {
    const decoded = decodeRun(c.run)
    if (!decoded.ok) throw new Refusal('invalid-params', `"run": ${decoded.problem}`)
    base = decoded.run
  }
  const given: ConfigPatch = { ...base.overrides, ...(c.overrides as ConfigPatch | undefined) }
  // A design means that product's own sticky or stateless design (the scenario's product unless overridden).
  const lb = given.lb ?? SCENARIOS[c.scenario].config.lb ?? DEFAULT_CONFIG.lb
  const overrides: ConfigPatch = { ...given, ...(c.design ? modeDesign(c.design, lb) : {}) }
  const script = [...base.script, ...(c.interventions ?? []).map(([at, iv]) => ({ at, do: iv as Intervention }))]
  const seed = c.seed ?? base.seed
  const at = c.at ?? base.at
  const next: LabInit = { scenario: c.scenario, ...(seed !== undefined ? { seed } : {}), overrides, script, speed: store.getState().speed, playing: false }
  // Under another load balancer, its code first (the reply then describes the new run).
  await loadRun(runNeeds(next)).catch((e: unknown) => {
    throw new Refusal('not-possible', e instanceof Error ? e.message : String(e))
  })
  store.getState().load(next)
  if (at > 0) await replayTo(store, at)
}

/** The engine quietly ignores an intervention on a server or user that isn't there; a host is told. */
function checkApplies(iv: Intervention, store: LabStore) {
  const sim = store.getState().sim
  const live = sim.servers.filter((x) => x.status !== 'removed').map((x) => x.id)
  if ('server' in iv && !live.includes(iv.server)) throw new Refusal('not-possible', `there is no server ${iv.server} in this run (servers: ${live.join(', ')})`)
  if ('target' in iv && !live.includes(iv.target)) throw new Refusal('not-possible', `there is no server ${iv.target} in this run (servers: ${live.join(', ')})`)
  if ('user' in iv && iv.user >= sim.users.length) throw new Refusal('not-possible', `there is no user ${iv.user} in this run (users: 0–${sim.users.length - 1})`)
  if (iv.kind === 'addServer' && live.length >= MAX_SERVERS) throw new Refusal('not-possible', `this run already has the most servers the lab shows (${MAX_SERVERS})`)
}
