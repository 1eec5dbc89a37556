// A live line chart (uPlot on canvas) with a legend, an accessible summary and its data as a table.
// Callers pass plain arrays and re-render a few times a second; the canvas is updated in place.

import { useMemo } from 'react'
import uPlot from 'uplot'
import { ChartData } from './ChartData.tsx'
import { SERIES_DASH, SERIES_SLOTS } from './theme.ts'
import { useUPlot } from './useUPlot.ts'

export interface LineSeries {
  readonly label: string
  readonly values: readonly (number | null)[]
}

const MAX_TABLE_ROWS = 60
const INTEGER_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000]
const FONT = '11px ui-sans-serif, system-ui, sans-serif'

export function LineChart({
  title,
  summary,
  x,
  series,
  xLabel,
  formatX = String,
  yLabel,
  height = 170,
  integer = false,
  stepped = false,
  xIncrs,
  testId,
}: {
  title: string
  /** What the chart shows right now, in one sentence (the canvas's accessible name). */
  summary: string
  x: readonly number[]
  series: readonly LineSeries[]
  xLabel: string
  formatX?: (v: number) => string
  yLabel: string
  height?: number
  integer?: boolean
  stepped?: boolean
  /** Allowed tick spacings on the x axis (e.g. whole seconds); uPlot's defaults otherwise. */
  xIncrs?: readonly number[]
  testId?: string
}) {
  const data = useMemo(() => [x, ...series.map((s) => s.values)] as unknown as uPlot.AlignedData, [x, series])
  const shape = `${series.map((s) => s.label).join('|')}/${height}/${integer}/${stepped}`
  const host = useUPlot(
    (theme, width) => {
      const axis = (label: string): uPlot.Axis => ({
        stroke: theme.muted,
        grid: { stroke: theme.grid, width: 1 },
        ticks: { stroke: theme.grid, width: 1 },
        font: FONT,
        labelFont: FONT,
        label,
        labelSize: 18,
      })
      return {
        width,
        height,
        scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, max > 0 ? (integer ? Math.max(2, Math.ceil(max * 1.15)) : max * 1.15) : 1] } },
        axes: [
          { ...axis(xLabel), space: 64, values: (_u, splits) => splits.map(formatX), ...(xIncrs ? { incrs: [...xIncrs] } : {}) },
          { ...axis(yLabel), size: 44, ...(integer ? { incrs: INTEGER_INCRS } : {}) },
        ],
        series: [
          { label: xLabel, value: (_u, v) => (v == null ? '—' : formatX(v)) },
          ...series.map((s, i): uPlot.Series => {
            const slot = i % SERIES_SLOTS
            const dash = SERIES_DASH[slot]
            return {
              label: s.label,
              stroke: theme.series[slot] ?? theme.ink,
              width: 2,
              ...(dash ? { dash } : {}),
              points: { show: false },
              ...(stepped ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
            }
          }),
        ],
        legend: { show: true, live: false },
        cursor: { drag: { x: false, y: false }, points: { show: false } },
      }
    },
    data,
    shape,
  )

  const rows = () => {
    const every = Math.max(1, Math.ceil(x.length / MAX_TABLE_ROWS))
    const out: (string | number)[][] = []
    for (let i = 0; i < x.length; i++) {
      if (i % every !== 0 && i !== x.length - 1) continue
      out.push([formatX(x[i]!), ...series.map((s) => s.values[i] ?? '—')])
    }
    return out
  }

  return (
    <figure className="flex min-w-0 flex-col gap-1" data-testid={testId}>
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <div ref={host} role="img" aria-label={summary} className="min-w-0 overflow-hidden" />
      <ChartData caption={title} headers={[xLabel, ...series.map((s) => s.label)]} rows={rows} />
    </figure>
  )
}
