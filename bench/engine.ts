// Engine benchmarks (Node): throughput and seek time. Figures, not pass/fail: the budgets live in
// docs/ARCHITECTURE.md ("Budgets") and the numbers go in release notes.
//
// The engine is measured as it ships: bundled into one module, the way Vite bundles it for the
// browser. Run straight from tsx's per-file transform, every call between modules goes through an
// export getter (a profile shows `get schedule.ts`, `get heap.ts`, … at 2–6 % each) and throughput
// roughly halves — a figure about the dev loader, not about the engine.

import { build } from 'esbuild'
import { rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as EngineModule from './engineEntry.ts'

type Engine = typeof EngineModule

export interface BenchResult {
  name: string
  value: number
  unit: string
}

export async function loadBundledEngine(): Promise<Engine> {
  const out = await build({
    entryPoints: [new URL('./engineEntry.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  })
  const file = join(tmpdir(), `sticky-engine-bench-${process.pid}.mjs`)
  writeFileSync(file, out.outputFiles[0]!.text)
  try {
    return (await import(pathToFileURL(file).href)) as Engine
  } finally {
    rmSync(file, { force: true })
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const WARM_UP = 3
const MEASURED = 7

/**
 * 200 users, 10 servers, cookie + memory, one simulated hour: requests per second of wall time. The
 * cookie is an ALB's AWSALB (the figure before the load balancers became products measured that
 * cookie); `throughputHaproxy` measures HAProxy's SERVERID, the cookie most scenarios run.
 */
export function throughput({ lab }: Engine): BenchResult[] {
  const b = lab(1).lb('alb').servers(10).users(200).policy('cookie').storage('memory')
  const rates: number[] = []
  let requests = 0
  let hourMs = 0
  for (let i = 0; i < WARM_UP + MEASURED; i++) {
    const t0 = performance.now()
    const s = b.run(3_600_000)
    const ms = performance.now() - t0
    requests = s.counters.requests
    // The first runs warm up the JIT (the third is often still being optimised).
    if (i >= WARM_UP) {
      rates.push(requests / (ms / 1000))
      hourMs = Math.max(hourMs, ms)
    }
  }
  return [
    { name: 'engine.throughput (200 users, 10 servers, ALB cookie+memory, 1 h)', value: Math.round(median(rates)), unit: 'requests/s' },
    { name: `engine.one-simulated-hour (200 users, slowest of ${MEASURED})`, value: Math.round(hourMs), unit: 'ms' },
    { name: 'engine.requests-per-hour', value: requests, unit: 'requests' },
  ]
}

/** The same traffic under HAProxy (`cookie SERVERID insert`, checks every 2 s): requests per second. */
export function throughputHaproxy({ lab }: Engine): BenchResult[] {
  const b = lab(1).lb('haproxy').servers(10).users(200).policy('cookie').storage('memory')
  const rates: number[] = []
  for (let i = 0; i < WARM_UP + MEASURED; i++) {
    const t0 = performance.now()
    const s = b.run(3_600_000)
    if (i >= WARM_UP) rates.push(s.counters.requests / ((performance.now() - t0) / 1000))
  }
  return [{ name: 'engine.throughput (200 users, 10 servers, HAProxy cookie+memory, 1 h)', value: Math.round(median(rates)), unit: 'requests/s' }]
}

/** Seek to random moments of a 10-minute run (checkpoints + replay). */
export function seekTime({ lab, createTimeline, play, seek }: Engine): BenchResult[] {
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
