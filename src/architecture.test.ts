// The architecture as tests: the lint fences between layers really fail on a forbidden import, and
// the source tree has no import cycles (docs/ARCHITECTURE.md).

import { ESLint } from 'eslint'
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: root })

async function fenceErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message)
}

describe('layer fences', () => {
  it('a feature importing another feature fails lint', async () => {
    const errors = await fenceErrors('src/features/lab/Probe.ts', "import { route } from '../compare/route.ts'\nexport const x = route\n")
    expect(errors.join()).toMatch(/never imports another feature \(lab → compare\)/)
  })
  it('a page may import engine types, but engine values only through src/lab-ui/engine.ts', async () => {
    expect(await fenceErrors('src/features/cards/Probe.ts', "import type { SimState } from '../../sim/types.ts'\nexport type X = SimState\n")).toEqual([])
    expect(await fenceErrors('src/features/cards/Probe.ts', "import { SCENARIOS } from '../../sim/scenarios/index.ts'\nexport const x = SCENARIOS\n")).toHaveLength(1)
    expect(await fenceErrors('src/features/cards/Probe.ts', "import { SCENARIOS } from '../../lab-ui/engine.ts'\nexport const x = SCENARIOS\n")).toEqual([])
  })
  it('generic components know nothing of the engine or the stores', async () => {
    expect(await fenceErrors('src/components/Probe.ts', "import { useLab } from '../store/LabContext.tsx'\nexport const x = useLab\n")).toHaveLength(1)
    expect(await fenceErrors('src/components/Probe.ts', "import type { SimState } from '../sim/types.ts'\nexport type X = SimState\n")).toHaveLength(1)
  })
  it('the SCORM layer knows no lessons or pages', async () => {
    expect(await fenceErrors('src/lms/Probe.ts', "import { LESSONS } from '../course/catalog.ts'\nexport const x = LESSONS\n")).toHaveLength(1)
    expect(await fenceErrors('src/lms/Probe.ts', "import { Notice } from '../components/Notice.tsx'\nexport const x = Notice\n")).toEqual([])
  })
  it('the lab package never imports a page; the drawing code never imports React-side folders', async () => {
    expect(await fenceErrors('src/lab-ui/Probe.ts', "import { route } from '../features/lab/route.ts'\nexport const x = route\n")).toHaveLength(1)
    expect(await fenceErrors('src/draw/Probe.ts', "import { useLab } from '../store/LabContext.tsx'\nexport const x = useLab\n")).toHaveLength(1)
  })
})

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name)
    if (d.isDirectory()) return sourceFiles(p)
    return /\.(ts|tsx)$/.test(d.name) ? [p] : []
  })
}

/** Static imports between source files (type-only imports included: they still tie modules together). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const text = readFileSync(file, 'utf8')
    const deps = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/gm)].map((m) => path.resolve(path.dirname(file), m[1]!))
    graph.set(file, deps)
  }
  return graph
}

describe('import graph', () => {
  it('has no cycles', () => {
    const graph = importGraph()
    const state = new Map<string, 'visiting' | 'done'>()
    const cycles: string[] = []
    const visit = (f: string, trail: string[]) => {
      if (state.get(f) === 'done') return
      if (state.get(f) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(root, x)).join(' → '))
        return
      }
      state.set(f, 'visiting')
      for (const d of graph.get(f) ?? []) if (graph.has(d)) visit(d, [...trail, f])
      state.set(f, 'done')
    }
    for (const f of graph.keys()) visit(f, [])
    expect(cycles).toEqual([])
  })
  it('only Node code registers every product at once; browser code loads them one by one', () => {
    // products/engine/all.ts would put all five load balancers back on every page's first load
    // (docs/DECISIONS.md "Products load on demand"); harness.ts imports it, so the same goes for it.
    const nodeOnly = /src\/(cli\/|sim\/harness\.ts$|sim\/products\/engine\/(all|sameCrash)\.ts$|.*\.test\.tsx?$)/
    const eager = /^\s*(?:import|export)\b[^'"]*?'[./]*[^']*(?:products\/engine\/all|sim\/harness|\/harness)\.ts'/m
    const offenders = sourceFiles(path.join(root, 'src'))
      .filter((f) => !nodeOnly.test(f) && eager.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f))
    expect(offenders).toEqual([])
  })
  it('a load balancer’s parts (HAProxy’s hashing, nginx’s ip_hash, hash and ring) reach the browser only on demand', () => {
    // A static import would put them back on the first load of every page under that product
    // (docs/DECISIONS.md "Load-balancer parts"); productLoader.ts fetches them with a run that needs them.
    const allowed = /src\/(sim\/products\/engine\/all\.ts$|.*\.test\.tsx?$)/
    const eager = /^\s*(?:import|export)\b(?!\s+type\b)[^'"]*?'[./]*[^']*products\/engine\/(haproxyHash|nginxHash|nginxIpHash)\.ts'|^\s*(?:import|export)\b(?!\s+type\b)[^'"]*?'\.\/(haproxyHash|nginxHash|nginxIpHash)\.ts'/m
    const offenders = sourceFiles(path.join(root, 'src'))
      .filter((f) => !allowed.test(f) && eager.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f))
    expect(offenders).toEqual([])
  })
})
