// One lab instance's state: a vanilla zustand store (no React here), created per lab — a lesson page
// can hold several labs and an embed never shares state. It owns the run's timeline (seed + config +
// script + checkpoints) and the current simulation state; playback.ts feeds it time.
// A run needs its load balancer's code: the store is created once that product is loaded
// (LabProvider waits for it), and `load` of a run under another product fetches that product first
// (productLoader.ts) — synchronous whenever it is already there, as it always is in Node.

import { createStore, type StoreApi } from 'zustand/vanilla'
import { resolveConfig, type ConfigPatch } from '../sim/config.ts'
import type { Intervention } from '../sim/interventions.ts'
import { SCENARIOS, type ScenarioId } from '../sim/scenarios/index.ts'
import { appliedScript, createTimeline, intervene, play, seek, stepBack, stepForward, type Timeline } from '../sim/timeline.ts'
import type { LbProductId, ServerId, SimMs, SimState } from '../sim/types.ts'
import type { ScriptItem } from '../sim/interventions.ts'
import { designKind, learnerDesign, mergePatches, modeDesign } from './design.ts'
import type { PlaybackActions } from './playback.ts'
import { interventionParts, runParts } from '../sim/products/engine/runParts.ts'
import { loadParts, loadRun, partsReady, runReady, type RunNeeds } from './productLoader.ts'

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const

export { modeDesign }
export type Mode = 'sticky' | 'stateless' | 'custom'

export interface LabInit {
  scenario: ScenarioId
  seed?: number
  overrides?: ConfigPatch
  /** Learner interventions to replay on top of the scenario's own (share links). */
  script?: readonly ScriptItem[]
  /** Start at this simulated time (share links). */
  at?: SimMs
  speed?: number
  playing?: boolean
  /**
   * Reset keeps the learner's design (routing, storage, servers, users, knobs) and restarts at 0:00
   * with it (default). False: Reset goes back to exactly this init (a walkthrough, compare columns).
   */
  keepDesign?: boolean
}

export interface LabState extends PlaybackActions {
  readonly scenarioId: ScenarioId
  readonly seed: number
  /** The config on top of the scenario's: the lab's init, plus the design kept by each Reset. */
  readonly overrides: ConfigPatch
  /** The overrides the lab was opened with: "Scenario defaults" returns to them. */
  readonly initialOverrides: ConfigPatch
  readonly keepDesign: boolean
  readonly timeline: Timeline
  readonly sim: SimState
  /** The furthest simulated time reached so far (the scrubber's end). */
  readonly horizon: SimMs
  readonly playing: boolean
  readonly speed: number
  readonly view: 'stage' | 'table'
  readonly selectedRequest: number | null
  readonly selectedUser: number | null
  readonly logFilter: { readonly user: number | null; readonly server: ServerId | null }
  /** A run asked for by `load` whose load balancer's code could not be fetched (the old run goes on). */
  readonly loadError: string | null
  /** A Sticky/Stateless switch waiting for its routing code: the toggle shows it at once, the run changes when it lands. */
  readonly pendingMode: 'sticky' | 'stateless' | null

  /** Open another run; under a product not loaded yet, once its code has arrived (the latest call wins). */
  load(init: LabInit): void
  /** Restart at 0:00 with the scenario's own design (the overrides the lab was opened with). */
  restoreDefaults(): void
  intervene(iv: Intervention): void
  setMode(mode: 'sticky' | 'stateless'): void
  /**
   * Put another load balancer in the middle. A product swap is a new load balancer (its own cookie
   * names and health state), not an intervention: the run is replayed from 0:00 under `lb` with the
   * learner's interventions, back to the current moment (docs/DECISIONS.md, "products").
   */
  setLb(lb: LbProductId): void
  setView(view: 'stage' | 'table'): void
  selectRequest(id: number | null): void
  selectUser(id: number | null): void
  setLogFilter(filter: { user: number | null; server: ServerId | null }): void
}

export type LabStore = StoreApi<LabState>

/**
 * What `init`'s run needs loaded first: its load balancer, resolved as `build` does (the last `lb`
 * wins), and the parts its policies use (scenario script included).
 */
export function runNeeds(init: Pick<LabInit, 'scenario' | 'overrides' | 'script'>): RunNeeds {
  const sc = SCENARIOS[init.scenario]
  const config = resolveConfig(sc.config, init.overrides ?? {})
  return { lb: config.lb, parts: runParts(config.lb, config.policy, [...sc.script, ...(init.script ?? [])]) }
}

function build(init: LabInit) {
  const sc = SCENARIOS[init.scenario]
  const overrides = init.overrides ?? {}
  const seed = init.seed ?? sc.seed
  const config = resolveConfig(sc.config, overrides)
  const script = [...sc.script, ...(init.script ?? [])].sort((a, b) => a.at - b.at)
  let timeline = createTimeline(config, seed, script)
  let sim = timeline.checkpoints[0]!
  if (init.at && init.at > 0) ({ timeline, state: sim } = play(timeline, sim, init.at))
  return { scenarioId: init.scenario, seed, overrides, timeline, sim, horizon: sim.now }
}

