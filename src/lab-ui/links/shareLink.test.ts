// Share links end to end in Node: a learner's run, written as a link and read back, replays to the
// very same moment; bad URL parts become plain sentences and a sensible default scene.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ScenarioId } from '../../sim/scenarios/index.ts'
import { createLabStore, type LabStore } from '../../store/labStore.ts'
import { decodeRun } from './decode.ts'
import { encodeRun, shareHash } from './encode.ts'
import { MAX_AT_MS, MAX_SCRIPT_ITEMS } from './limits.ts'
import { replayTo } from './replay.ts'
import { describeSettings, initWithRun } from './openRun.ts'
import { appUrl, readShare, runOf } from './shareLink.ts'
import { arbRun } from './testArbitraries.ts'

/** What a learner sees: counters, servers, users — everything the metrics and table views show. */
function picture(store: LabStore) {
  const { sim } = store.getState()
  return {
    now: sim.now,
    itemCount: sim.itemCount,
    counters: sim.counters,
    servers: sim.servers.map((s) => [s.id, s.status, s.healthy, s.requests, s.memory.size, s.busy, s.queue.length]),
    users: sim.users.map((u) => [u.name, u.ip, u.believesLoggedIn, u.believedCart, u.lastServer, u.logouts, u.jar.affinity?.server ?? null]),
    config: sim.config,
  }
}

function openLink(hash: string): { share: ReturnType<typeof readShare>; store: LabStore; at: number } {
  const share = readShare(new URLSearchParams(hash.slice(hash.indexOf('?') + 1)))
  const decoded = decodeRun(share.encoded!)
  if (!decoded.ok) throw new Error(decoded.problem)
  return { share, store: createLabStore(initWithRun(share, decoded.run)), at: decoded.run.at }
}

