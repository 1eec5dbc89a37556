import { describe, expect, it } from 'vitest'
import { fingerprint } from '../sim/testkit.ts'
import { clampSpeed, createLabStore, modeOf } from './labStore.ts'

describe('lab store', () => {
  it('starts paused at 0 with the scenario’s seed and config', () => {
    const store = createLabStore({ scenario: 'crash-sticky-memory' })
    const s = store.getState()
    expect(s.playing).toBe(false)
    expect(s.sim.now).toBe(0)
    expect(s.seed).toBe(1)
    expect(s.sim.config.policy).toBe('cookie')
    expect(modeOf(s.sim)).toBe('sticky')
  })

  it('advance moves simulated time and the horizon', () => {
    const store = createLabStore({ scenario: 'cookie-affinity' })
    store.getState().advance(5_000)
    store.getState().advance(5_000)
    expect(store.getState().sim.now).toBe(10_000)
    expect(store.getState().horizon).toBe(10_000)
  })

  it('seek back then forward reproduces the same state; the horizon stays', () => {
    const store = createLabStore({ scenario: 'crash-sticky-memory' })
    store.getState().advance(40_000)
    const at40 = fingerprint(store.getState().sim)
    store.getState().seek(12_000)
    expect(store.getState().sim.now).toBe(12_000)
    expect(store.getState().horizon).toBe(40_000)
    store.getState().seek(40_000)
    expect(fingerprint(store.getState().sim)).toBe(at40)
  })

  it('setMode switches design as interventions at the current moment', () => {
    const store = createLabStore({ scenario: 'scale-out-no-affinity' })
    store.getState().advance(10_000)
    store.getState().setMode('stateless')
    const s = store.getState()
    expect(modeOf(s.sim)).toBe('stateless')
    // The scenario already routes round robin: only storage changes.
    expect(s.timeline.script.map((x) => [x.at, x.do.kind])).toEqual([[10_000, 'setStorage']])
    store.getState().advance(1_000)
    store.getState().setMode('sticky')
    expect(store.getState().sim.config).toMatchObject({ policy: 'cookie', storage: 'memory' })
    expect(store.getState().timeline.script.map((x) => [x.at, x.do.kind])).toEqual([
      [10_000, 'setStorage'],
      [11_000, 'setStorage'],
      [11_000, 'setPolicy'],
    ])
  })

  it('an intervention in the past drops the learner’s old future', () => {
    const store = createLabStore({ scenario: 'cookie-affinity' })
    store.getState().advance(30_000)
    store.getState().intervene({ kind: 'crashServer', server: 'A' })
    store.getState().seek(10_000)
    store.getState().intervene({ kind: 'crashServer', server: 'C' })
    const s = store.getState()
    expect(s.timeline.script.map((x) => `${x.at}:${x.do.kind}`)).toEqual(['10000:crashServer'])
    expect(s.horizon).toBe(10_000)
    store.getState().advance(30_000)
    expect(store.getState().sim.servers.map((x) => x.status)).toEqual(['up', 'up', 'crashed'])
  })

  it('reset returns to t = 0 of the same run; load switches scenario', () => {
    const store = createLabStore({ scenario: 'cookie-affinity', playing: true })
    store.getState().advance(20_000)
    store.getState().reset()
    expect(store.getState().sim.now).toBe(0)
    expect(store.getState().playing).toBe(false)
    store.getState().load({ scenario: 'shared-store' })
    expect(store.getState().scenarioId).toBe('shared-store')
    expect(store.getState().sim.config.storage).toBe('shared')
  })

  it('a shared run (seed, overrides, learner script, moment) replays exactly', () => {
    const a = createLabStore({ scenario: 'cookie-affinity' })
    a.getState().advance(15_000)
    a.getState().intervene({ kind: 'crashServer', server: 'B' })
    a.getState().advance(20_000)
    const learner = a.getState().timeline.script.filter((x) => x.by !== 'scenario')
    const b = createLabStore({ scenario: 'cookie-affinity', script: learner, at: 35_000 })
    expect(fingerprint(b.getState().sim)).toBe(fingerprint(a.getState().sim))
  })

  it('step forward and back move by one event and pause', () => {
    const store = createLabStore({ scenario: 'cookie-affinity', playing: true })
    store.getState().advance(5_000)
    const seq = store.getState().sim.traceSeq
    store.getState().stepForward()
    expect(store.getState().sim.traceSeq).toBe(seq + 1)
    expect(store.getState().playing).toBe(false)
    store.getState().stepBack()
    expect(store.getState().sim.traceSeq).toBe(seq)
  })

  it('speed is clamped to 0.25×–16×', () => {
    expect(clampSpeed(100)).toBe(16)
    expect(clampSpeed(0)).toBe(0.25)
    expect(clampSpeed(Number.NaN)).toBe(1)
  })

  it('two stores never share state', () => {
    const a = createLabStore({ scenario: 'cookie-affinity' })
    const b = createLabStore({ scenario: 'cookie-affinity' })
    a.getState().advance(10_000)
    a.getState().intervene({ kind: 'crashServer', server: 'A' })
    expect(b.getState().sim.now).toBe(0)
    expect(b.getState().sim.servers[0]!.status).toBe('up')
  })
})
