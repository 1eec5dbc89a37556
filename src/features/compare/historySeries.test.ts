import { expect, test } from 'vitest'
import { lab } from '../../sim/harness.ts'
import { logoutSeries, serverLoadSeries } from './historySeries.ts'

test('per-server load: the last samples, one series per server, in requests per second', () => {
  const s = lab().scenario('crash-sticky-memory').run(45_000)
  const { x, series } = serverLoadSeries(s.history, ['A', 'B', 'C'], 20)
  expect(x).toEqual(Array.from({ length: 20 }, (_, i) => 26 + i))
  // B crashed at 0:30: it answers nothing afterwards, A and C carry the load.
  const b = series[1]!.values
  expect(b.slice(-10).every((v) => v === 0)).toBe(true)
  expect((series[0]!.values.slice(-10) as number[]).reduce((a, v) => a + v, 0)).toBeGreaterThan(0)
  const total = series.reduce((n, se) => n + (se.values as number[]).reduce((a, v) => a + v, 0), 0)
  const sampled = s.history.slice(-20).reduce((n, h) => n + h.load.reduce((a, v) => a + v, 0), 0)
  expect(total).toBe(sampled)
})

test('logouts over time: aligned per design, starting at 0:00, a gap where a design has no sample', () => {
  const sticky = lab().scenario('crash-sticky-memory').run(40_000).history
  const stateless = lab().scenario('crash-sticky-memory').policy('round-robin').storage('shared').run(40_000).history
  const { x, series } = logoutSeries([sticky, stateless.slice(0, -5)], ['Sticky', 'Stateless'])
  expect(x[0]).toBe(0)
  expect(x).toHaveLength(41)
  expect(series.map((se) => se.label)).toEqual(['Sticky', 'Stateless'])
  expect(series[0]!.values.at(-1)).toBe(sticky.at(-1)?.unexpectedLogouts)
  expect(series[0]!.values.at(-1)).toBeGreaterThan(0)
  expect(series[1]!.values.slice(0, 36).every((v) => v === 0)).toBe(true)
  expect(series[1]!.values.slice(-5)).toEqual([null, null, null, null, null])
})