describe('share links', () => {
  it('reproduce the exact moment: play, crash a server, change policy, keep playing, share', async () => {
    const live = createLabStore({ scenario: 'crash-sticky-memory' })
    for (let i = 0; i < 400; i++) live.getState().advance(37) // frame-sized steps, like playback
    live.getState().intervene({ kind: 'crashServer', server: 'A' })
    for (let i = 0; i < 300; i++) live.getState().advance(41)
    live.getState().intervene({ kind: 'setPolicy', policy: 'round-robin' })
    live.getState().advance(12_345)

    const hash = shareHash('crash-sticky-memory', runOf(live.getState()))
    expect(hash).toMatch(/^#\/lab\?scenario=crash-sticky-memory&s=[A-Za-z0-9+\-$]+$/)
    const { share, store, at } = openLink(hash)
    expect(share.problems).toEqual([])
    expect(at).toBe(live.getState().sim.now)
    await replayTo(store, at)
    expect(picture(store)).toEqual(picture(live))
    // The scenario's own planned crash is not duplicated: it comes from the scenario, not the link.
    expect(store.getState().timeline.script).toEqual(live.getState().timeline.script)
  })

  it('replaying in one go and in slices agree, and the store starts paused', async () => {
    const live = createLabStore({ scenario: 'store-outage' })
    live.getState().advance(20_000)
    live.getState().intervene({ kind: 'addServer' })
    live.getState().advance(31_000)
    const { store, at } = openLink(shareHash('store-outage', runOf(live.getState())))
    const oneGo = createLabStore({ scenario: 'store-outage', seed: store.getState().seed, script: runOf(live.getState()).script, at })
    await replayTo(store, at)
    expect(picture(store)).toEqual(picture(oneGo))
    expect(store.getState().playing).toBe(false)
  })

  it('any readable run replays without throwing', () => {
    fc.assert(
      fc.property(arbRun(20_000), fc.constantFrom('scale-out-no-affinity', 'jwt-tokens', 'header-spoofing', 'store-outage') as fc.Arbitrary<ScenarioId>, (run, scenario) => {
        const share = readShare(new URLSearchParams(`scenario=${scenario}`))
        const store = createLabStore({ ...initWithRun(share, run), at: run.at })
        expect(store.getState().sim.now).toBe(run.at)
      }),
      { numRuns: 40 },
    )
  })

  it('say what could not be used and fall back to a sensible scene', () => {
    const r = readShare(new URLSearchParams('scenario=<img src=x onerror=alert(1)>&seed=-3&s=abc'))
    expect(r.scenario).toBe('scale-out-no-affinity')
    expect(r.scenarioProblem).toContain('There is no scenario called “<img src=x onerror=alert(1)>”')
    expect(r.problems).toEqual([expect.stringContaining('The seed “-3” is not a whole number'), expect.stringContaining('not replayed')])
    expect(r.encoded).toBeNull()
    expect(r.init).toEqual({ scenario: 'scale-out-no-affinity', playing: false })

    const long = readShare(new URLSearchParams(`scenario=${'x'.repeat(5000)}`))
    expect(long.scenarioProblem!.length).toBeLessThan(200)
    expect(readShare(new URLSearchParams('seed=99999999999')).problems).toHaveLength(1)
    expect(readShare(new URLSearchParams('scenario=cookie-affinity&seed=42')).init).toEqual({ scenario: 'cookie-affinity', seed: 42, playing: false })
  })

  it('a run longer than a link holds opens at the last moment the link reproduces exactly', () => {
    const live = createLabStore({ scenario: 'cookie-affinity' })
    for (let i = 0; i < MAX_SCRIPT_ITEMS + 20; i++) {
      live.getState().advance(50)
      live.getState().intervene({ kind: 'setUsers', count: 10 + (i % 30) })
    }
    live.getState().advance(1_000)
    const run = runOf(live.getState())
    expect(run.script).toHaveLength(MAX_SCRIPT_ITEMS)
    const firstDropped = live.getState().timeline.script.filter((x) => x.by !== 'scenario')[MAX_SCRIPT_ITEMS]!
    expect(run.at).toBe(firstDropped.at - 1)
    const store = createLabStore({ scenario: 'cookie-affinity', seed: run.seed!, script: run.script, at: run.at })
    const past = createLabStore({ scenario: 'cookie-affinity', script: live.getState().timeline.script.filter((x) => x.by !== 'scenario'), at: run.at })
    expect(picture(store)).toEqual(picture(past))
    expect(decodeRun(encodeRun(run))).toEqual({ ok: true, run })

    const long = createLabStore({ scenario: 'cookie-affinity', at: MAX_AT_MS + 5_000 })
    expect(runOf(long.getState()).at).toBe(MAX_AT_MS)
  })

  it('a `seed` in the URL wins over the run’s own', () => {
    const share = readShare(new URLSearchParams('scenario=cookie-affinity&seed=5'))
    expect(initWithRun(share, { seed: 9, script: [], at: 0 }).seed).toBe(5)
  })

  it('settings the page reads from its own URL apply on top of a shared run, winning where both set one', () => {
    const share = readShare(new URLSearchParams('scenario=cookie-affinity'))
    const run = { seed: 9, overrides: { servers: 2, users: 30 }, script: [{ at: 1_000, do: { kind: 'crashServer', server: 'A' } } as const], at: 5_000 }
    const init = initWithRun(share, run, { policy: 'round-robin', servers: 4 })
    expect(init.overrides).toEqual({ servers: 4, users: 30, policy: 'round-robin' })
    expect(init.script).toEqual(run.script)
    expect(initWithRun(share, { script: [], at: 0 }).overrides).toBeUndefined()
    expect(describeSettings({ policy: 'round-robin', servers: 4 })).toBe('policy round-robin, 4 servers')
    expect(describeSettings({})).toBe('')
  })

  it('point at the main app from the app or from embed.html, under any sub-path', () => {
    expect(appUrl('#/lab?x=1', 'https://example.org/course/lab/#/compare')).toBe('https://example.org/course/lab/#/lab?x=1')
    expect(appUrl('#/lab?x=1', 'https://example.org/course/lab/index.html?utm=1#/')).toBe('https://example.org/course/lab/index.html#/lab?x=1')
    expect(appUrl('#/lab?x=1', 'https://example.org/course/lab/embed.html?scenario=a&s=b')).toBe('https://example.org/course/lab/#/lab?x=1')
  })
})
