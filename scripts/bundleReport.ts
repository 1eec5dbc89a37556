// First-load JavaScript per page, gzip — two ways:
//  - "as fetched" (the budget figure): each page opened in headless Chromium, every script the
//    browser requests before the page settles summed — the entry, its preloads, the lazy chunks
//    pulled in at start and the request canvas's worker — counting each file once, gzip size of the
//    built file. "Settled" = no new script for SETTLE_MS after load (at most MAX_WAIT_MS).
//  - "manifest closure" (the old figure): the entry chunk, the page's route chunk and their static
//    imports from the build manifest; lazy chunks are left out, so it reads low.
// Budgets (docs/DECISIONS.md 2026-11-30): embed.html ≤ 120 KB (for every scenario: the largest is
// reported), #/ and #/lab ≤ 150 KB, as fetched.
// The process exits with 1 when a page is over its budget.
// Usage: npm run size   (builds into $OUT_DIR or dist/ first; needs Chromium — CHROMIUM_PATH or /usr/bin/chromium)

import { chromium } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'
import { SCENARIO_IDS } from '../src/sim/scenarios/scenario.ts'

interface Chunk {
  file: string
  imports?: string[]
  css?: string[]
}

const dir = process.env.OUT_DIR ?? 'dist'
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>
const gz = (file: string) => gzipSync(readFileSync(join(dir, file))).length
const kb = (n: number) => Math.round((n / 1024) * 10) / 10
const print = (row: object) => process.stdout.write(JSON.stringify(row) + '\n')

const EMBED_BUDGET = 120

/** Pages as a reader opens them, with their budget (KB, as fetched) where they have one. */
const PAGES: readonly { name: string; path: string; budget?: number }[] = [
  { name: '#/', path: '#/', budget: 150 },
  { name: '#/lab', path: '#/lab', budget: 150 },
  { name: 'embed.html (controls=minimal)', path: 'embed.html?scenario=crash-sticky-memory&controls=minimal', budget: EMBED_BUDGET },
  { name: 'embed.html (controls=full)', path: 'embed.html?scenario=crash-sticky-memory&controls=full', budget: EMBED_BUDGET },
  { name: 'embed.html (controls=none)', path: 'embed.html?scenario=crash-sticky-memory&controls=none', budget: EMBED_BUDGET },
  // Embeds fetch only their scenario's load balancer: crash-sticky-memory runs HAProxy, this one nginx.
  { name: 'embed.html (nginx, controls=minimal)', path: 'embed.html?scenario=ip-hash-nat-hotspot&controls=minimal', budget: EMBED_BUDGET },
  { name: 'embed.html (nginx, controls=full)', path: 'embed.html?scenario=ip-hash-nat-hotspot&controls=full', budget: EMBED_BUDGET },
  { name: 'embed.html (nginx, controls=none)', path: 'embed.html?scenario=ip-hash-nat-hotspot&controls=none', budget: EMBED_BUDGET },
  { name: '#/learn', path: '#/learn' },
  { name: '#/learn/what-are-sticky-sessions', path: '#/learn/what-are-sticky-sessions' },
  { name: '#/compare', path: '#/compare' },
  { name: '#/cards', path: '#/cards' },
  { name: '#/embed', path: '#/embed' },
]
const SETTLE_MS = 1_500
const MAX_WAIT_MS = 15_000

// ---- manifest closure (old method) ----
function closure(keys: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (k: string) => {
    if (seen.has(k) || !manifest[k]) return
    seen.add(k)
    for (const i of manifest[k].imports ?? []) visit(i)
  }
  keys.forEach(visit)
  return seen
}

function manifestFigure(name: string, keys: string[]) {
  let js = 0
  let css = 0
  for (const k of closure(keys.filter((x) => manifest[x]))) {
    js += gz(manifest[k]!.file)
    for (const c of manifest[k]!.css ?? []) css += gz(c)
  }
  print({ name: `first-load JS ${name} (gzip, manifest closure)`, value: kb(js), unit: 'KB' })
  print({ name: `first-load CSS ${name} (gzip)`, value: kb(css), unit: 'KB' })
}

manifestFigure('#/ and #/lab', ['index.html', 'src/features/lab/LabRoutePage.tsx'])
if (manifest['embed.html']) manifestFigure('embed.html', ['embed.html'])

// ---- as fetched (the budget figure) ----
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.woff2': 'font/woff2' }

/** The built site on an ephemeral loopback port (no fixed port to collide with other runs). */
function serve(): Promise<Server> {
  const root = normalize(dir)
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

const server = await serve()
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
const executable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const browser = await chromium.launch({
  ...(existsSync(executable) ? { executablePath: executable } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
let over = false

/** The scripts a reader's browser fetches for `path` before the page settles, and their gzip total (KB). */
async function asFetched(path: string): Promise<{ files: string[]; value: number }> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  const scripts = new Set<string>()
  let last = Date.now()
  page.on('request', (r) => {
    const url = new URL(r.url()).pathname
    if (!url.endsWith('.js') || scripts.has(url)) return
    scripts.add(url)
    last = Date.now()
  })
  await page.goto(base + path, { waitUntil: 'load' })
  const start = Date.now()
  while (Date.now() - last < SETTLE_MS && Date.now() - start < MAX_WAIT_MS) await page.waitForTimeout(200)
  await page.close()
  const files = [...scripts].map((f) => f.replace(/^\//, ''))
  return { files, value: kb(files.reduce((n, f) => n + (existsSync(join(dir, f)) ? gz(f) : 0), 0)) }
}

try {
  for (const p of PAGES) {
    const { files, value } = await asFetched(p.path)
    const ok = p.budget === undefined || value <= p.budget
    if (!ok) over = true
    print({ name: `first-load JS ${p.name} (gzip, as fetched)`, value, unit: 'KB', ...(p.budget !== undefined ? { budget: p.budget, ok } : {}), files })
  }
  // Every scenario's embed: each fetches its own load balancer and the parts its policies use, so the
  // budget holds for the largest of them, not for the two above.
  const each: Record<string, number> = {}
  for (const id of SCENARIO_IDS) each[id] = (await asFetched(`embed.html?scenario=${id}&controls=minimal`)).value
  const [largest, value] = Object.entries(each).sort((a, b) => b[1] - a[1])[0]!
  const ok = value <= EMBED_BUDGET
  if (!ok) over = true
  print({ name: `first-load JS embed.html, largest of ${SCENARIO_IDS.length} scenarios (${largest}) (gzip, as fetched)`, value, unit: 'KB', budget: EMBED_BUDGET, ok, each })
} finally {
  await browser.close()
  server.close()
}
const mermaid = Object.entries(manifest).filter(([k]) => k.includes('node_modules/mermaid'))
if (mermaid.length > 0) print({ name: 'mermaid core chunk (gzip, lazy)', value: kb(gz(mermaid[0]![1].file)), unit: 'KB' })
if (over) {
  process.stderr.write('bundle report: a page is over its first-load budget (see "ok": false above)\n')
  process.exitCode = 1
}
