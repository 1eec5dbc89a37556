// Engine benchmarks (Node): throughput and seek time. Figures, not pass/fail: the budgets live in
// DESIGN.md §10 and the numbers go in release notes.

import { lab } from '../src/sim/harness.ts'
import { createTimeline, play, seek } from '../src/sim/timeline.ts'

export interface BenchResult {
  name: string
  value: number
  unit: string
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** 200 users, 10 servers, cookie + memory, one simulated hour: requests per second of CPU time. */
export function throughput(): BenchResult[] {
  const b = lab(1).servers(10).users(200).policy('cookie').storage('memory')
  const rates: number[] = []
  let requests = 0
  let hourMs = 0
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now()
    const s = b.run(3_600_000)
    const ms = performance.now() - t0
    requests = s.counters.requests
    // The first two runs warm up the JIT.
    if (i >= 2) {
      rates.push(requests / (ms / 1000))
      hourMs = Math.max(hourMs, ms)
    }
  }
  return [
    { name: 'engine.throughput (200 users, 10 servers, cookie+memory, 1 h)', value: Math.round(median(rates)), unit: 'requests/s' },
    { name: 'engine.one-simulated-hour (200 users, slowest of 5)', value: Math.round(hourMs), unit: 'ms' },
    { name: 'engine.requests-per-hour', value: requests, unit: 'requests' },
  ]
}

/** Seek to random moments of a 10-minute run (checkpoints + replay). */
export function seekTime(): BenchResult[] {
  const b = lab(1).scenario('crash-sticky-memory').users(200).servers(10)
  let tl = createTimeline(b.resolvedConfig, b.seedNumber, b.scriptItems)
  tl = play(tl, tl.checkpoints[0]!, 600_000).timeline
  const times: number[] = []
  let x = 12345
  for (let i = 0; i < 60; i++) {
    x = (x * 1103515245 + 12345) % 2147483648
    const target = x % 600_000
    const t0 = performance.now()
    seek(tl, target)
    times.push(performance.now() - t0)
  }
  const sorted = [...times].sort((a, b) => a - b)
  return [
    { name: 'engine.seek median (10-minute run, 200 users)', value: +median(times).toFixed(2), unit: 'ms' },
    { name: 'engine.seek max (10-minute run, 200 users)', value: +sorted[sorted.length - 1]!.toFixed(2), unit: 'ms' },
    { name: 'engine.checkpoints (10-minute run)', value: tl.checkpoints.length, unit: 'count' },
  ]
}
