// Where a lab frame's time goes: `npx tsx bench/profile.ts [phone|desktop] [--runs N] [--profile] [--trace]`.
// --runs N   the case's frame figures N times (fps, p95, LoAF) and their medians — the machine is shared, so one run
//            says little;
// --profile  a V8 CPU profile (Chrome DevTools Protocol `Profiler`) of 10 s of play: self time per function and per
//            script, so a build without minification (`vite build --minify false`) names the functions;
// --trace    a Chromium performance trace (`Tracing`) of 10 s of play: the renderer main thread's time per event kind
//            (script, style, layout, paint, GC…), self time, so nested events aren't counted twice.
// Same cases as `npm run bench` (bench/browser.ts); BENCH_DIST picks the built site, BENCH_PORT the port.

import type { Browser, Page } from '@playwright/test'
import { DESKTOP_LABEL, PHONE_LABEL, desktopFrames, measureFrames, openDesktopLab, openPhoneLab, phoneFrames, withSite, type FrameStats } from './browser.ts'

const args = process.argv.slice(2)
const which = args.includes('desktop') ? 'desktop' : 'phone'
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 0
const SECONDS = 10
// --css '<rules>': a style sheet added once the case is playing (to try what hiding or containing a part saves).
const cssAt = args.indexOf('--css')
const css = cssAt >= 0 ? args[cssAt + 1] : undefined
// --rate N: the phone's CPU slowdown while profiling or tracing (default the case's 4). Chromium's throttle
// makes the main thread spin, so at 4 its CPU time is ~4× the work; at 1 the CPU time is the work itself.
const rateAt = args.indexOf('--rate')
const rate = rateAt >= 0 ? Number(args[rateAt + 1]) : 4

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}
interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  /** Thread (CPU) time: unlike `dur`, it leaves out the time the thread was descheduled or throttled. */
  tdur?: number
  pid: number
  tid: number
  args?: {
    name?: string
    data?: { functionName?: string; url?: string; nodeId?: number; clip?: number[] }
    beginData?: { dirtyObjects?: number; totalObjects?: number }
    endData?: { rootNode?: number; layoutRoots?: { nodeId?: number }[] }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const ms = (us: number) => (us / 1000).toFixed(1).padStart(8)

async function open(browser: Browser, base: string): Promise<{ page: Page; done(): Promise<void> }> {
  if (which === 'desktop') {
    const page = await openDesktopLab(browser, base)
    if (css) await page.addStyleTag({ content: css })
    return { page, done: () => page.close() }
  }
  const { page, cdp } = await openPhoneLab(browser, base)
  if (css) await page.addStyleTag({ content: css })
  if (rate !== 4) await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return {
    page,
    done: async () => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
      await page.close()
    },
  }
}

async function frames(browser: Browser, base: string) {
  const all: FrameStats[] = []
  for (let i = 0; i < runs; i++) {
    const s = await (which === 'desktop' ? desktopFrames(browser, base) : phoneFrames(browser, base))
    all.push(s)
    console.log(`run ${i + 1}: ${(s.frames / s.seconds).toFixed(1)} fps, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms, LoAF ${s.longFrames} (longest ${s.longest.toFixed(1)} ms)`)
  }
  console.log(`${which === 'desktop' ? DESKTOP_LABEL : PHONE_LABEL}, median of ${runs}: ${median(all.map((s) => s.frames / s.seconds)).toFixed(1)} fps, p95 ${median(all.map((s) => s.p95)).toFixed(1)} ms, LoAF ${median(all.map((s) => s.longFrames))}`)
}

