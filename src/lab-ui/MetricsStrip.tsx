// The metrics strip: always right under the stage, wherever the stage is — unexpected logouts and the
// scenario's own figure (carts lost, imbalance, p95…), live. A bad counter that jumps flashes (CSS,
// replayed by keying the number); each figure's "?" explains it; after a mid-run design switch the
// counters also say how many happened since. Small extras (the table/stage switch, the stale-chip
// legend, an embed's "open full lab") sit at its end.

import type { ReactNode } from 'react'
import { designSwitchMark } from '../store/designSwitch.ts'
import { useLab } from '../store/LabContext.tsx'
import { useThrottledLab } from '../store/useThrottled.ts'
import { Explain } from './Explain.tsx'
import { METRICS, sinceSwitch, stripMetrics } from './metricDefs.ts'

export function MetricsStrip({ children }: { children?: ReactNode }) {
  const scenario = useLab((s) => s.scenarioId)
  const ids = stripMetrics(scenario)
  // As one string, so the strip re-renders only when a figure changes.
  const values = useThrottledLab((s) => {
    const mark = designSwitchMark(s)
    return ids.map((id) => `${METRICS[id].read(s.sim)}/${sinceSwitch(METRICS[id], s.sim, mark) ?? ''}`).join('|')
  }, 200)
  const shown = values.split('|').map((v) => v.split('/'))
  return (
    <div className="flex min-h-8 flex-wrap items-center gap-x-4 gap-y-1" data-testid="metrics-strip">
      <dl className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-0.5">
        {ids.map((id, i) => {
          const def = METRICS[id]
          const value = Number(shown[i]?.[0] ?? 0)
          const since = shown[i]?.[1] ?? ''
          const alarm = def.bad && value > 0
          return (
            <div key={id} className="flex items-center gap-1">
              <dt className="flex items-center text-xs text-muted">
                <span className="max-sm:hidden">{def.label}</span>
                <span className="sm:hidden">{def.short}</span>
                {def.term && <Explain id={def.term} label={def.label} />}
              </dt>
              <dd className="tabular text-lg leading-none font-semibold">
                <span key={value} data-testid={def.testId} className={`rounded px-0.5 ${alarm ? 'metric-flash text-bad' : ''}`}>
                  {value}
                </span>
                {def.unit && <span className="ml-0.5 text-xs font-normal text-muted">{def.unit}</span>}
                {since !== '' && (
                  <span className="ml-1 text-[11px] font-normal text-muted" data-testid={`${def.testId}-since`}>
                    ({since} since the switch)
                  </span>
                )}
              </dd>
            </div>
          )
        })}
      </dl>
      {children && <div className="ml-auto flex items-center gap-2">{children}</div>}
    </div>
  )
}
