// Browser benchmarks: the lab's frame rate in headless Chromium (Playwright), measured from inside
// the page with requestAnimationFrame timestamps and the Long Animation Frames API. Needs Chromium
// (Debian's /usr/bin/chromium or Playwright's own); builds the site into a temp folder if needed.
// Cases: a desktop lab at its heaviest (200 users, 10 servers, 4×), a phone-sized lab (390 × 844,
// 50 users, 4×) on a CPU slowed 4× (Chrome DevTools Protocol Emulation.setCPUThrottlingRate, the
// DevTools "4× slowdown"), and the compare view with four designs.

import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import type { BenchResult } from './engine.ts'

const VITE = 'node_modules/.bin/vite'
const OUT = process.env.BENCH_DIST ?? '/tmp/sticky-bench-dist'

export interface FrameStats {
  frames: number
  seconds: number
  p95: number
  max: number
  longFrames: number
  longest: number
}

/**
 * Record frame intervals and long animation frames (> 50 ms) for `ms` of wall time. The in-page
 * code is a string: tsx's transform would otherwise inject helpers the page doesn't have.
 */
export async function measureFrames(page: Page, ms: number): Promise<FrameStats> {
  return page.evaluate(`(async (duration) => {
    const intervals = []
    const long = []
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 50) long.push(e.duration)
    })
    try {
      observer.observe({ type: 'long-animation-frame', buffered: false })
    } catch {
      observer.observe({ type: 'longtask', buffered: false })
    }
    await new Promise((done) => {
      let last = 0
      let start = 0
      const tick = (t) => {
        if (start === 0) start = t
        else intervals.push(t - last)
        last = t
        if (t - start < duration) requestAnimationFrame(tick)
        else done()
      }
      requestAnimationFrame(tick)
    })
    observer.disconnect()
    const sorted = [...intervals].sort((a, b) => a - b)
    return {
      frames: intervals.length,
      seconds: intervals.reduce((a, b) => a + b, 0) / 1000,
      p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      max: sorted[sorted.length - 1] ?? 0,
      longFrames: long.length,
      longest: Math.max(0, ...long),
    }
  })(${ms})`)
}

/** The four figures every frame measurement reports. */
export function frameResults(label: string, s: FrameStats): BenchResult[] {
  return [
    { name: `${label} frames per second`, value: round(s.frames / s.seconds), unit: 'fps' },
    { name: `${label} p95 frame interval`, value: round(s.p95), unit: 'ms' },
    { name: `${label} longest frame interval`, value: round(s.max), unit: 'ms' },
    { name: `${label} long animation frames > 50 ms`, value: s.longFrames, unit: 'count' },
  ]
}

function round(x: number, d = 1) {
  return Math.round(x * 10 ** d) / 10 ** d
}

/** A free loopback port (several benches or test runs may share the machine). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

/** The desktop case, playing: 200 users, 10 servers, 4×, everyone arrived (2 s). */
export async function openDesktopLab(browser: Browser, base: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  await page.goto(`${base}#/lab?scenario=cookie-affinity&users=200&servers=10`)
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4')
  await page.getByRole('button', { name: 'Play' }).click()
  await page.waitForTimeout(2_000) // let everyone arrive
  return page
}

/**
 * The phone case, playing: the compact lab (stage, strip, playback on one screen) at 390 × 844,
 * 50 users, 4×, on a CPU four times slower. The caller sets the rate back to 1 before closing.
 */
export async function openPhoneLab(browser: Browser, base: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 })
  const cdp = await page.context().newCDPSession(page)
  await page.goto(`${base}#/lab?scenario=cookie-affinity&users=50`)
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4')
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.getByRole('button', { name: 'Play' }).click()
  await page.waitForTimeout(2_000)
  return { page, cdp }
}

/**
 * Build the site if needed (BENCH_DIST, default a temp folder), serve it with vite preview on a free
 * loopback port (BENCH_PORT to pick one), launch headless Chromium, run `body`, and stop everything.
 */
export async function withSite<T>(body: (browser: Browser, base: string) => Promise<T>): Promise<T> {
  const PORT = Number(process.env.BENCH_PORT ?? (await freePort()))
  const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(`${OUT}/index.html`)) {
    const built = spawnSync(VITE, ['build', '--outDir', OUT, '--logLevel', 'warn'], { stdio: 'inherit', env: { ...process.env, OUT_DIR: OUT } })
    if (built.status !== 0) throw new Error('bench: build failed')
  }
  // Its own process group, so stopping it stops everything it started.
  const server = spawn(VITE, ['preview', '--outDir', OUT, '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true })
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`)
    const browser = await chromium.launch({
      ...(existsSync(executable) ? { executablePath: executable } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
    try {
      return await body(browser, `http://127.0.0.1:${PORT}/`)
    } finally {
      await browser.close()
    }
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM')
    } catch {
      server.kill()
    }
  }
}

export const DESKTOP_LABEL = 'lab (200 users, 10 servers, 4×, 10 s, headless Chromium)'
export const PHONE_LABEL = 'phone lab (390 × 844, 50 users, 4×, CPU slowed 4×, 10 s, headless Chromium)'

/** Frame statistics of the desktop case over 10 s. */
export async function desktopFrames(browser: Browser, base: string): Promise<FrameStats> {
  const page = await openDesktopLab(browser, base)
  const s = await measureFrames(page, 10_000)
  // A headless page never counts as hidden: left open, the lab would keep playing beside the next case.
  await page.close()
  return s
}

/** Frame statistics of the phone case over 10 s. */
export async function phoneFrames(browser: Browser, base: string): Promise<FrameStats> {
  const { page, cdp } = await openPhoneLab(browser, base)
  const s = await measureFrames(page, 10_000)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  await page.close()
  return s
}

export async function browserBench(): Promise<BenchResult[]> {
  return withSite(async (browser, base) => {
    const results: BenchResult[] = []
    const s = await desktopFrames(browser, base)
    results.push(...frameResults(DESKTOP_LABEL, s), { name: `${DESKTOP_LABEL} longest long animation frame`, value: round(s.longest), unit: 'ms' })
    const p = await phoneFrames(browser, base)
    results.push(...frameResults(PHONE_LABEL, p), { name: `${PHONE_LABEL} longest long animation frame`, value: round(p.longest), unit: 'ms' })
    // The compare view at its heaviest: four designs side by side, 50 users each, at 1×.
    const compare = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await compare.goto(`${base}#/compare?scenario=crash-sticky-memory&cols=cookie.memory,round-robin.shared,cookie.jwt,hash-consistent.memory&users=50`)
    await compare.getByRole('button', { name: 'Play' }).click()
    await compare.waitForTimeout(2_000)
    const c = await measureFrames(compare, 10_000)
    const cLabel = 'compare (4 designs × 50 users, 1×, 10 s, headless Chromium)'
    results.push(...frameResults(cLabel, c), { name: `${cLabel} longest long animation frame`, value: round(c.longest), unit: 'ms' })
    await compare.close()
    return results
  })
}

async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url)
      if (r.ok) return
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`bench: ${url} did not start`)
}

