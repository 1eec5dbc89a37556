// Chart columns from the engine's one-second history samples (HistorySample): per-server load of
// one design, and unexpected logouts over time across designs. Pure, so charts stay thin.

import { formatClock } from '../../lab-ui/engine.ts'
import type { HistorySample, ServerId } from '../../sim/types.ts'

/** Time-axis ticks fall on whole seconds (5 s, 10 s, 15 s, 30 s, a minute…). */
export const SECOND_INCRS: readonly number[] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1_200, 3_600]

/** Seconds of simulated time as the lab's clock without tenths ("1:05"). */
export const clockSeconds = (s: number) => formatClock(Math.round(s) * 1000).replace(/\.\d$/, '')

export interface Series {
  readonly label: string
  readonly values: readonly (number | null)[]
}

/** Requests answered per server in each of the last `seconds` samples; x in simulated seconds. */
export function serverLoadSeries(history: readonly HistorySample[], servers: readonly ServerId[], seconds = 60): { x: number[]; series: Series[] } {
  const recent = history.slice(-seconds)
  return {
    x: recent.map((h) => h.t / 1000),
    series: servers.map((id, i) => ({ label: id, values: recent.map((h) => h.load[i] ?? 0) })),
  }
}

/**
 * Unexpected logouts so far (the counter at each sample), one series per design, aligned on the
 * sample times (the columns sample at the same moments; a missing one shows as a gap). Starts at 0:00.
 */
export function logoutSeries(histories: readonly (readonly HistorySample[])[], labels: readonly string[]): { x: number[]; series: Series[] } {
  const longest = histories.reduce<readonly HistorySample[]>((a, h) => (h.length > a.length ? h : a), [])
  const times = longest.map((h) => h.t)
  const fromStart = times.length === 0 || times[0]! > 0
  const x = (fromStart ? [0, ...times] : times).map((t) => t / 1000)
  const series = histories.map((h, i) => {
    const at = new Map(h.map((s) => [s.t, s.unexpectedLogouts]))
    const values = times.map((t) => at.get(t) ?? null)
    return { label: labels[i] ?? `Design ${i + 1}`, values: fromStart ? [0, ...values] : values }
  })
  return { x, series }
}
