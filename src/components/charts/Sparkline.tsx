// A tiny trend line (uPlot, no axes, no legend) for a row of numbers — the same chart code as the
// big charts, so it follows the theme and its container's width the same way.

import { useLayoutEffect, useMemo, useRef } from 'react'
import type uPlot from 'uplot'
import { SERIES_DASH } from './theme.ts'
import { useUPlot } from './useUPlot.ts'

export interface SparklineProps {
  values: readonly number[]
  /** Top of the scale (share one across sparklines that should be compared); default: their max. */
  max?: number
  height?: number
  /** The trend in words; without it the sparkline is decoration (aria-hidden). */
  label?: string
  /** Series palette slot (colour + dash). */
  slot?: number
  className?: string
}

export function Sparkline({ values, max, height = 18, label, slot = 0, className = '' }: SparklineProps) {
  const data = useMemo(() => [values.map((_, i) => i), values] as unknown as uPlot.AlignedData, [values])
  // The scale's top moves with the data: read at draw time, not a reason to rebuild the chart.
  const top = useRef(1)
  useLayoutEffect(() => {
    top.current = Math.max(1, max ?? Math.max(0, ...values))
  })
  const host = useUPlot(
    (theme, width) => {
      const dash = SERIES_DASH[slot]
      return {
        width,
        height,
        padding: [2, 1, 2, 1],
        legend: { show: false },
        cursor: { show: false },
        select: { show: false, left: 0, top: 0, width: 0, height: 0 },
        scales: { x: { time: false }, y: { range: () => [0, top.current] } },
        axes: [{ show: false }, { show: false }],
        series: [{}, { stroke: theme.series[slot] ?? theme.ink, width: 1.5, points: { show: false }, ...(dash ? { dash } : {}) }],
      }
    },
    data,
    `${height}/${slot}`,
  )
  return <div ref={host} className={`min-w-0 overflow-hidden ${className}`} {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })} />
}
