import { build } from 'esbuild'
import { writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
async function load(entry: string, name: string) {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'warning' })
  const file = `/work/wt/products/.abtmp/${name}.mjs`
  writeFileSync(file, out.outputFiles[0]!.text)
  return import(pathToFileURL(file).href)
}
const oldE = await load('/tmp/oldsim/engineEntry.ts', 'old')
const newE = await load('/work/wt/products/bench/engineEntry.ts', 'new')
type W = { name: string; make: (e: any) => any }
const work: W[] = [
  { name: 'old cookie (ALB-ish hybrid)', make: (e) => oldE.lab(1).servers(10).users(200).policy('cookie').storage('memory') },
  { name: 'new alb cookie', make: (e) => newE.lab(1).lb('alb').servers(10).users(200).policy('cookie').storage('memory') },
  { name: 'new haproxy cookie', make: (e) => newE.lab(1).lb('haproxy').servers(10).users(200).policy('cookie').storage('memory') },
  { name: 'new round-robin nginx', make: (e) => newE.lab(1).lb('nginx').servers(10).users(200).policy('round-robin').storage('shared') },
  { name: 'old round-robin', make: (e) => oldE.lab(1).servers(10).users(200).policy('round-robin').storage('shared') },
]
const rates: Record<string, number[]> = {}
for (let round = 0; round < 8; round++) {
  for (const w of work) {
    const b = w.make(null)
    const c0 = process.cpuUsage()
    const s = b.run(3_600_000)
    const c = process.cpuUsage(c0)
    const cpu = (c.user + c.system) / 1e6
    if (round >= 2) (rates[w.name] ??= []).push(s.counters.requests / cpu)
  }
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
for (const [k, v] of Object.entries(rates)) console.log(k.padEnd(28), Math.round(med(v)).toLocaleString(), 'req/s CPU', v.map((x) => Math.round(x / 1000)).join(' '))
