// The compare setup in the URL, so a comparison can be shared: `#/compare?preset=<id>`, or
// `#/compare?scenario=<id>&cols=cookie.memory.lb-haproxy,round-robin.shared[&users=50]`. Parsed, then validated
// with zod; anything wrong gives plain sentences and the default preset, never a broken page.

import * as z from 'zod/mini'
import type { core } from 'zod/mini'
import { LB_PRODUCT_IDS, MAX_SERVERS, MAX_USERS, SCENARIO_IDS, type ScenarioId, POLICY_IDS, STORAGE_KINDS } from '../../lab-ui/engine.ts'
import { designToken, type Design } from './design.ts'
import { DEFAULT_PRESET, PRESET_IDS, PRESETS, type PresetId } from './presets.ts'

export const MIN_COLUMNS = 2
/** Five: one column per load-balancer product (the "Same crash, five load balancers" preset). */
export const MAX_COLUMNS = 5
const MAX_TTL_S = 31_536_000
/** Longer than any valid `cols` (five designs with every option, 64 characters each); stops a hostile link early. */
const MAX_COLS_CHARS = 340

export interface CompareSetup {
  readonly scenario: ScenarioId
  readonly designs: readonly Design[]
  /** Same number of users in every column (overrides the scenario's). */
  readonly users?: number
}

const int = (lo: number, hi: number) => z.int().check(z.minimum(lo), z.maximum(hi))
const opt = z.exactOptional

const designSchema = z.strictObject({
  lb: opt(z.enum(LB_PRODUCT_IDS)),
  policy: z.enum(POLICY_IDS),
  storage: z.enum(STORAGE_KINDS),
  ttlS: opt(int(1, MAX_TTL_S)),
  idempotency: opt(z.literal(true)),
  denyList: opt(z.literal(true)),
  servers: opt(int(1, MAX_SERVERS)),
})

const querySchema = z.object({
  preset: opt(z.enum(PRESET_IDS)),
  scenario: opt(z.enum(SCENARIO_IDS)),
  cols: opt(z.array(designSchema).check(z.minLength(MIN_COLUMNS), z.maxLength(MAX_COLUMNS))),
  users: opt(int(1, MAX_USERS)),
})

/** Unknown options are kept under "opt:<name>" so the strict schema reports them by name. */
function parseToken(token: string): Record<string, unknown> {
  const [policy, storage, ...opts] = token.split('.')
  const out: Record<string, unknown> = { policy, storage }
  for (const o of opts) {
    const ttl = /^ttl(\d{1,12})$/.exec(o)
    const servers = /^s(\d{1,6})$/.exec(o)
    const lb = /^lb-(.{1,20})$/.exec(o)
    if (lb) out.lb = lb[1]
    else if (ttl) out.ttlS = Number(ttl[1])
    else if (servers) out.servers = Number(servers[1])
    else if (o === 'idem') out.idempotency = true
    else if (o === 'deny') out.denyList = true
    else out[`opt:${o}`] = true
  }
  return out
}

export interface Decoded {
  readonly setup: CompareSetup
  /** The preset the setup is exactly, if any. */
  readonly preset: PresetId | null
  /** What was wrong with the link, in plain sentences (empty when it was fine). */
  readonly problems: readonly string[]
}

export function presetSetup(id: PresetId): CompareSetup {
  const p = PRESETS[id]
  return { scenario: p.scenario, designs: p.designs }
}

