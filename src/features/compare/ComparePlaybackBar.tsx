// One playback bar for every column: play/pause, step, speed, reset and a timeline to scrub. It
// drives the compare controller, which moves all designs to the same moment together.

import { useId } from 'react'
import { SCENARIOS } from '../../sim/scenarios/index.ts'
import { Button } from '../../components/Button.tsx'
import { Icon } from '../../components/Icon.tsx'
import { SPEEDS } from '../../store/labStore.ts'
import { formatClock } from '../lab/format.ts'
import { interventionLabel } from '../lab/interventionLabel.ts'
import { useCompare, useCompareStore } from './CompareContext.tsx'
import { useThrottledCompare } from './useThrottledCompare.ts'

export function ComparePlaybackBar() {
  const store = useCompareStore()
  const playing = useCompare((s) => s.playing)
  const speed = useCompare((s) => s.speed)
  const horizon = useCompare((s) => s.horizon)
  const duration = useCompare((s) => SCENARIOS[s.scenario].durationMs)
  const now = useThrottledCompare((s) => s.now, 50)
  // Interventions are the same in every column: the first one's script shows them all.
  const script = useThrottledCompare((s) => s.columns[0]!.store.getState().timeline.script, 250)
  const speedId = useId()
  const end = Math.max(horizon, duration, now)
  const { toggle, stepBack, stepForward, reset, setSpeed, seek } = store.getState()

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Playback for every design">
      <Button look="ghost" onClick={reset} aria-label="Reset every design to the start" title="Reset">
        <Icon name="reset" />
        <span className="max-sm:sr-only">Reset</span>
      </Button>
      <Button look="ghost" onClick={stepBack} aria-label="Step back one event" title="Step back">
        <Icon name="stepBack" />
      </Button>
      <Button look="primary" onClick={toggle} aria-label={playing ? 'Pause' : 'Play'} className="min-w-[5.5rem]" data-testid="compare-play">
        <Icon name={playing ? 'pause' : 'play'} />
        <span>{playing ? 'Pause' : 'Play'}</span>
      </Button>
      <Button look="ghost" onClick={stepForward} aria-label="Step forward one event" title="Step forward">
        <Icon name="stepForward" />
      </Button>
      <div className="flex items-center gap-1">
        <label htmlFor={speedId} className="text-xs text-muted">
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
      <output className="tabular min-w-[4.5rem] text-right font-mono text-sm" aria-label="Simulated time" data-testid="compare-clock">
        {formatClock(now)}
      </output>
      <div className="relative min-w-[12rem] flex-1 py-2">
        <input
          type="range"
          min={0}
          max={end}
          step={100}
          value={now}
          onChange={(e) => seek(Number(e.target.value))}
          aria-label="Timeline"
          aria-valuetext={`${formatClock(now)} of ${formatClock(end)}`}
          className="w-full accent-[var(--color-accent)]"
          data-testid="compare-timeline"
        />
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
      </div>
    </div>
  )
}
