// "The design changed mid-run": the learner's latest routing or storage switch that has already
// happened, with the counters as they stood at that moment, so the lab can say what happened since
// the switch and offer to replay the run from the start with the new design. Derived from the run's
// script (never stored), so scrubbing back before the switch or forking the run just updates it.

import type { ScriptItem } from '../sim/interventions.ts'
import { appliedScript, seek, type Timeline } from '../sim/timeline.ts'
import type { SimMs, SimState } from '../sim/types.ts'
import { isDesignChoice, isDesignSwitch } from './design.ts'
import type { LabState } from './labStore.ts'

export interface DesignSwitchMark {
  readonly at: SimMs
  /** The counters right after the switch was applied. */
  readonly counters: SimState['counters']
}

// One replay per switch and script: a timeline's script changes only when the learner intervenes.
const marks = new WeakMap<readonly ScriptItem[], Map<SimMs, DesignSwitchMark>>()

export function designSwitchMark(s: { readonly timeline: Timeline; readonly sim: SimState }): DesignSwitchMark | null {
  const applied = appliedScript(s.timeline, s.sim)
  let item: ScriptItem | undefined
  for (let i = applied.length - 1; i >= 0 && !item; i--) if (isDesignSwitch(applied[i]!)) item = applied[i]
  // At 0:00 a switch is the run's starting point: nothing came before it.
  if (!item || item.at === 0) return null
  let byAt = marks.get(s.timeline.script)
  if (!byAt) marks.set(s.timeline.script, (byAt = new Map()))
  let mark = byAt.get(item.at)
  if (!mark) byAt.set(item.at, (mark = { at: item.at, counters: seek(s.timeline, item.at).state.counters }))
  return mark
}

/** Each overrides object as JSON, written once: the state is immutable, and this is asked every frame. */
const jsonOf = new WeakMap<object, string>()
function json(x: unknown): string {
  if (typeof x !== 'object' || x === null) return JSON.stringify(x) ?? ''
  let j = jsonOf.get(x)
  if (j === undefined) jsonOf.set(x, (j = JSON.stringify(x)))
  return j
}

/**
 * Does the run differ from the scenario's own design (so "Scenario defaults" would change something)?
 * The design controls ask on every store change (each frame while playing), so the overrides'
 * JSON is kept per object (docs/DECISIONS.md 2026-11-30 "Phone frame budget").
 */
export function designChanged(s: Pick<LabState, 'overrides' | 'initialOverrides' | 'timeline' | 'sim'>): boolean {
  return json(s.overrides) !== json(s.initialOverrides) || appliedScript(s.timeline, s.sim).some(isDesignChoice)
}
