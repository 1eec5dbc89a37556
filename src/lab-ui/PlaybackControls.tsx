// The playback controls shared by the lab and the compare view: reset, step back, play/pause, step
// forward, speed, the simulated clock, and a timeline to scrub with a marker for every intervention
// (scenario-planned or the learner's own). Presentational: each caller wires it to its own store.

import { memo, useId } from 'react'
import type { ScriptItem } from '../sim/interventions.ts'
import { Button } from '../components/Button.tsx'
import { Icon } from '../components/Icon.tsx'
import { SPEEDS } from '../store/labStore.ts'
import type { PlaybackActions } from '../store/playback.ts'
import { formatClock } from './format.ts'
import { interventionLabel } from '../sim/interventions.ts'

export interface PlaybackControlsProps {
  /** Accessible name of the group ("Playback", "Playback for every design"). */
  label: string
  resetLabel: string
  /** Hide the Reset word (icon only) where space is tight. */
  compact?: boolean
  /** Advertise Space as the play/pause shortcut (only where the shortcut exists). */
  spaceShortcut?: boolean
  playing: boolean
  speed: number
  now: number
  end: number
  script: readonly ScriptItem[]
  /** The store the buttons drive (the lab's, or the compare controller). */
  actions: PlaybackActions
  /** Test ids of the play button, the clock and the timeline. */
  ids: { play: string; clock: string; timeline: string }
}

export function PlaybackControls(p: PlaybackControlsProps) {
  const { reset, stepBack, toggle, stepForward, setSpeed, seek } = p.actions
  // The clock and the timeline's thumb change 10–20 times a second while playing; the buttons, the
  // speed picker and the markers don't, so they are memoized apart and skip those renders (on a
  // phone the whole group re-rendering was a large share of each frame: docs/DECISIONS.md
  // 2026-11-30 "Phone frame budget").
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={p.label}>
      <Transport resetLabel={p.resetLabel} compact={p.compact ?? false} spaceShortcut={p.spaceShortcut ?? false} playing={p.playing} playId={p.ids.play} reset={reset} stepBack={stepBack} toggle={toggle} stepForward={stepForward} />
      <Speed speed={p.speed} compact={p.compact ?? false} setSpeed={setSpeed} />
      <output className="tabular min-w-[4.5rem] text-right font-mono text-sm" aria-label="Simulated time" data-testid={p.ids.clock}>
        {formatClock(p.now)}
      </output>
      <div className="relative min-w-[12rem] flex-1 py-2">
        <input
          type="range"
          min={0}
          max={p.end}
          step={100}
          value={p.now}
          onChange={(e) => seek(Number(e.target.value))}
          aria-label="Timeline"
          aria-valuetext={`${formatClock(p.now)} of ${formatClock(p.end)}`}
          className="h-6 w-full accent-[var(--color-accent)]"
          data-testid={p.ids.timeline}
        />
        <Markers script={p.script} end={p.end} seek={seek} />
      </div>
    </div>
  )
}

interface TransportProps {
  resetLabel: string
  compact: boolean
  spaceShortcut: boolean
  playing: boolean
  playId: string
  reset(): void
  stepBack(): void
  toggle(): void
  stepForward(): void
}

const Transport = memo(function Transport(p: TransportProps) {
  return (
    <>
      <Button look="ghost" onClick={p.reset} aria-label={p.resetLabel} title={p.resetLabel}>
        <Icon name="reset" />
        {!p.compact && <span className="max-sm:sr-only">Reset</span>}
      </Button>
      <Button look="ghost" onClick={p.stepBack} aria-label="Step back one event" title={p.spaceShortcut ? 'Step back (←)' : 'Step back'}>
        <Icon name="stepBack" />
      </Button>
      <Button
        look="primary"
        onClick={p.toggle}
        aria-label={p.playing ? 'Pause' : 'Play'}
        {...(p.spaceShortcut ? { 'aria-keyshortcuts': 'Space' } : {})}
        className="min-w-[5.5rem]"
        data-testid={p.playId}
      >
        <Icon name={p.playing ? 'pause' : 'play'} />
        <span>{p.playing ? 'Pause' : 'Play'}</span>
      </Button>
      <Button look="ghost" onClick={p.stepForward} aria-label="Step forward one event" title={p.spaceShortcut ? 'Step forward (→)' : 'Step forward'}>
        <Icon name="stepForward" />
      </Button>
    </>
  )
})

const Speed = memo(function Speed({ speed, compact, setSpeed }: { speed: number; compact: boolean; setSpeed(speed: number): void }) {
  const speedId = useId()
  return (
    <div className="flex items-center gap-1">
      <label htmlFor={speedId} className={compact ? 'sr-only' : 'text-xs text-muted'}>
        Speed
      </label>
      <select id={speedId} value={speed} onChange={(e) => setSpeed(Number(e.target.value))} className="rounded border border-line bg-card px-1.5 py-1 text-sm">
        {SPEEDS.map((x) => (
          <option key={x} value={x}>
            {x}×
          </option>
        ))}
      </select>
    </div>
  )
})

/** A marker for every intervention on the timeline; a click jumps there. */
const Markers = memo(function Markers({ script, end, seek }: { script: readonly ScriptItem[]; end: number; seek(t: number): void }) {
  return (
    <ul className="pointer-events-none absolute inset-x-0 -top-2.5 h-6" aria-label="Interventions on the timeline">
      {script.map((item, i) => (
        <li key={i} className="absolute -translate-x-1/2" style={{ left: `${(item.at / end) * 100}%` }}>
          <button
            type="button"
            onClick={() => seek(item.at)}
            className="pointer-events-auto flex h-6 w-6 items-center justify-center rounded"
            title={`${formatClock(item.at)} ${interventionLabel(item.do)}`}
            aria-label={`Jump to ${formatClock(item.at)}: ${interventionLabel(item.do)}${item.by === 'scenario' ? ' (planned by the scenario)' : ' (yours)'}`}
          >
            <span aria-hidden="true" className={`block h-3 w-3 rotate-45 border ${item.by === 'scenario' ? 'border-accent bg-accent' : 'border-warn bg-warn'}`} />
          </button>
        </li>
      ))}
    </ul>
  )
})
