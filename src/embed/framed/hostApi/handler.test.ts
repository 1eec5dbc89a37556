// The host API's handler: each command does what it says and replies with the request's id; every
// kind of bad message gets an error naming the problem and leaves the lab untouched; messages of
// other protocols get no answer at all; and no input whatsoever makes it throw.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodeRun } from '../../../lab-ui/links/encode.ts'
import { createLabStore, type LabStore } from '../../../store/labStore.ts'
import type { EventName } from './client.ts'
import { handleMessage } from './handler.ts'
import { errorSchema } from './outgoing.ts'

const msg = (type: string, params: Record<string, unknown> = {}, id: unknown = 1) => ({ protocol: 'sticky-sessions-lab', version: 1, id, type, ...params })

function setup() {
  const store = createLabStore({ scenario: 'crash-sticky-memory' })
  const subs = new Set<EventName>()
  const ctx = {
    store,
    subscriptions: (events: readonly EventName[] | undefined, add: boolean) => {
      for (const e of events ?? (['state', 'logout', 'serverDown', 'sceneAnswered', 'ended'] as const)) {
        if (add) subs.add(e)
        else subs.delete(e)
      }
      return [...subs]
    },
  }
  return { store, ctx, send: (m: unknown) => handleMessage(m, ctx) }
}

/** What a message may not change. */
const fingerprint = (store: LabStore) => {
  const s = store.getState()
  return { scenario: s.scenarioId, seed: s.seed, sim: s.sim, timeline: s.timeline, playing: s.playing, speed: s.speed }
}

describe('host API commands', () => {
  it('load opens a scenario with a design, seed, overrides and interventions, replayed to a moment', async () => {
    const { store, send } = setup()
    const r = await send(msg('load', { scenario: 'scale-out-no-affinity', design: 'sticky', seed: 42, overrides: { servers: 4 }, interventions: [[10_000, { kind: 'crashServer', server: 'D' }]], at: 20_000 }, 'load-1'))
    expect(r).toMatchObject({ type: 'reply', id: 'load-1', command: 'load', ok: true, result: { scenario: 'scale-out-no-affinity', design: 'sticky', seed: 42, timeMs: 20_000, playing: false } })
    const s = store.getState()
    expect(s.sim.servers.map((x) => [x.id, x.status])).toEqual([['A', 'up'], ['B', 'up'], ['C', 'up'], ['D', 'crashed']])
  })

  it('load takes a share link’s run, with the message’s fields on top', async () => {
    const { send } = setup()
    const run = encodeRun({ at: 15_000, seed: 9, overrides: { servers: 2 }, script: [] })
    const r = await send(msg('load', { scenario: 'cookie-affinity', run, seed: 11 }))
    expect(r).toMatchObject({ ok: true, result: { scenario: 'cookie-affinity', seed: 11, timeMs: 15_000 } })
    expect((await send(msg('load', { scenario: 'cookie-affinity', run: 'garbage!!' }))) as unknown).toMatchObject({ ok: false, error: { code: 'invalid-params', message: expect.stringContaining('"run"') } })
  })

  it('play, pause, seek, step, reset and intervene act on the lab and reply with its state', async () => {
    const { store, send } = setup()
    expect(await send(msg('play', { speed: 8 }))).toMatchObject({ result: { playing: true, speed: 8 } })
    expect(await send(msg('pause'))).toMatchObject({ result: { playing: false } })
    expect(await send(msg('seek', { ms: 40_000 }))).toMatchObject({ result: { timeMs: 40_000 } })
    // B crashed at 0:30 in this scenario.
    expect(store.getState().sim.servers.find((x) => x.id === 'B')!.status).toBe('crashed')
    expect(await send(msg('seek', { ms: 10_000 }))).toMatchObject({ result: { timeMs: 10_000, horizonMs: 40_000 } })
    const before = store.getState().sim.now
    await send(msg('step'))
    expect(store.getState().sim.now).toBeGreaterThanOrEqual(before)
    expect(store.getState().sim.itemCount).toBeGreaterThan(0)
    await send(msg('step', { back: true }))
    expect(await send(msg('intervene', { intervention: { kind: 'crashServer', server: 'A' } }))).toMatchObject({ ok: true })
    expect(store.getState().sim.servers.find((x) => x.id === 'A')!.status).toBe('crashed')
    expect(await send(msg('reset'))).toMatchObject({ result: { timeMs: 0 } })
  })

  it('subscribe and unsubscribe answer with the events now subscribed', async () => {
    const { send } = setup()
    expect(await send(msg('subscribe', { events: ['logout', 'ended'] }))).toMatchObject({ result: { events: ['logout', 'ended'] } })
    expect(await send(msg('unsubscribe', { events: ['logout'] }))).toMatchObject({ result: { events: ['ended'] } })
    expect(await send(msg('unsubscribe'))).toMatchObject({ result: { events: [] } })
  })
})

