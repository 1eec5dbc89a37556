// The compare view's controller: one lab store per design (same scenario, same seed, different
// overrides) behind one clock. Every time change — play, advance, step, seek, reset — and every
// intervention is fanned out to all columns, so they always show the same simulated moment of the
// same traffic. A vanilla zustand store, like the lab's; store/playback.ts feeds it time.

import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Intervention, ScriptItem } from '../../sim/interventions.ts'
import type { ScenarioId } from '../../sim/scenarios/index.ts'
import type { SimMs } from '../../sim/types.ts'
import { clampSpeed, createLabStore, type LabStore } from '../../store/labStore.ts'
import type { PlaybackActions } from '../../store/playback.ts'
import { designOverrides, type Design } from './design.ts'
import { MAX_COLUMNS, MIN_COLUMNS, type CompareSetup } from './urlCodec.ts'

export interface ColumnRun {
  /** The column's place on the page: kept when its design changes, so its controls keep focus. */
  readonly slot: number
  /** The run's identity: a new store (a new design) gets a new id. */
  readonly id: number
  readonly design: Design
  readonly store: LabStore
}

export interface CompareState extends PlaybackActions {
  readonly scenario: ScenarioId
  readonly users: number | null
  readonly columns: readonly ColumnRun[]
  readonly playing: boolean
  readonly speed: number
  /** The shared simulated time (every column's `sim.now`). */
  readonly now: SimMs
  readonly horizon: SimMs
  /** Bumped after every change fanned out to the columns, so views can follow all of them at once. */
  readonly frame: number

  setup(): CompareSetup
  load(setup: CompareSetup): void
  setDesign(index: number, design: Design): void
  addColumn(design: Design): void
  removeColumn(index: number): void
  intervene(iv: Intervention): void
}

export type CompareStore = StoreApi<CompareState>

let nextId = 1

function column(scenario: ScenarioId, users: number | null, design: Design, from?: { script: readonly ScriptItem[]; at: SimMs; slot?: number | undefined }): ColumnRun {
  const overrides = { ...designOverrides(design), ...(users !== null ? { users } : {}) }
  // Reset goes back to the column's design as the URL states it (not folding in an added server).
  const store = createLabStore({ scenario, overrides, keepDesign: false, ...(from ? { script: from.script, at: from.at } : {}) })
  const id = nextId++
  return { slot: from?.slot ?? id, id, design, store }
}

export function createCompareStore(init: CompareSetup): CompareStore {
  return createStore<CompareState>((set, get) => {
    const stores = () => get().columns.map((c) => c.store)
    const first = () => get().columns[0]!.store.getState()
    /** After a fan-out: read the shared clock back from the columns. */
    const settle = (extra: Partial<CompareState> = {}) => {
      const now = first().sim.now
      set((s) => ({ now, horizon: Math.max(s.horizon, now), frame: s.frame + 1, ...extra }))
    }
    /** A new column joins at the current moment with the learner's interventions so far replayed. */
    const joining = (design: Design, slot?: number) => {
      const { scenario, users, now } = get()
      const script = first().timeline.script.filter((x) => x.by !== 'scenario')
      const c = column(scenario, users, design, { script, at: now, slot })
      if (get().playing) c.store.getState().play()
      return c
    }
    const fresh = (setup: CompareSetup) => {
      const users = setup.users ?? null
      return { scenario: setup.scenario, users, columns: setup.designs.slice(0, MAX_COLUMNS).map((d) => column(setup.scenario, users, d)), playing: false, now: 0, horizon: 0 }
    }

    return {
      ...fresh(init),
      speed: 1,
      frame: 0,

      setup() {
        const { scenario, users, columns } = get()
        return { scenario, designs: columns.map((c) => c.design), ...(users !== null ? { users } : {}) }
      },
      load(setup) {
        set((s) => ({ ...fresh(setup), frame: s.frame + 1 }))
      },
      setDesign(index, design) {
        const columns = get().columns.slice()
        const old = columns[index]
        if (!old) return
        columns[index] = joining(design, old.slot)
        set((s) => ({ columns, frame: s.frame + 1 }))
      },
      addColumn(design) {
        if (get().columns.length >= MAX_COLUMNS) return
        set((s) => ({ columns: [...s.columns, joining(design)], frame: s.frame + 1 }))
      },
      removeColumn(index) {
        if (get().columns.length <= MIN_COLUMNS) return
        set((s) => ({ columns: s.columns.filter((_, i) => i !== index), frame: s.frame + 1 }))
      },

      play() {
        for (const st of stores()) st.getState().play()
        set({ playing: true })
      },
      pause() {
        for (const st of stores()) st.getState().pause()
        set({ playing: false })
      },
      toggle() {
        if (get().playing) get().pause()
        else get().play()
      },
      setSpeed(speed) {
        set({ speed: clampSpeed(speed) })
      },

      advance(ms) {
        if (ms <= 0) return
        // Every column is taken to the same target, whatever it reached before.
        const target = get().now + ms
        for (const st of stores()) {
          const s = st.getState()
          if (target > s.sim.now) s.advance(target - s.sim.now)
        }
        settle()
      },
      stepForward() {
        get().pause()
        // One event of the first column decides the moment; the others are brought to it.
        first().stepForward()
        const t = first().sim.now
        for (const st of stores().slice(1)) st.getState().seek(t)
        settle()
      },
      stepBack() {
        get().pause()
        first().stepBack()
        const t = first().sim.now
        for (const st of stores().slice(1)) st.getState().seek(t)
        settle()
      },
      seek(t) {
        for (const st of stores()) st.getState().seek(t)
        settle()
      },
      reset() {
        for (const st of stores()) st.getState().reset()
        set((s) => ({ now: 0, horizon: 0, playing: false, frame: s.frame + 1 }))
      },
      intervene(iv) {
        for (const st of stores()) st.getState().intervene(iv)
        // An intervention in the past forks every run: the old future is gone.
        settle({ horizon: first().sim.now })
      },
    }
  })
}
