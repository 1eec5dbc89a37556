// `npm run bench`: one JSON object per line, {"name", "value", "unit"}. Engine figures always; browser
// figures (frame rate of the lab and compare view in headless Chromium) when a built site and a
// Chromium are available — see bench/browser.ts.

import { loadBundledEngine, seekTime, throughput, throughputHaproxy, type BenchResult } from './engine.ts'

const print = (r: BenchResult) => process.stdout.write(JSON.stringify(r) + '\n')

const engine = await loadBundledEngine()
for (const r of throughput(engine)) print(r)
for (const r of throughputHaproxy(engine)) print(r)
for (const r of seekTime(engine)) print(r)

if (!process.argv.includes('--engine-only')) {
  const { browserBench } = await import('./browser.ts')
  for (const r of await browserBench()) print(r)
}
