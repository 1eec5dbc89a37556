// Screen-reader narration through one polite live region. While the lab plays: meaningful events
// (logouts, lost carts, crashes, health changes, store outages, deploys, security events), at most
// one message every two seconds, bursts summarised. When the learner moves it (a step, a scrub,
// End, a timeline marker, an intervention while paused) or plays and pauses: at once, what happened
// there — the text is composed when spoken, so the time it names is the time the clock shows.
// Loaded with the lab's first change (Announcer.tsx), which it then reads first; the live-region
// library loads with the first message (it creates its regions then and waits for them before
// speaking). A lab nobody touches fetches neither (first-load budget, docs/DECISIONS.md).

import type * as LiveAnnouncer from '@react-aria/live-announcer'
import { latestTrace } from '../sim/trace.ts'
import type { SimState, TraceKind } from '../sim/types.ts'
import type { LabState, LabStore } from '../store/labStore.ts'
import { formatClock } from './format.ts'

const ANNOUNCED: ReadonlySet<TraceKind> = new Set(['logout', 'cartLost', 'server', 'health', 'store', 'deploy', 'security', 'ws'])
/** A jump reads what happened to the system; the users' logouts come as one count. */
const JUMP: ReadonlySet<TraceKind> = new Set(['server', 'health', 'store', 'deploy', 'security', 'ws'])
const GAP_MS = 2_000
/** Changes this close together (a design switch is two interventions) make one message. */
const SETTLE_MS = 120
/** A move forward that adds at most this many traced items is a step: each one is read out. */
const STEP_ITEMS = 3
/** How many events a message reads before "and N more". */
const READ_AT_MOST = 3

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`)

/** Every traced item newer than `seen`, requests included, oldest first (a step: a handful). */
function allNew(sim: SimState, seen: number): string[] {
  return latestTrace(sim, Math.max(0, sim.traceSeq - seen))
    .filter((e) => e.seq >= seen)
    .reverse()
    .map((e) => sentence(e.text))
}

/** The events of `kinds` newer than `seen`, oldest first; reads back only as far as `seen`. */
function newEvents(sim: SimState, seen: number, kinds: ReadonlySet<TraceKind>): string[] {
  const out: string[] = []
  for (let i = sim.trace.length - 1; i >= 0; i--) {
    const e = sim.trace[i]!
    if (e.seq < seen) break
    if (kinds.has(e.kind)) out.push(sentence(e.text))
  }
  return out.reverse()
}

function summarise(events: readonly string[]): string {
  if (events.length <= READ_AT_MOST) return events.join(' ')
  const more = events.length - READ_AT_MOST
  return `${events.slice(0, READ_AT_MOST).join(' ')} And ${more} more event${more === 1 ? '' : 's'}.`
}

const logoutsSoFar = (sim: SimState) => {
  const n = sim.counters.unexpectedLogouts
  return `${n} unexpected logout${n === 1 ? '' : 's'} so far.`
}

/**
 * Narrates `store` from now on: `backlog` (the changes seen while this file loaded, oldest first) is
 * read first, as if it had been watched live, from trace position `initialSeen`. Returns the stop.
 */
export function narrate(store: LabStore, initialSeen: number, backlog: readonly (readonly [LabState, LabState])[]): () => void {
  let seen = initialSeen
  /** What the learner's latest action should say (composed at flush time), or null. */
  let action: ((s: LabState) => string) | null = null
  /** Events gathered while playing. */
  let events: string[] = []
  let last = -Infinity
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = () => {
    timer = null
    const parts = [action?.(store.getState()), events.length > 0 ? summarise(events) : undefined].filter((x): x is string => !!x)
    action = null
    events = []
    if (parts.length === 0) return
    speak(parts.join(' '))
    last = performance.now()
  }
  const later = (soon: boolean) => {
    if (timer && !soon) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, soon ? SETTLE_MS : Math.max(0, GAP_MS - (performance.now() - last)))
  }
  const onChange = (state: LabState, prev: LabState) => {
    const sim = state.sim
    const playToggled = state.playing !== prev.playing
    if (sim !== prev.sim) {
      if (state.scenarioId !== prev.scenarioId || state.timeline.checkpoints[0] !== prev.timeline.checkpoints[0]) {
        // Another run altogether (a scenario picked, Reset, a scene restarted): no history to tell.
        seen = sim.traceSeq
        events = []
        action = null
      } else if (sim.now < prev.sim.now || sim.traceSeq < seen) {
        // Back in time: where we are now, and what is now the newest thing that happened.
        seen = sim.traceSeq
        events = []
        action = (s) => {
          const newest = latestTrace(s.sim, 1)[0]
          return `Moved back to ${formatClock(s.sim.now)}.${newest ? ` Latest: ${sentence(newest.text)}` : ''}`
        }
        later(true)
      } else if (state.playing && !playToggled) {
        events.push(...newEvents(sim, seen, ANNOUNCED))
        seen = sim.traceSeq
        if (events.length > 0) later(false)
      } else if (sim.traceSeq > seen || sim.now > prev.sim.now) {
        // Moved forward by the learner while paused: a step reads each item; a jump, the notable ones.
        const step = sim.traceSeq - seen <= STEP_ITEMS
        const items = step ? allNew(sim, seen) : newEvents(sim, seen, JUMP)
        seen = sim.traceSeq
        const before = action
        action = step
          ? (s) => [before?.(s), `At ${formatClock(s.sim.now)}: ${items.join(' ') || 'nothing new happened.'}`].filter(Boolean).join(' ')
          : (s) => [`Moved to ${formatClock(s.sim.now)}.`, items.length > 0 ? summarise(items) : 'No crash, logout or outage on the way.', logoutsSoFar(s.sim)].join(' ')
        later(true)
      }
    }
    if (playToggled) {
      const before = action
      action = (s) => [before?.(s), s.playing ? `Playing at ${s.speed}×.` : `Paused at ${formatClock(s.sim.now)}.`].filter(Boolean).join(' ')
      if (!state.playing) events = []
      later(true)
    }
  }
  for (const [state, prev] of backlog) onChange(state, prev)
  const unsubscribe = store.subscribe(onChange)
  return () => {
    unsubscribe()
    if (timer) clearTimeout(timer)
  }
}

let announcer: Promise<typeof LiveAnnouncer> | null = null

/** One polite message, in order: every message waits for the same library load. */
function speak(text: string): void {
  announcer ??= import('@react-aria/live-announcer')
  announcer.then(
    (m) => m.announce(text, 'polite'),
    () => {
      announcer = null // offline: the next message tries again
    },
  )
}
