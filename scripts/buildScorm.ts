// npm run build:scorm [-- --mastery 80]: SCORM 1.2 packages (one per lesson, one for the course) from
// the static build in $OUT_DIR or dist/, into its scorm/ folder. `npm run build` runs it after Vite.
// With --mastery, LMSs report passed/failed against that score instead of completed.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { listLessons } from '../src/features/lessons/build/lessonList.ts'
import { buildScormPackages, SCORM_DIR } from '../src/lms/build/packScorm.ts'

const dir = process.env.OUT_DIR ?? 'dist'
const args = process.argv.slice(2)
let mastery: number | null = null
const at = args.indexOf('--mastery')
if (at >= 0) {
  const raw = args[at + 1] ?? ''
  if (!/^\d{1,3}$/.test(raw) || Number(raw) > 100) {
    process.stderr.write(`error: --mastery takes a whole number 0–100, not "${raw}"\n`)
    process.exit(2)
  }
  mastery = Number(raw)
} else if (args.length > 0) {
  process.stderr.write(`error: unknown argument "${args[0]}" (use --mastery N)\n`)
  process.exit(2)
}
if (!existsSync(join(dir, 'index.html'))) {
  process.stderr.write(`error: no build in ${dir}/ — run \`npm run build\` (or vite build) first\n`)
  process.exit(2)
}
const started = performance.now()
const index = buildScormPackages(dir, listLessons(join(import.meta.dirname, '../content/lessons')), { mastery })
const total = index.packages.reduce((n, p) => n + p.bytes, 0)
for (const p of index.packages) process.stdout.write(JSON.stringify({ name: `scorm ${p.file}`, value: Math.round(p.bytes / 1024), unit: 'KB' }) + '\n')
process.stdout.write(`scorm: ${index.packages.length} packages, ${(total / 1048576).toFixed(1)} MB in ${join(dir, SCORM_DIR)}/ (${Math.round(performance.now() - started)} ms)\n`)
