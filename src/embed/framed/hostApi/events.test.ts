// Host API events off a real lab store: `state` at most every 250 ms of wall time, `serverDown`
// and `ended` at once, logouts coalesced, everything in simulated-time order, and a jump back
// re-bases the counters without a `logout`.

import { describe, expect, it } from 'vitest'
import { createLabStore } from '../../../store/labStore.ts'
import type { EventData, EventName } from './client.ts'
import { THROTTLE_MS, watchEvents, type Clock } from './events.ts'

function fakeClock() {
  let t = 0
  let timers: { at: number; f: () => void }[] = []
  const clock: Clock = {
    now: () => t,
    setTimeout: (f, ms) => {
      const timer = { at: t + ms, f }
      timers.push(timer)
      return timer
    },
    clearTimeout: (x) => {
      timers = timers.filter((y) => y !== x)
    },
  }
  const tick = (ms: number) => {
    t += ms
    for (const timer of timers.filter((x) => x.at <= t)) {
      timers = timers.filter((y) => y !== timer)
      timer.f()
    }
  }
  return { clock, tick }
}

type Got = { event: EventName; data: EventData[EventName]; wall: number }

function run(scenario: 'crash-sticky-memory' | 'scale-out-no-affinity', frames: number, frameMs = 16, speed = 16) {
  const store = createLabStore({ scenario })
  const { clock, tick } = fakeClock()
  const got: Got[] = []
  const stop = watchEvents(store, (event, data) => got.push({ event, data: data(), wall: clock.now() }), clock)
  for (let i = 0; i < frames; i++) {
    tick(frameMs)
    store.getState().advance(frameMs * speed)
  }
  tick(1000)
  return { store, got, stop, tick }
}

const timeOf = (g: Got) => (g.event === 'state' ? (g.data as EventData['state']).timeMs : (g.data as { timeMs: number }).timeMs)

describe('host API events', () => {
  it('a crash scenario played at 16×: state throttled, serverDown then logouts, ended once, in time order', () => {
    const { got, store } = run('crash-sticky-memory', 400)
    const names = got.map((g) => g.event)
    expect(names.filter((n) => n === 'serverDown')).toHaveLength(1)
    expect(names.filter((n) => n === 'ended')).toHaveLength(1)
    const down = got.find((g) => g.event === 'serverDown')!.data as EventData['serverDown']
    expect(down).toEqual({ timeMs: 30_000, server: 'B', status: 'crashed' })
    // The first logout comes after the crash that caused it.
    expect(names.indexOf('logout')).toBeGreaterThan(names.indexOf('serverDown'))
    const logouts = got.filter((g) => g.event === 'logout').map((g) => g.data as EventData['logout'])
    expect(logouts.reduce((n, l) => n + l.added, 0)).toBe(logouts.at(-1)!.total)
    expect(logouts.at(-1)!.total).toBe(store.getState().sim.counters.unexpectedLogouts)
    // Simulated time never goes backwards across events.
    const times = got.map(timeOf)
    expect([...times].sort((a, b) => a - b)).toEqual(times)
    // At most one state event per 250 ms of wall time (one more goes out with a serverDown or ended,
    // so the host sees the state they happened in).
    const immediate = new Set(got.filter((g) => g.event === 'serverDown' || g.event === 'ended').map((g) => g.wall))
    const states = got.filter((g) => g.event === 'state' && !immediate.has(g.wall)).map((g) => g.wall)
    for (let i = 1; i < states.length; i++) expect(states[i]! - states[i - 1]!).toBeGreaterThanOrEqual(THROTTLE_MS)
    expect(states.length).toBeGreaterThan(20)
    const ended = got.find((g) => g.event === 'ended')!.data as EventData['ended']
    expect(ended.timeMs).toBeGreaterThanOrEqual(ended.durationMs)
    expect(ended.timeMs - ended.durationMs).toBeLessThan(16 * 16)
  })

  it('a jump back re-bases: no logout event for counters going down, ended can come again', () => {
    const { got, store, tick } = run('crash-sticky-memory', 400)
    got.length = 0
    store.getState().seek(10_000)
    tick(300)
    expect(got.map((g) => g.event)).toEqual(['state'])
    store.getState().advance(100_000)
    tick(300)
    expect(got.map((g) => g.event)).toEqual(['state', 'serverDown', 'logout', 'state', 'ended'])
  })

  it('stops when asked', () => {
    const { got, store, stop, tick } = run('scale-out-no-affinity', 10)
    stop()
    got.length = 0
    store.getState().advance(5_000)
    tick(1000)
    expect(got).toEqual([])
  })
})
