// The one place that owns a uPlot instance: created in a host element at the host's width,
// re-created when the theme (or the chart's shape) changes, resized with a ResizeObserver, and fed
// new data with setData — never re-created per update.

import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import './charts.css'
import { readChartTheme, useThemeKey, type ChartTheme } from './theme.ts'

export type BuildOptions = (theme: ChartTheme, width: number) => uPlot.Options

/**
 * `build` makes the options (it may change every render; only `shapeKey` and the theme trigger a
 * rebuild). `data` is pushed with setData whenever its identity changes.
 */
export function useUPlot(build: BuildOptions, data: uPlot.AlignedData, shapeKey: string): RefObject<HTMLDivElement | null> {
  const host = useRef<HTMLDivElement>(null)
  const plot = useRef<uPlot | null>(null)
  const latest = useRef({ build, data })
  const theme = useThemeKey()

  useLayoutEffect(() => {
    latest.current = { build, data }
  })

  useLayoutEffect(() => {
    const el = host.current
    if (!el) return
    let width = el.clientWidth || 300
    const opts = latest.current.build(readChartTheme(), width)
    const u = new uPlot(opts, latest.current.data, el)
    plot.current = u
    const resize = new ResizeObserver(() => {
      const next = el.clientWidth
      if (next > 0 && next !== width) {
        width = next
        u.setSize({ width, height: opts.height })
      }
    })
    resize.observe(el)
    return () => {
      resize.disconnect()
      u.destroy()
      plot.current = null
    }
  }, [theme, shapeKey])

  useEffect(() => {
    plot.current?.setData(data)
  }, [data])

  return host
}
