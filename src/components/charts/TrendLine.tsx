// A tiny trend line drawn as one SVG polyline: no chart library, so panels that show a few of these
// (the lab's per-server load) don't pull uPlot into their page's first download. Colour follows the
// text (currentColor); the scale is shared when `max` is given.

export interface TrendLineProps {
  values: readonly number[]
  /** Top of the scale (share one across lines that should be compared); default: their max. */
  max?: number
  height?: number
  /** The trend in words; without it the line is decoration (aria-hidden). */
  label?: string
  className?: string
}

const WIDTH = 100

export function TrendLine({ values, max, height = 18, label, className = '' }: TrendLineProps) {
  const top = Math.max(1, max ?? Math.max(0, ...values))
  const step = values.length > 1 ? WIDTH / (values.length - 1) : 0
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - (Math.min(v, top) / top) * (height - 2)).toFixed(1)}`).join(' ')
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      preserveAspectRatio="none"
      height={height}
      className={`block overflow-visible ${className}`}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {values.length > 1 && <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />}
    </svg>
  )
}
