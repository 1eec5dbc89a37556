// The SCORM 1.2 packager behind `npm run build:scorm`: from a finished static build, one zip per
// lesson and one for the whole course, written to <build>/scorm/ with an index.json the Learn and
// Embed pages list. Each zip is the built app (relative paths, no network: it runs from the zip's
// own folder) plus imsmanifest.xml at its root, with the package's identity written into its
// index.html as the <meta> the app reads (config.ts). Build-time only (Node).

import { zipSync, type Zippable } from 'fflate'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { lmsMetaTag, type LmsConfig } from '../config.ts'
import { imsManifest } from './imsManifest.ts'

export interface PackLesson {
  readonly slug: string
  readonly title: string
  readonly order: number
  readonly sceneCount: number
}

export interface PackageEntry {
  readonly file: string
  readonly kind: 'course' | 'lesson'
  readonly title: string
  /** The lesson's slug (lesson packages). */
  readonly slug?: string
  readonly scenes: number
  readonly bytes: number
}

/** scorm/index.json: what the download lists show. */
export interface PackageIndex {
  readonly v: 1
  readonly mastery: number | null
  readonly packages: readonly PackageEntry[]
}

export const SCORM_DIR = 'scorm'
export const COURSE_TITLE = 'Sticky Sessions Lab: the course'

/** What never goes into a package: other packages, the offline service worker, the static oEmbed pages, the embed client. */
const EXCLUDE = [/^scorm\//, /^\.vite\//, /^sw\.js$/, /^workbox-[^/]*\.js$/, /^registerSW\.js$/, /^manifest\.webmanifest$/, /^scenario\//, /^oembed\//, /^embed-client\./]

function walk(dir: string, root = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, root, out)
    else out.push(relative(root, p).split(sep).join('/'))
  }
  return out
}

/** The build's files that belong in a package, sorted (stable zips). */
export function packageFiles(buildDir: string): string[] {
  return walk(buildDir)
    .filter((f) => !EXCLUDE.some((re) => re.test(f)))
    .sort()
}

export function withLmsMeta(indexHtml: string, config: LmsConfig): string {
  if (!indexHtml.includes('</head>')) throw new Error('index.html has no </head>')
  return indexHtml.replace('</head>', `  ${lmsMetaTag(config)}\n  </head>`)
}

const pad = (n: number) => String(n).padStart(2, '0')

export function buildScormPackages(buildDir: string, lessons: readonly PackLesson[], opts: { mastery?: number | null } = {}): PackageIndex {
  const mastery = opts.mastery ?? null
  const files = packageFiles(buildDir)
  if (!files.includes('index.html')) throw new Error(`${buildDir} has no index.html: run the build first`)
  const contents: Record<string, Uint8Array> = {}
  for (const f of files) contents[f] = readFileSync(join(buildDir, f))
  const indexHtml = readFileSync(join(buildDir, 'index.html'), 'utf8')
  const sorted = [...lessons].sort((a, b) => a.order - b.order)

  const outDir = join(buildDir, SCORM_DIR)
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })

  const make = (file: string, config: LmsConfig, title: string): number => {
    const zippable: Zippable = {}
    for (const f of files) zippable[f] = f === 'index.html' ? new TextEncoder().encode(withLmsMeta(indexHtml, config)) : contents[f]!
    zippable['imsmanifest.xml'] = new TextEncoder().encode(imsManifest({ identifier: config.id, title, mastery, launch: 'index.html', files }))
    const zip = zipSync(zippable, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') })
    writeFileSync(join(outDir, file), zip)
    return zip.length
  }

  const packages: PackageEntry[] = []
  const courseFile = 'sticky-sessions-lab-course.zip'
  const courseScenes = sorted.reduce((n, l) => n + l.sceneCount, 0)
  const courseConfig: LmsConfig = { v: 1, id: 'sticky-sessions-lab-course', lessons: sorted.map((l) => l.slug), start: '/learn', mastery }
  packages.push({ file: courseFile, kind: 'course', title: COURSE_TITLE, scenes: courseScenes, bytes: make(courseFile, courseConfig, COURSE_TITLE) })
  for (const l of sorted) {
    const file = `sticky-sessions-lab-${pad(l.order)}-${l.slug}.zip`
    const title = `Lesson ${l.order}: ${l.title}`
    const config: LmsConfig = { v: 1, id: `sticky-sessions-lab-${l.slug}`, lessons: [l.slug], start: `/learn/${l.slug}`, mastery }
    packages.push({ file, kind: 'lesson', title, slug: l.slug, scenes: l.sceneCount, bytes: make(file, config, `Sticky Sessions Lab — ${title}`) })
  }
  const index: PackageIndex = { v: 1, mastery, packages }
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index, null, 2) + '\n')
  return index
}