async function profile(browser: Browser, base: string) {
  const { page, done } = await open(browser, base)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const stats = await measureFrames(page, SECONDS * 1000)
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  await done()
  console.log(`while profiling: ${(stats.frames / stats.seconds).toFixed(1)} fps, p95 ${stats.p95.toFixed(1)} ms, LoAF ${stats.longFrames}`)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))
  // Inclusive time: a node's own plus its descendants'.
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const total = new Map<number, number>()
  for (const [id, t] of self) for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) total.set(at, (total.get(at) ?? 0) + t)
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}  ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`
  const sum = (map: Map<number, number>, by: (n: ProfileNode) => string) => {
    const out = new Map<string, number>()
    for (const [id, t] of map) {
      const k = by(byId.get(id)!)
      out.set(k, (out.get(k) ?? 0) + t)
    }
    return [...out].sort((a, b) => b[1] - a[1])
  }
  const wall = profile.timeDeltas.reduce((a, b) => a + b, 0)
  console.log(`\nCPU profile, ${ms(wall)} ms sampled — self time by script:`)
  for (const [k, t] of sum(self, (n) => n.callFrame.url.replace(/^.*\//, '') || n.callFrame.functionName).slice(0, 15)) console.log(`${ms(t)}  ${k}`)
  console.log('\nself time by function:')
  for (const [k, t] of sum(self, key).slice(0, 40)) console.log(`${ms(t)}  ${k}`)
  // Inclusive time per function, each function once per stack (recursion would count twice otherwise).
  const incl = new Map<string, number>()
  for (const [id, t] of self) {
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!)
      if (seen.has(k)) continue
      seen.add(k)
      incl.set(k, (incl.get(k) ?? 0) + t)
    }
  }
  console.log('\ninclusive time by function:')
  for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`${ms(t)}  ${k}`)
  // The app's own functions (not React's, not the browser's): components, hooks, the engine.
  console.log('\ninclusive time, app code only:')
  const app = [...incl].filter(([k]) => /\.js:/.test(k) && !/ react-/.test(k))
  for (const [k, t] of app.sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`${ms(t)}  ${k}`)
}

async function trace(browser: Browser, base: string) {
  const { page, done } = await open(browser, base)
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'cc', 'gpu', 'toplevel'] })
  const stats = await measureFrames(page, SECONDS * 1000)
  const buffer = await browser.stopTracing()
  console.log(`while tracing: ${(stats.frames / stats.seconds).toFixed(1)} fps, p95 ${stats.p95.toFixed(1)} ms, LoAF ${stats.longFrames}`)
  const raw = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(raw) ? raw : raw.traceEvents
  // Which elements are painted and laid out, while they are still in the page.
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.getDocument', { depth: -1 })
  const describe = async (backendNodeId: number) => {
    try {
      const { nodeIds } = await cdp.send('DOM.pushNodesByBackendIdsToFrontend', { backendNodeIds: [backendNodeId] })
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: nodeIds[0]! })
      return outerHTML.replace(/>[\s\S]*$/, '>').slice(0, 160)
    } catch {
      return `(node ${backendNodeId} gone)`
    }
  }
  const byNode = async (title: string, pick: (e: TraceEvent) => number | undefined, name: string) => {
    const sums = new Map<number, { t: number; n: number }>()
    for (const e of events) {
      if (e.name !== name || e.dur === undefined) continue
      const id = pick(e)
      if (id === undefined) continue
      const x = sums.get(id) ?? { t: 0, n: 0 }
      x.t += e.dur
      x.n++
      sums.set(id, x)
    }
    console.log(`\n${title}:`)
    for (const [id, { t, n }] of [...sums].sort((a, b) => b[1].t - a[1].t).slice(0, 12)) console.log(`${ms(t)}  ${String(n).padStart(5)}×  ${await describe(id)}`)
  }
  await byNode('Paint (inclusive) by element', (e) => e.args?.data?.nodeId, 'Paint')
  await byNode('Layout (inclusive) by layout root', (e) => e.args?.endData?.layoutRoots?.[0]?.nodeId ?? e.args?.endData?.rootNode, 'Layout')
  const dirty = events.filter((e) => e.name === 'Layout' && e.args?.beginData).map((e) => e.args!.beginData!.dirtyObjects ?? 0)
  console.log(`layouts: ${dirty.length}, dirty objects median ${median(dirty)}, max ${Math.max(0, ...dirty)}`)
  await done()
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'))
  if (!main) throw new Error('no renderer main thread in the trace')
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  // Self time: an event's duration minus its children's (complete events nest on one thread), in wall
  // time and in CPU time. CPU time is what to compare between builds on a shared machine: other
  // processes and the 4× throttle stretch wall time, not the thread's own CPU time.
  const wallSelf = new Map<string, number>()
  const cpuSelf = new Map<string, number>()
  let cpuTop = 0
  const stack: { e: TraceEvent; end: number; children: number; cpuChildren: number }[] = []
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!
      const label = top.e.name === 'FunctionCall' ? `FunctionCall ${top.e.args?.data?.functionName || ''}` : top.e.name
      wallSelf.set(label, (wallSelf.get(label) ?? 0) + top.e.dur! - top.children)
      cpuSelf.set(label, (cpuSelf.get(label) ?? 0) + (top.e.tdur ?? 0) - top.cpuChildren)
      const under = stack[stack.length - 1]
      if (under) {
        under.children += top.e.dur!
        under.cpuChildren += top.e.tdur ?? 0
      } else cpuTop += top.e.tdur ?? 0
    }
  }
  for (const e of mine) {
    close(e.ts)
    stack.push({ e, end: e.ts + e.dur!, children: 0, cpuChildren: 0 })
  }
  close(Infinity)
  const first = mine[0]?.ts ?? 0
  const last = Math.max(...mine.map((e) => e.ts + e.dur!))
  console.log(`\ntrace: ${ms(last - first)} ms of the renderer main thread; its CPU time ${ms(cpuTop)} ms = ${(cpuTop / 1000 / stats.frames).toFixed(2)} ms per frame`)
  console.log('self time by event (wall ms, CPU ms):')
  for (const [k, t] of [...wallSelf].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms(t)}${ms(cpuSelf.get(k) ?? 0)}  ${k}`)
}

await withSite(async (browser, base) => {
  if (runs > 0) await frames(browser, base)
  if (args.includes('--profile')) await profile(browser, base)
  if (args.includes('--trace')) await trace(browser, base)
})
