// One design in the comparison: its name and editor, its key numbers, a compact stage and its
// per-server load chart. It renders its own lab store through <LabProvider>; time comes from the
// compare controller, never from this column.

import { useId } from 'react'
import { Button } from '../../components/Button.tsx'
import { SERIES_DASH, SERIES_SLOTS } from '../../components/charts/theme.ts'
import type { SimState } from '../../sim/types.ts'
import { LabProvider } from '../../store/LabContext.tsx'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { ConfigForDesign } from '../../lab-ui/config/ConfigForDesign.tsx'
import { formatClock } from '../../lab-ui/format.ts'
import { ColumnEditor } from './ColumnEditor.tsx'
import { ColumnStage } from './ColumnStage.tsx'
import type { ColumnRun } from './compareStore.ts'
import { designLabel, designToken } from './design.ts'
import { ServerLoadChart } from './ServerLoadChart.tsx'
import { useEditSetup } from './useEditSetup.ts'

export function CompareColumn({ index, column, removable }: { index: number; column: ColumnRun; removable: boolean }) {
  const headingId = useId()
  const { removeColumn } = useEditSetup()
  const n = index + 1
  const remove = () => {
    removeColumn(index)
    // The button is gone with its column: put focus on the neighbour's heading instead of nowhere.
    requestAnimationFrame(() => document.querySelectorAll<HTMLElement>('[data-testid=compare-column] h2')[Math.max(0, index - 1)]?.focus())
  }
  return (
    <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3 rounded-xl border border-line bg-card p-3" data-testid="compare-column" data-design={designToken(column.design)}>
      <header className="flex items-start gap-2">
        <SeriesKey slot={index} />
        <h2 id={headingId} tabIndex={-1} className="min-w-0 flex-1 text-base font-semibold leading-snug">
          <span className="text-muted">{n}.</span> {designLabel(column.design)}
        </h2>
        {removable && (
          <Button size="sm" look="ghost" onClick={remove} aria-label={`Remove design ${n}`} title="Remove this design">
            ✕
          </Button>
        )}
      </header>
      <ColumnEditor index={index} design={column.design} lb={column.store.getState().sim.config.lb} />
      {/* A new design is a new run: a fresh provider for its store (the controls above stay put). */}
      <LabProvider key={column.id} store={column.store}>
        <ColumnBody />
        <ServerLoadChart n={n} />
        <ConfigForDesign context={`design ${n}`} />
      </LabProvider>
    </section>
  )
}

/** Everything that follows the column's simulation, from one throttled read (~8×/s while playing). */
function ColumnBody() {
  const sim = useThrottledLab((s) => s.sim, 120)
  return (
    <>
      <Counters sim={sim} />
      <ColumnStage sim={sim} />
    </>
  )
}

function Counters({ sim }: { sim: SimState }) {
  const c = sim.counters
  const items = [
    ['Unexpected logouts', c.unexpectedLogouts, 'col-logouts'],
    ['Carts lost', c.cartsLost, 'col-carts'],
    ['Failed requests', c.failed, 'col-failed'],
  ] as const
  // One line, like the lab's metrics strip: the scoreboard beside or below has the rest.
  return (
    <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <dl className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        {items.map(([label, value, id]) => (
          <div key={id} className="flex items-baseline gap-1.5">
            <dt className="text-xs text-muted">{label}</dt>
            <dd className={`tabular text-lg leading-none font-semibold ${value > 0 ? 'text-bad' : ''}`} data-testid={id}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="ml-auto text-xs text-muted">
        At <span className="tabular font-mono" data-testid="col-clock" data-ms={sim.now}>{formatClock(sim.now)}</span>
      </p>
    </div>
  )
}

/** A short sample of this design's line in the shared logouts chart (colour and dash). */
function SeriesKey({ slot }: { slot: number }) {
  const s = slot % SERIES_SLOTS
  return (
    <svg width="24" height="12" viewBox="0 0 24 12" aria-hidden="true" className="mt-1.5 shrink-0">
      <line x1="1" y1="6" x2="23" y2="6" stroke={`var(--chart-${s + 1})`} strokeWidth="3" strokeDasharray={SERIES_DASH[s]?.join(' ')} />
    </svg>
  )
}
