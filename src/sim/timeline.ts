// Time travel (RaftScope's state.js, made pure): a run is seed + config + script. Checkpoints every
// few simulated seconds make `seek(t)` a restore plus a short replay; stepping back one event
// replays to just after the trace entry before the latest one; an intervention in the past forks the
// run and drops the old future.

import { advanceTo, advanceToItem, advanceToNextTraced, type Script } from './engine.ts'
import type { Intervention, ScriptItem } from './interventions.ts'
import { createSim } from './state.ts'
import { lastTraced } from './trace.ts'
import type { SimConfig, SimMs, SimState } from './types.ts'

const CHECKPOINT_MS = 2_000
const MAX_CHECKPOINTS = 600

export interface Timeline {
  readonly config: SimConfig
  readonly seed: number
  readonly script: Script
  /** States at multiples of `every`, ascending by time; [0] is the state at t = 0. */
  readonly checkpoints: readonly SimState[]
  readonly every: SimMs
}

export function createTimeline(config: SimConfig, seed: number, script: Script = []): Timeline {
  const sorted = sortScript(script)
  // Like every state of a timeline, the first one has processed everything at its time (t = 0).
  return { config, seed, script: sorted, checkpoints: [advanceTo(createSim(config, seed), 0, sorted)], every: CHECKPOINT_MS }
}

function sortScript(script: readonly ScriptItem[]): Script {
  return [...script].sort((a, b) => a.at - b.at)
}

/** Advance `state` (a state of this timeline) to `t`, recording checkpoints on the way. */
export function play(tl: Timeline, state: SimState, t: SimMs): { timeline: Timeline; state: SimState } {
  if (t <= state.now) return { timeline: tl, state }
  let s = state
  let checkpoints: SimState[] | null = null
  const last = tl.checkpoints[tl.checkpoints.length - 1]!
  let boundary = (Math.floor(Math.max(last.now, s.now) / tl.every) + 1) * tl.every
  while (boundary <= t) {
    s = advanceTo(s, boundary, tl.script)
    if (boundary > last.now) (checkpoints ??= [...tl.checkpoints]).push(s)
    boundary += tl.every
  }
  s = advanceTo(s, t, tl.script)
  if (!checkpoints) return { timeline: tl, state: s }
  return { timeline: thin({ ...tl, checkpoints }), state: s }
}

/** Keep memory bounded on long runs: drop every other checkpoint and double the spacing. */
function thin(tl: Timeline): Timeline {
  if (tl.checkpoints.length <= MAX_CHECKPOINTS) return tl
  const every = tl.every * 2
  return { ...tl, every, checkpoints: tl.checkpoints.filter((c) => c.now % every === 0) }
}

/** The latest checkpoint at or before time `t` (or before item number `item`). */
function checkpointBefore(tl: Timeline, t: SimMs, item = Infinity): SimState {
  let lo = 0
  let hi = tl.checkpoints.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    const c = tl.checkpoints[mid]!
    if (c.now <= t && c.itemCount <= item) lo = mid
    else hi = mid - 1
  }
  return tl.checkpoints[lo]!
}

/** The exact state at time `t`, from the nearest checkpoint. Records checkpoints if `t` is new ground. */
export function seek(tl: Timeline, t: SimMs): { timeline: Timeline; state: SimState } {
  const from = checkpointBefore(tl, t)
  return play(tl, from, Math.max(t, from.now))
}

/**
 * One event back: the state right after the traced item before the latest one — exactly where a step
 * forward would have started — so the clock reads that item's time (not the time of whatever untraced
 * item came just before the latest one). Before the first traced item: the start of the run.
 */
export function stepBack(tl: Timeline, state: SimState): SimState {
  const latest = lastTraced(state)
  if (!latest) return tl.checkpoints[0]!
  const previous = lastTraced(replayToItem(tl, latest.t, latest.item - 1))
  if (!previous) return tl.checkpoints[0]!
  return replayToItem(tl, previous.t, previous.item)
}

/** The state after exactly `item` items (or the first checkpoint, if that is already past them). */
function replayToItem(tl: Timeline, t: SimMs, item: number): SimState {
  const from = checkpointBefore(tl, t, item)
  if (from.itemCount >= item) return from
  return advanceToItem(from, item, tl.script)
}

/** One meaningful event forward. */
export function stepForward(tl: Timeline, state: SimState): SimState {
  return advanceToNextTraced(state, tl.script)
}

/**
 * Record a learner's intervention at `state.now`. If `state` is in the timeline's past this forks the
 * run: the learner's own later interventions (the old future) are dropped, while interventions the
 * scenario planned stay planned. Returns the new timeline and the state with the intervention applied.
 */
export function intervene(tl: Timeline, state: SimState, iv: Intervention): { timeline: Timeline; state: SimState } {
  const at = state.now
  const applied = tl.script.slice(0, state.scriptCursor)
  const planned = tl.script.slice(state.scriptCursor).filter((x) => x.by === 'scenario')
  const script = [...applied, { at, do: iv }, ...planned]
  const checkpoints = tl.checkpoints.filter((c) => c.now < at || (c.now === at && c.itemCount <= state.itemCount))
  const timeline: Timeline = { ...tl, script, checkpoints }
  return { timeline, state: advanceTo(state, at, script) }
}

/** The script items already applied in `state`. */
export function appliedScript(tl: Timeline, state: SimState): Script {
  return tl.script.slice(0, state.scriptCursor)
}
