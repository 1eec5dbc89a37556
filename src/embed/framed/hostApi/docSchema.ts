// The JSON Schemas of every host API message, generated from the zod schemas the handler validates
// with (protocol.ts) and the ones its replies and events are tested against (outgoing.ts), in the
// form docs/EMBED_API.md shows them. `npm run docs:embed-api` writes them into the doc; a test fails
// when the doc and the code disagree.

import * as z from 'zod/mini'
import { configPatchSchema, interventionSchema } from '../../../lab-ui/links/shareSchema.ts'
import { COMMAND_SCHEMAS, COMMANDS, EVENTS, requestId } from './protocol.ts'
import { errorSchema, eventSchema, labStateSchema, replySchema } from './outgoing.ts'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

function named(): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>()
  registry.add(requestId, { id: 'RequestId' })
  registry.add(interventionSchema, { id: 'Intervention' })
  registry.add(configPatchSchema, { id: 'ConfigPatch' })
  registry.add(labStateSchema, { id: 'LabState' })
  return registry
}

const union = (schemas: z.ZodMiniType[]) => z.union(schemas as [z.ZodMiniType, z.ZodMiniType, ...z.ZodMiniType[]])

/** Host → lab: every command. */
export function commandsJsonSchema(): Json {
  return z.toJSONSchema(union(COMMANDS.map((c) => COMMAND_SCHEMAS[c])), { io: 'input', metadata: named() }) as Json
}

/** Lab → host: every reply, the error, every event. */
export function messagesJsonSchema(): Json {
  return z.toJSONSchema(union([...COMMANDS.map(replySchema), errorSchema, ...EVENTS.map(eventSchema)]), { io: 'output', metadata: named() }) as Json
}

/** JSON with small flat objects and arrays of plain values on one line: the schemas stay readable in the doc. */
export function compactJson(value: Json, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const flat = (v: Json) => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
  if (!Array.isArray(value) && Object.values(value).every(flat)) {
    const line = `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`).join(', ')} }`
    if (line.length <= 110) return line
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`
    const inner = indent + '  '
    return `[\n${value.map((v) => inner + compactJson(v, inner)).join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value)
  if (entries.length === 0) return '{}'
  const inner = indent + '  '
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`).join(',\n')}\n${indent}}`
}

export const SCHEMA_BLOCKS = { 'host-to-lab': commandsJsonSchema, 'lab-to-host': messagesJsonSchema } as const

/** Replace each `<!-- schema:NAME -->` block's JSON in the doc with the generated one. */
export function withSchemas(doc: string): string {
  let out = doc
  for (const [name, make] of Object.entries(SCHEMA_BLOCKS)) {
    const re = new RegExp(`(<!-- schema:${name} -->\\n\`\`\`json\\n)[\\s\\S]*?(\\n\`\`\`)`)
    if (!re.test(out)) throw new Error(`docs/EMBED_API.md has no <!-- schema:${name} --> block`)
    out = out.replace(re, (_, open: string, close: string) => `${open}${compactJson(make())}${close}`)
  }
  return out
}

/** The JSON of each schema block in the doc, parsed. */
export function schemasInDoc(doc: string): Record<string, unknown> {
  const found: Record<string, unknown> = {}
  for (const name of Object.keys(SCHEMA_BLOCKS)) {
    const m = new RegExp(`<!-- schema:${name} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(doc)
    if (m) found[name] = JSON.parse(m[1]!)
  }
  return found
}
