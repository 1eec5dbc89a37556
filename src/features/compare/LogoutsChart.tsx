// Unexpected logouts so far, one line per design on one chart: the run's story at a glance (flat
// for the design that keeps sessions safe, a step up at the crash for the one that doesn't).

import { useMemo } from 'react'
import { LineChart } from '../../components/charts/LineChart.tsx'
import { designLabel } from './design.ts'
import { clockSeconds, logoutSeries, SECOND_INCRS } from './historySeries.ts'
import { useThrottledCompare } from './useThrottledCompare.ts'

export function LogoutsChart() {
  const histories = useThrottledCompare((s) => s.columns.map((c) => c.store.getState().sim.history), 300)
  const labels = useThrottledCompare((s) => s.columns.map((c, i) => `${i + 1}. ${designLabel(c.design)}`).join('\n'), 300)
  const { x, series } = useMemo(() => logoutSeries(histories, labels.split('\n')), [histories, labels])
  const latest = series.map((s) => `${s.label}: ${s.values.at(-1) ?? 0}`).join('; ')
  return (
    <section className="rounded-xl border border-line bg-card p-3">
      <LineChart
        title="Unexpected logouts over time"
        summary={`Unexpected logouts so far, per design. ${latest}.`}
        x={x}
        series={series}
        xLabel="Time"
        formatX={clockSeconds}
        xIncrs={SECOND_INCRS}
        yLabel="logouts"
        height={200}
        integer
        stepped
        testId="logouts-chart"
      />
    </section>
  )
}