describe('host API errors', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['no id', { protocol: 'sticky-sessions-lab', version: 1, type: 'play' }, 'bad-message', /id/],
    ['an object id', msg('play', {}, { x: 1 }), 'bad-message', /id/],
    ['a newer version', { ...msg('play'), version: 2 }, 'unsupported-version', /version 1/],
    ['a string version', { ...msg('play'), version: '1' }, 'bad-message', /version/],
    ['an unknown command', msg('explode'), 'unknown-command', /getState/],
    ['a prototype-ish command', msg('constructor'), 'unknown-command', /one of/],
    ['an unknown field', msg('play', { sped: 4 }), 'invalid-params', /unknown field "sped"/],
    ['a speed the lab lacks', msg('play', { speed: 3 }), 'invalid-params', /"speed"/],
    ['a seek too far', msg('seek', { ms: 3_600_001 }), 'invalid-params', /"ms" is too large/],
    ['a seek that is not a number', msg('seek', { ms: '10' }), 'invalid-params', /"ms" should be/],
    ['an unknown scenario', msg('load', { scenario: 'nope' }), 'invalid-params', /"scenario" should be one of/],
    ['an unknown intervention', msg('intervene', { intervention: { kind: 'meltdown' } }), 'invalid-params', /intervention/],
    ['a server that isn’t there', msg('intervene', { intervention: { kind: 'crashServer', server: 'J' } }), 'not-possible', /no server J/],
    ['a user who isn’t there', msg('intervene', { intervention: { kind: 'changeUserIp', user: 150 } }), 'not-possible', /no user 150/],
    ['an unknown event', msg('subscribe', { events: ['everything'] }), 'invalid-params', /events/],
  ]
  for (const [name, m, code, text] of cases) {
    it(`${name}: ${code}, nothing changes`, async () => {
      const { store, send } = setup()
      await send(msg('seek', { ms: 5_000 }))
      const before = fingerprint(store)
      const r = await send(m)
      expect(errorSchema.safeParse(r).success).toBe(true)
      expect(r).toMatchObject({ type: 'error', ok: false, error: { code } })
      expect((r as { error: { message: string } }).error.message).toMatch(text)
      expect(fingerprint(store)).toEqual(before)
    })
  }

  it('messages of other protocols are not answered', async () => {
    const { send } = setup()
    for (const m of [null, 'hello', 42, [], { context: 'h5p', action: 'hello' }, { message: 'height', value: 300 }, { protocol: 'other', type: 'play' }, '[iFrameSizer]x']) expect(await send(m)).toBeNull()
  })

  it('no message whatsoever throws or changes the lab unless it is a valid command', async () => {
    const { store, send } = setup()
    await send(msg('seek', { ms: 3_000 }))
    const anything = fc.oneof(
      fc.anything(),
      fc.record({ protocol: fc.constant('sticky-sessions-lab'), version: fc.oneof(fc.constant(1), fc.anything()), id: fc.anything(), type: fc.oneof(fc.constantFrom('play', 'seek', 'load', 'intervene', 'step'), fc.string()), ms: fc.anything(), speed: fc.anything(), scenario: fc.anything(), intervention: fc.anything(), back: fc.string() }, { requiredKeys: ['protocol', 'type'] }),
    )
    await fc.assert(
      fc.asyncProperty(anything, async (m) => {
        const before = fingerprint(store)
        const r = await send(m)
        if (r !== null && r.ok === false) expect(fingerprint(store)).toEqual(before)
      }),
      { numRuns: 300 },
    )
  })
})
