// The sparkline loaded on demand: pages whose first paint doesn't need a chart keep uPlot out of
// their first download. A blank box of the same size holds the place meanwhile.

import { lazy, Suspense } from 'react'
import type { SparklineProps } from './Sparkline.tsx'

const Sparkline = lazy(() => import('./Sparkline.tsx').then((m) => ({ default: m.Sparkline })))

export function LazySparkline(props: SparklineProps) {
  return (
    <Suspense fallback={<div aria-hidden="true" className={props.className} style={{ height: props.height ?? 18 }} />}>
      <Sparkline {...props} />
    </Suspense>
  )
}
