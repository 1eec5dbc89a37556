// Playback: play/pause, step back/forward one event, speed, reset, and a timeline to scrub with a
// marker for every intervention (scenario-planned or the learner's own).

import { useId } from 'react'
import { SCENARIOS } from '../../sim/scenarios/index.ts'
import { Button } from '../../components/Button.tsx'
import { Icon } from '../../components/Icon.tsx'
import { SPEEDS } from '../../store/labStore.ts'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { useLab, useLabStore } from '../../store/LabContext.tsx'
import { formatClock } from './format.ts'
import { interventionLabel } from './interventionLabel.ts'

export function PlaybackBar({ compact = false }: { compact?: boolean }) {
  const store = useLabStore()
  const playing = useLab((s) => s.playing)
  const speed = useLab((s) => s.speed)
  // The clock and the timeline's end move every frame while playing; 20 updates a second is plenty.
  const now = useThrottledLab((s) => s.sim.now, 50)
  const horizon = useThrottledLab((s) => s.horizon, 50)
  const duration = useLab((s) => SCENARIOS[s.scenarioId].durationMs)
  const script = useLab((s) => s.timeline.script)
  const speedId = useId()
  const end = Math.max(horizon, duration, now)
  const { toggle, stepBack, stepForward, reset, setSpeed, seek } = store.getState()

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Playback">
      <Button look="ghost" onClick={reset} aria-label="Reset to the start" title="Reset">
        <Icon name="reset" />
        {!compact && <span className="max-sm:sr-only">Reset</span>}
      </Button>
      <Button look="ghost" onClick={stepBack} aria-label="Step back one event" title="Step back (←)">
        <Icon name="stepBack" />
      </Button>
      <Button look="primary" onClick={toggle} aria-label={playing ? 'Pause' : 'Play'} aria-keyshortcuts="Space" className="min-w-[5.5rem]" data-testid="play">
        <Icon name={playing ? 'pause' : 'play'} />
        <span>{playing ? 'Pause' : 'Play'}</span>
      </Button>
      <Button look="ghost" onClick={stepForward} aria-label="Step forward one event" title="Step forward (→)">
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
      <output className="tabular min-w-[4.5rem] text-right font-mono text-sm" aria-label="Simulated time" data-testid="clock">
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
          className="h-6 w-full accent-[var(--color-accent)]"
          data-testid="timeline"
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
