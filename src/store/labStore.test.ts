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
    // The landing scenario runs HAProxy, whose Sticky is its SERVERID cookie (products/haproxy.ts).
    expect(store.getState().sim.config).toMatchObject({ lb: 'haproxy', policy: 'cookie', storage: 'memory' })
    expect(store.getState().timeline.script.map((x) => [x.at, x.do.kind])).toEqual([
      [10_000, 'setStorage'],
      [11_000, 'setStorage'],
      [11_000, 'setPolicy'],
    ])
  })

  it('setLb replays the run from 0:00 under the other load balancer, with the learner’s interventions, to the same moment', () => {
    const store = createLabStore({ scenario: 'crash-sticky-memory', playing: true })
    store.getState().advance(20_000)
    store.getState().intervene({ kind: 'setStorage', storage: 'shared' })
    store.getState().advance(25_000)
    expect(store.getState().sim.config.lb).toBe('haproxy')
    store.getState().setLb('alb')
    const s = store.getState()
    expect(s.sim.now).toBe(45_000)
    expect(s.playing).toBe(true)
    expect(s.overrides).toMatchObject({ lb: 'alb' })
    expect(s.sim.config).toMatchObject({ lb: 'alb', policy: 'cookie', cookie: { name: 'AWSALB' }, storage: 'shared' })
    expect(s.timeline.script.filter((x) => x.by !== 'scenario').map((x) => [x.at, x.do.kind])).toEqual([[20_000, 'setStorage']])
    // The same as a run that started under the ALB.
    const fresh = createLabStore({ scenario: 'crash-sticky-memory', overrides: { lb: 'alb' } })
    fresh.getState().advance(20_000)
    fresh.getState().intervene({ kind: 'setStorage', storage: 'shared' })
    fresh.getState().advance(25_000)
    expect(fingerprint(s.sim)).toBe(fingerprint(fresh.getState().sim))
    // A policy the product lacks runs its stand-in; Reset and share links keep the product.
    store.getState().setLb('nginx')
    expect(store.getState().sim.config).toMatchObject({ lb: 'nginx', policy: 'hash-consistent' })
    store.getState().reset()
    expect(store.getState().sim.config.lb).toBe('nginx')
    store.getState().restoreDefaults()
    expect(store.getState().sim.config.lb).toBe('haproxy')
  })

  it('one-click Sticky and Stateless are the load balancer’s own designs', () => {
    for (const [lb, sticky, stateless] of [['nginx', 'hash-consistent', 'round-robin'], ['haproxy', 'cookie', 'round-robin'], ['alb', 'cookie', 'round-robin'], ['kube-proxy', 'client-ip', 'random'], ['cloudflare', 'cookie', 'random']] as const) {
      const store = createLabStore({ scenario: 'shared-store', overrides: { lb } })
      store.getState().setMode('sticky')
      expect(store.getState().sim.config, lb).toMatchObject({ lb, policy: sticky, storage: 'memory' })
      store.getState().setMode('stateless')
      expect(store.getState().sim.config, lb).toMatchObject({ lb, policy: stateless, storage: 'shared' })
    }
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

  it('(14.1) load runs at the speed it is given (a lesson scene at 4×), and keeps the learner’s otherwise', () => {
    const store = createLabStore({ scenario: 'cookie-affinity' })
    store.getState().load({ scenario: 'scale-out-no-affinity', speed: 4, playing: true })
    expect(store.getState().speed).toBe(4)
    expect(store.getState().playing).toBe(true)
    store.getState().setSpeed(2)
    store.getState().load({ scenario: 'scale-out-no-affinity' })
    expect(store.getState().speed).toBe(2)
  })

  it('(14.5) reset restarts at 0:00 keeping the learner’s design; restoreDefaults brings the scenario’s own back', () => {
    const store = createLabStore({ scenario: 'scale-out-no-affinity', overrides: { servers: 2 } })
    store.getState().advance(5_000)
    store.getState().setMode('sticky')
    store.getState().intervene({ kind: 'addServer' })
    store.getState().intervene({ kind: 'setUsers', count: 20 })
    store.getState().intervene({ kind: 'setAffinityTtl', ttlMs: 60_000 })
    store.getState().advance(5_000)
    store.getState().intervene({ kind: 'crashServer', server: 'A' }) // an event, not a design choice
    store.getState().advance(5_000)
    store.getState().reset()
    const s = store.getState()
    expect(s.sim.now).toBe(0)
    expect(s.timeline.script.filter((x) => x.by !== 'scenario')).toEqual([])
    expect(s.sim.config).toMatchObject({ policy: 'cookie', storage: 'memory', servers: 3, users: 20, cookie: { ttlMs: 60_000 }, clientIpTimeoutMs: 60_000 })
    expect(s.sim.servers.map((x) => x.status)).toEqual(['up', 'up', 'up'])
    expect(modeOf(s.sim)).toBe('sticky')
    // A second reset keeps it too (the design is now the run's starting point).
    store.getState().advance(3_000)
    store.getState().reset()
    expect(store.getState().sim.config).toMatchObject({ policy: 'cookie', servers: 3, users: 20 })
    store.getState().restoreDefaults()
    expect(store.getState().sim.now).toBe(0)
    expect(store.getState().sim.config).toMatchObject({ policy: 'round-robin', storage: 'memory', servers: 2, users: 12 })
  })

  it('(14.5) only choices made before the current moment are kept; keepDesign: false resets to the init', () => {
    const store = createLabStore({ scenario: 'scale-out-no-affinity' })
    store.getState().advance(10_000)
    store.getState().setMode('stateless')
    store.getState().seek(5_000) // before the switch: the design in effect is the scenario's
    store.getState().reset()
    expect(store.getState().sim.config.storage).toBe('memory')
    const walk = createLabStore({ scenario: 'cookie-affinity', keepDesign: false })
    walk.getState().advance(5_000)
    walk.getState().setMode('stateless')
    walk.getState().reset()
    expect(walk.getState().sim.config).toMatchObject({ policy: 'cookie', storage: 'memory' })
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