export function createLabStore(init: LabInit): LabStore {
  // Every `load` takes a number; a load still waiting for its product applies only if none came after.
  let loads = 0
  return createStore<LabState>((set, get) => {
    /** Once `loading` has landed, `again` — unless another run was loaded meanwhile; a failed fetch is the lab's `loadError` while the run goes on. */
    const whenLoaded = (loading: Promise<void>, ticket: number, again: () => void): void => {
      loading.then(
        () => {
          if (ticket === loads) again()
        },
        (e: unknown) => {
          if (ticket === loads) set({ loadError: e instanceof Error ? e.message : String(e), pendingMode: null })
        },
      )
    }
    return {
      ...build(init),
      initialOverrides: init.overrides ?? {},
      keepDesign: init.keepDesign ?? true,
      playing: init.playing ?? false,
      speed: clampSpeed(init.speed ?? 1),
      view: 'stage',
      selectedRequest: null,
      selectedUser: null,
      logFilter: { user: null, server: null },
      loadError: null,
      pendingMode: null,

      play: () => set({ playing: true }),
      pause: () => set({ playing: false }),
      toggle: () => set((s) => ({ playing: !s.playing })),
      setSpeed: (speed) => set({ speed: clampSpeed(speed) }),

      advance(ms) {
        const { timeline, sim, horizon } = get()
        if (ms <= 0) return
        const next = play(timeline, sim, sim.now + ms)
        set({ timeline: next.timeline, sim: next.state, horizon: Math.max(horizon, next.state.now) })
      },

      stepForward() {
        const { timeline, sim, horizon } = get()
        const state = stepForward(timeline, sim)
        set({ sim: state, playing: false, horizon: Math.max(horizon, state.now) })
      },

      stepBack() {
        const { timeline, sim } = get()
        set({ sim: stepBack(timeline, sim), playing: false })
      },

      seek(t) {
        const { timeline, horizon } = get()
        const target = Math.max(0, Math.round(t))
        const next = seek(timeline, target)
        set({ timeline: next.timeline, sim: next.state, horizon: Math.max(horizon, next.state.now) })
      },

      reset() {
        const { scenarioId, seed, overrides, initialOverrides, keepDesign, timeline, sim } = get()
        const kept = keepDesign ? mergePatches(overrides, learnerDesign(timeline.config, appliedScript(timeline, sim))) : initialOverrides
        set({ ...build({ scenario: scenarioId, seed, overrides: kept }), playing: false, selectedRequest: null, selectedUser: null })
      },

      restoreDefaults() {
        const { scenarioId, seed, initialOverrides } = get()
        set({ ...build({ scenario: scenarioId, seed, overrides: initialOverrides }), playing: false, selectedRequest: null, selectedUser: null })
      },

      load(next) {
        const ticket = ++loads
        const needs = runNeeds(next)
        if (!runReady(needs)) {
          whenLoaded(loadRun(needs), ticket, () => get().load(next))
          return
        }
        set({
          loadError: null,
          pendingMode: null,
          ...build(next),
          initialOverrides: next.overrides ?? {},
          keepDesign: next.keepDesign ?? true,
          playing: next.playing ?? false,
          // A caller that names a speed (a lesson scene runs at 4×) gets it; otherwise the learner's stays.
          ...(next.speed !== undefined ? { speed: clampSpeed(next.speed) } : {}),
          selectedRequest: null,
          selectedUser: null,
          logFilter: { user: null, server: null },
        })
      },

      intervene(iv) {
        const { timeline, sim } = get()
        // Switching to a policy whose part isn't here yet: once it has arrived, unless another run was loaded meanwhile.
        const parts = interventionParts(sim.config.lb, iv)
        if (!partsReady(parts)) {
          const ticket = loads
          whenLoaded(loadParts(parts), ticket, () => get().intervene(iv))
          return
        }
        const next = intervene(timeline, sim, iv)
        set({ timeline: next.timeline, sim: next.state, horizon: next.state.now })
      },

      setMode(mode) {
        const { sim } = get()
        const want = modeDesign(mode, sim.config.lb)
        // One switch, not two: when the new policy's part isn't here yet, neither change lands until it is
        // (storage first and routing a moment later would run a few requests under a design nobody chose).
        const parts = interventionParts(sim.config.lb, { kind: 'setPolicy', policy: want.policy })
        if (!partsReady(parts)) {
          const ticket = loads
          set({ pendingMode: mode })
          whenLoaded(loadParts(parts), ticket, () => get().setMode(mode))
          return
        }
        if (get().pendingMode !== null) set({ pendingMode: null })
        // Storage first, so the sessions are already in their new home when routing changes.
        if (sim.config.storage !== want.storage) get().intervene({ kind: 'setStorage', storage: want.storage })
        if (get().sim.config.policy !== want.policy) get().intervene({ kind: 'setPolicy', policy: want.policy })
      },

      setLb(lb) {
        // Like `load`: under a product not loaded yet, once its code has arrived, unless a later load came.
        const ticket = ++loads
        const { scenarioId, seed, overrides, timeline, sim } = get()
        const next = { scenario: scenarioId, seed, overrides: { ...overrides, lb }, script: timeline.script.filter((x) => x.by !== 'scenario') }
        const needs = runNeeds(next)
        if (!runReady(needs)) {
          whenLoaded(loadRun(needs), ticket, () => get().setLb(lb))
          return
        }
        if (sim.config.lb === lb) return
        set({ ...build({ ...next, at: sim.now }), loadError: null, selectedRequest: null, selectedUser: null })
      },

      setView: (view) => set({ view }),
      selectRequest: (selectedRequest) => set({ selectedRequest }),
      selectUser: (selectedUser) => set({ selectedUser }),
      setLogFilter: (logFilter) => set({ logFilter }),
    }
  })
}

export function clampSpeed(x: number): number {
  if (!Number.isFinite(x)) return 1
  return Math.min(16, Math.max(0.25, x))
}

/** Which side of the Design toggle the current config is on: any affinity over server memory is Sticky. */
export function modeOf(sim: SimState): Mode {
  const kind = designKind(sim.config)
  return kind === 'mixed' ? 'custom' : kind
}
