// Chart colours come from CSS custom properties (the app's tokens plus charts.css's series palette),
// read when a chart is drawn, so charts follow light and dark like the rest of the page.

import { useSyncExternalStore } from 'react'

export interface ChartTheme {
  ink: string
  muted: string
  grid: string
  card: string
  series: readonly string[]
}

export const SERIES_SLOTS = 6

/** One dash pattern per series slot (solid, dashed, dotted, …), so lines differ without colour. */
export const SERIES_DASH: readonly (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 5]]

export function readChartTheme(): ChartTheme {
  const css = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback
  return {
    ink: v('--color-ink', '#1b1b1f'),
    muted: v('--color-muted', '#55565e'),
    grid: v('--color-line', '#c9cad1'),
    card: v('--color-card', '#ffffff'),
    series: Array.from({ length: SERIES_SLOTS }, (_, i) => v(`--chart-${i + 1}`, '#0072b2')),
  }
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] })
  return () => observer.disconnect()
}

const themeKey = () => (document.documentElement.classList.contains('dark') ? 'dark' : 'light')

/** 'light' or 'dark', following the class the app puts on <html>: charts redraw when it changes. */
export function useThemeKey(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, themeKey, () => 'light')
}