export function decodeSetup(q: URLSearchParams): Decoded {
  const rawCols = q.get('cols')
  if (rawCols !== null && rawCols.length > MAX_COLS_CHARS) return fallback([`The list of designs is too long (at most ${MAX_COLUMNS} designs).`])
  const tokens = rawCols === null ? [] : rawCols.split(',')
  const rawUsers = q.get('users')
  const input = {
    ...optional('preset', q.get('preset')),
    ...optional('scenario', q.get('scenario')),
    ...(rawCols !== null ? { cols: tokens.map(parseToken) } : {}),
    ...(rawUsers !== null ? { users: /^\d{1,6}$/.test(rawUsers) ? Number(rawUsers) : rawUsers } : {}),
  }
  const parsed = querySchema.safeParse(input)
  if (!parsed.success) return fallback(parsed.error.issues.slice(0, 4).map((i) => describe(i, q, tokens)))
  const { preset, scenario, cols, users } = parsed.data
  const base = presetSetup(preset ?? DEFAULT_PRESET)
  const setup: CompareSetup = {
    scenario: scenario ?? base.scenario,
    designs: cols ?? base.designs,
    ...(users !== undefined ? { users } : {}),
  }
  return { setup, preset: presetOf(setup), problems: [] }
}

const optional = (key: string, v: string | null) => (v !== null ? { [key]: v } : {})

function fallback(problems: string[]): Decoded {
  return { setup: presetSetup(DEFAULT_PRESET), preset: DEFAULT_PRESET, problems }
}

/** The preset a setup is exactly (same scenario, same designs in the same order, no extras). */
export function presetOf(setup: CompareSetup): PresetId | null {
  if (setup.users !== undefined) return null
  const key = setup.designs.map(designToken).join(',')
  for (const id of PRESET_IDS) {
    const p = PRESETS[id]
    if (p.scenario === setup.scenario && p.designs.map(designToken).join(',') === key) return id
  }
  return null
}

/** The query for a setup: the preset's name when it is one, else scenario + columns. */
export function encodeSetup(setup: CompareSetup): Record<string, string> {
  const preset = presetOf(setup)
  if (preset) return { preset }
  return {
    scenario: setup.scenario,
    cols: setup.designs.map(designToken).join(','),
    ...(setup.users !== undefined ? { users: String(setup.users) } : {}),
  }
}

/** The page's address for a setup, commas left readable: "#/compare?scenario=…&cols=a.memory,b.shared". */
export function setupHref(setup: CompareSetup): string {
  const query = Object.entries(encodeSetup(setup))
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replaceAll('%2C', ',')}`)
    .join('&')
  return `#/compare?${query}`
}

/** Quote what the learner wrote (shortened); it is only ever rendered as text. */
const quote = (s: string | null | undefined) => `“${(s ?? '').slice(0, 40)}”`

function describe(issue: core.$ZodIssue, q: URLSearchParams, tokens: readonly string[]): string {
  const [head, index, field] = issue.path
  if (head === 'preset') return `${quote(q.get('preset'))} is not a preset.`
  if (head === 'scenario') return `${quote(q.get('scenario'))} is not a scenario.`
  if (head === 'users') return `users must be a whole number from 1 to ${MAX_USERS} (got ${quote(q.get('users'))}).`
  if (head !== 'cols') return 'The link does not match the expected format.'
  if (typeof index !== 'number') return `A comparison needs ${MIN_COLUMNS} to ${MAX_COLUMNS} designs (the link has ${tokens.length}).`
  const token = tokens[index] ?? ''
  const [policy, storage] = token.split('.')
  const where = `Design ${index + 1} (${quote(token)})`
  if (issue.code === 'unrecognized_keys') {
    const names = issue.keys.map((k) => k.replace(/^opt:/, '')).join(', ')
    return `${where}: unknown option ${quote(names)} (options are lb-<load balancer>, ttl<seconds>, idem, deny and s<servers>).`
  }
  switch (field) {
    case 'lb':
      return `${where}: the load balancer must be one of ${LB_PRODUCT_IDS.join(', ')}.`
    case 'policy':
      return `${where}: ${quote(policy)} is not a routing policy.`
    case 'storage':
      return `${where}: ${quote(storage)} is not a session storage kind (memory, shared, database or jwt).`
    case 'ttlS':
      return `${where}: the affinity TTL must be 1 to ${MAX_TTL_S} seconds.`
    case 'servers':
      return `${where}: servers must be 1 to ${MAX_SERVERS}.`
    default:
      return `${where} could not be read.`
  }
}
