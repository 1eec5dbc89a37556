// docs/EMBED_API.md matches the code: its JSON Schemas are exactly the ones generated from the
// handler's validators and the reply/event schemas; every command and event is in its tables; and
// a valid message of every documented command is accepted by the handler with a reply that fits
// the documented reply schema.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createLabStore } from '../../../store/labStore.ts'
import { commandsJsonSchema, messagesJsonSchema, schemasInDoc } from './docSchema.ts'
import { handleMessage } from './handler.ts'
import { replySchema } from './outgoing.ts'
import { COMMANDS, EVENTS } from './protocol.ts'
import type { CommandName, EventName } from './client.ts'

const doc = readFileSync(new URL('../../../../docs/EMBED_API.md', import.meta.url), 'utf8')

const EXAMPLES: Record<CommandName, Record<string, unknown>> = {
  getState: {},
  load: { scenario: 'crash-sticky-memory', design: 'stateless', seed: 7, overrides: { servers: 4 }, interventions: [[5_000, { kind: 'crashServer', server: 'A' }]], at: 6_000 },
  play: { speed: 4 },
  pause: {},
  seek: { ms: 12_000 },
  step: { back: false },
  reset: {},
  intervene: { intervention: { kind: 'crashServer', server: 'B' } },
  subscribe: { events: ['state', 'logout'] },
  unsubscribe: { events: ['state'] },
}

describe('docs/EMBED_API.md', () => {
  it('shows the JSON Schemas the code validates with (run `npm run docs:embed-api` after changing the protocol)', () => {
    expect(schemasInDoc(doc)).toEqual({ 'host-to-lab': commandsJsonSchema(), 'lab-to-host': messagesJsonSchema() })
  })

  it('lists every command and every event', () => {
    for (const c of COMMANDS) expect(doc, c).toContain(`| \`${c}\` |`)
    for (const e of EVENTS satisfies readonly EventName[]) expect(doc, e).toContain(`| \`${e}\` |`)
  })

  it('every command, as documented, is handled with a reply of the documented shape', async () => {
    const store = createLabStore({ scenario: 'scale-out-no-affinity' })
    const subs = new Set<string>()
    const ctx = {
      store,
      subscriptions: (events: readonly EventName[] | undefined, add: boolean) => {
        for (const e of events ?? []) {
          if (add) subs.add(e)
          else subs.delete(e)
        }
        return [...subs] as EventName[]
      },
    }
    for (const c of COMMANDS) {
      const answer = await handleMessage({ protocol: 'sticky-sessions-lab', version: 1, id: `x-${c}`, type: c, ...EXAMPLES[c] }, ctx)
      const parsed = replySchema(c).safeParse(answer)
      expect(parsed.success, `${c}: ${JSON.stringify(answer).slice(0, 300)}`).toBe(true)
    }
    expect(store.getState().scenarioId).toBe('crash-sticky-memory')
  })
})
