// One design's per-server load over the last minute (requests answered per second), live — the
// place where a crash, a hotspot or a scale-out shows as lines moving apart.

import { useMemo } from 'react'
import { LineChart } from '../../components/charts/LineChart.tsx'
import type { ServerId } from '../../sim/types.ts'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { clockSeconds, SECOND_INCRS, serverLoadSeries } from './historySeries.ts'

export function ServerLoadChart({ n }: { n: number }) {
  const history = useThrottledLab((s) => s.sim.history, 300)
  const ids = useThrottledLab((s) => s.sim.servers.map((x) => x.id).join(','), 300)
  const { x, series } = useMemo(() => serverLoadSeries(history, ids.split(',') as ServerId[]), [history, ids])
  const latest = series.map((s) => `${s.label} ${s.values.at(-1) ?? 0}`).join(', ')
  return (
    <LineChart
      title={`Load per server, design ${n}`}
      summary={x.length === 0 ? 'No samples yet.' : `Requests answered per second by each server over the last minute. Latest second: ${latest}.`}
      x={x}
      series={series}
      xLabel="Time"
      formatX={clockSeconds}
      xIncrs={SECOND_INCRS}
      yLabel="req/s"
      height={140}
      integer
      testId="load-chart"
    />
  )
}
