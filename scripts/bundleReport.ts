// First-load JavaScript per page, from the build's manifest: the entry chunk, the chunk of the page's
// route, and everything they import statically — gzip sizes, as a browser would download them.
// Usage: npm run size   (builds into $OUT_DIR or dist/ first)

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface Chunk {
  file: string
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
  isEntry?: boolean
}

const dir = process.env.OUT_DIR ?? 'dist'
const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>

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

const gz = (file: string) => gzipSync(readFileSync(join(dir, file))).length
const kb = (n: number) => Math.round((n / 1024) * 10) / 10

function firstLoad(name: string, keys: string[]) {
  const chunks = closure(keys.filter((k) => manifest[k]))
  let js = 0
  let css = 0
  const files: string[] = []
  for (const k of chunks) {
    js += gz(manifest[k]!.file)
    files.push(manifest[k]!.file)
    for (const c of manifest[k]!.css ?? []) css += gz(c)
  }
  process.stdout.write(JSON.stringify({ name: `first-load JS ${name} (gzip)`, value: kb(js), unit: 'KB', files }) + '\n')
  process.stdout.write(JSON.stringify({ name: `first-load CSS ${name} (gzip)`, value: kb(css), unit: 'KB' }) + '\n')
}

const page = (feature: string) => Object.keys(manifest).filter((k) => k.startsWith(`src/features/${feature}/`) && k.endsWith('Page.tsx'))
firstLoad('#/ and #/lab', ['index.html', 'src/features/lab/LabRoutePage.tsx'])
if (manifest['embed.html']) firstLoad('embed.html', ['embed.html'])
for (const f of ['lessons', 'cards', 'compare', 'embedGenerator']) if (page(f).length > 0) firstLoad(`#/${f}`, ['index.html', ...page(f)])
const mermaid = Object.entries(manifest).filter(([k]) => k.includes('node_modules/mermaid'))
if (mermaid.length > 0) process.stdout.write(JSON.stringify({ name: 'mermaid core chunk (gzip, lazy)', value: kb(gz(mermaid[0]![1].file)), unit: 'KB' }) + '\n')
