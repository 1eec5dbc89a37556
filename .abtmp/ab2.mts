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
const pairs: [string, () => any, () => any][] = [

  ['cookie: old vs new HAProxy', () => oldE.lab(1).servers(10).users(200).policy('cookie').storage('memory'), () => newE.lab(1).lb('haproxy').servers(10).users(200).policy('cookie').storage('memory')],

]
const cpu = (b: any) => { const c0 = process.cpuUsage(); const s = b.run(3_600_000); const c = process.cpuUsage(c0); return s.counters.requests / ((c.user + c.system) / 1e6) }
for (const [name, a, b] of pairs) {
  const ra: number[] = [], rb: number[] = [], ratio: number[] = []
  for (let i = 0; i < 12; i++) {
    const x = i % 2 === 0 ? [cpu(a()), cpu(b())] : [cpu(b()), cpu(a())].reverse()
    if (i >= 2) { ra.push(x[0]!); rb.push(x[1]!); ratio.push(x[1]! / x[0]!) }
  }
  const med = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!
  console.log(name.padEnd(32), `old ${Math.round(med(ra) / 1000)}k  new ${Math.round(med(rb) / 1000)}k  median ratio ${med(ratio).toFixed(3)}`)
}
