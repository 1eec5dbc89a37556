// The host API's events, read off the lab store: `state` (throttled to ~4 a second, so a playing lab
// reports its counters without flooding the host), `logout` (unexpected logouts since the last one,
// coalesced the same way), `serverDown` (a server crashed or was removed) and `ended` (the scenario's
// story played out), each the moment it happens. Pending throttled events are flushed before an
// immediate one, so events always arrive in simulated-time order. Jumping back (seek, reset, load)
// re-bases the counters without events. See docs/EMBED_API.md.

import { SCENARIOS } from '../../../lab-ui/engine.ts'
import type { LabState as StoreState, LabStore } from '../../../store/labStore.ts'
import type { EventData, EventName } from './client.ts'
import { snapshot } from './state.ts'

export const THROTTLE_MS = 250

export type Emit = <E extends EventName>(event: E, data: () => EventData[E]) => void

export interface Clock {
  now(): number
  setTimeout(f: () => void, ms: number): unknown
  clearTimeout(t: unknown): void
}

const browserClock: Clock = {
  now: () => performance.now(),
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
}

const isDown = (status: string) => status === 'crashed' || status === 'removed'

export function watchEvents(store: LabStore, emit: Emit, clock: Clock = browserClock): () => void {
  let prev = store.getState()
  let logoutBase = prev.sim.counters.unexpectedLogouts
  let logoutAdded = 0
  let logoutAt = 0
  let stateDirty = false
  let lastFlush = -Infinity
  let timer: unknown = null
  let ended = prev.sim.now >= SCENARIOS[prev.scenarioId].durationMs

  const emitLogouts = () => {
    if (logoutAdded === 0) return
    const data = { timeMs: logoutAt, added: logoutAdded, total: logoutBase }
    logoutAdded = 0
    emit('logout', () => data)
  }
  const flush = () => {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    lastFlush = clock.now()
    emitLogouts()
    if (stateDirty) {
      stateDirty = false
      emit('state', () => snapshot(store.getState()))
    }
  }
  const later = () => {
    if (timer !== null) return
    const wait = lastFlush + THROTTLE_MS - clock.now()
    if (wait <= 0) flush()
    else timer = clock.setTimeout(flush, wait)
  }

  const onChange = (next: StoreState) => {
    const before = prev
    prev = next
    const sim = next.sim
    const durationMs = SCENARIOS[next.scenarioId].durationMs
    stateDirty = true
    const jumpedBack = sim.now < before.sim.now || (sim.now === 0 && next.timeline !== before.timeline)
    if (next.scenarioId !== before.scenarioId || next.seed !== before.seed || jumpedBack) {
      // A new run or a jump back: nothing "happened", start counting from here.
      logoutBase = sim.counters.unexpectedLogouts
      logoutAdded = 0
      ended = sim.now >= durationMs
      later()
      return
    }
    const downNow = sim.servers.filter((srv) => isDown(srv.status) && !isDown(before.sim.servers.find((b) => b.id === srv.id)?.status ?? 'up'))
    const endsNow = !ended && sim.now >= durationMs
    // Logouts from earlier frames go out before anything this frame brought.
    if (downNow.length > 0 || endsNow) emitLogouts()
    for (const srv of downNow) emit('serverDown', () => ({ timeMs: srv.statusSince, server: srv.id, status: srv.status as 'crashed' | 'removed' }))
    const logouts = sim.counters.unexpectedLogouts
    if (logouts > logoutBase) {
      logoutAdded += logouts - logoutBase
      logoutAt = sim.now
    }
    logoutBase = logouts
    if (downNow.length === 0 && !endsNow) return later()
    flush()
    if (endsNow) {
      ended = true
      emit('ended', () => ({ timeMs: sim.now, durationMs }))
    }
  }

  const unsubscribe = store.subscribe(onChange)
  return () => {
    unsubscribe()
    if (timer !== null) clock.clearTimeout(timer)
  }
}
