// Lessons are validated like code: frontmatter, the shared anatomy, stable heading ids, every scene
// against the engine's scenarios, every internal link, and coverage of the whole article.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCENARIO_IDS, SCENARIOS, isScenarioId, type ScenarioId } from '../../sim/scenarios/index.ts'
import { analyzeLesson, type ElementUse, type LessonAnalysis } from './build/analyzeLesson.ts'
import { HEADING_ID, RESERVED_IDS } from './build/headingIds.ts'
import { lessonFrontmatter, type LessonFrontmatter } from '../../course/lessonSchema.ts'
import { overrideProblems } from './scene/sceneRun.ts'
import { decodeSetup } from '../compare/urlCodec.ts'
import { slugOf } from '../../course/slug.ts'
import { TOPIC_KEYS } from '../../course/syllabus.ts'

const DIR = join(import.meta.dirname, '../../../content/lessons')
const DECK = JSON.parse(readFileSync(join(import.meta.dirname, '../../../content/cards/deck.json'), 'utf8')) as { cards: { id: string }[] }
const CARD_IDS = new Set(DECK.cards.map((c) => c.id))
const GLOSSARY = JSON.parse(readFileSync(join(import.meta.dirname, '../../../content/glossary.json'), 'utf8')) as { terms: { id: string }[] }
const GLOSSARY_IDS = new Set(GLOSSARY.terms.map((t) => t.id))

interface Lesson {
  file: string
  slug: string
  meta: LessonFrontmatter
  a: LessonAnalysis
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.mdx')).sort()
const lessons: Lesson[] = files.map((file) => {
  const a = analyzeLesson(readFileSync(join(DIR, file), 'utf8'))
  return { file, slug: slugOf(file), meta: lessonFrontmatter.parse(a.frontmatter), a }
})
const bySlug = new Map(lessons.map((l) => [l.slug, l]))
const headingIds = (l: Lesson) => new Set([...l.a.headings.flatMap((h) => (h.id ? [h.id] : [])), 'recap', 'you-will-learn'])
const scenes = (l: Lesson) => l.a.elements.filter((e) => e.name === 'Scene')

const COMPONENTS = new Set(['Intro', 'YouWillLearn', 'Recap', 'Callout', 'Diagram', 'Scene', 'MigrationWalkthrough'])
const CODE_LANGS = new Set(['nginx', 'yaml', 'text'])

describe('lesson files', () => {
  it('are the 14 lessons, named NN-slug.mdx, in frontmatter order 1..14', () => {
    expect(files).toHaveLength(14)
    for (const l of lessons) {
      expect(l.file).toMatch(/^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/)
      expect(Number(l.file.slice(0, 2)), l.file).toBe(l.meta.order)
    }
    expect(lessons.map((l) => l.meta.order)).toEqual(lessons.map((_, i) => i + 1))
  })

  it('rejects a frontmatter that breaks the schema', () => {
    expect(lessonFrontmatter.safeParse({ title: 'T', summary: 'short', order: 0, scenarios: ['nope'], covers: [] }).success).toBe(false)
    expect(lessonFrontmatter.safeParse({ ...lessons[0]!.meta, extra: 1 }).success).toBe(false)
  })
})

describe.each(lessons.map((l) => [l.file, l] as const))('%s', (_file, l) => {
  it('follows the anatomy: intro, "you will learn", sections, recap', () => {
    const o = l.a.outline
    expect(o.filter((x) => x === 'Intro')).toHaveLength(1)
    expect(o.filter((x) => x === 'YouWillLearn')).toHaveLength(1)
    expect(o.filter((x) => x === 'Recap')).toHaveLength(1)
    expect(o.indexOf('Intro')).toBe(0)
    expect(o.indexOf('YouWillLearn')).toBe(1)
    expect(o.indexOf('h2')).toBe(2)
    expect(o.lastIndexOf('h2')).toBeLessThan(o.indexOf('Recap'))
    expect(o.includes('h1'), 'the page already has the h1').toBe(false)
  })

  it('uses only the registered components, with content where needed', () => {
    for (const e of l.a.elements) {
      expect(COMPONENTS.has(e.name), `<${e.name}> (line ${e.line}) is not a lesson component`).toBe(true)
      expect(e.dynamic, `<${e.name}> (line ${e.line}) has non-literal attributes`).toEqual([])
      if (['Intro', 'YouWillLearn', 'Recap', 'Callout', 'Scene'].includes(e.name)) expect(e.hasChildren, `<${e.name}> line ${e.line} is empty`).toBe(true)
    }
  })

  it('gives every h2/h3 a stable, unique id', () => {
    const ids: string[] = []
    for (const h of l.a.headings) {
      if (h.depth === 2 || h.depth === 3) expect(h.id, `heading "${h.text}" (line ${h.line}) has no {/*id*/}`).not.toBeNull()
      if (h.id === null) continue
      expect(h.id).toMatch(HEADING_ID)
      expect(RESERVED_IDS.has(h.id), `heading id "${h.id}" is reserved`).toBe(false)
      ids.push(h.id)
    }
    expect(new Set(ids).size, `repeated heading ids: ${ids.filter((x, i) => ids.indexOf(x) !== i).join(', ')}`).toBe(ids.length)
  })

  it('has at least one predict → run → explain scene, each valid against the engine', () => {
    expect(scenes(l).length).toBeGreaterThan(0)
    for (const s of scenes(l)) checkScene(s)
  })

  it('lists exactly the scenarios its scenes use', () => {
    expect(new Set(l.meta.scenarios)).toEqual(new Set(scenes(l).map((s) => s.props.scenario)))
  })

  it('has well-formed callouts, diagrams and code blocks', () => {
    for (const e of l.a.elements) {
      if (e.name === 'Callout') {
        expect(['note', 'tip', 'warning']).toContain(e.props.kind)
        expect(typeof e.props.title).toBe('string')
      }
      if (e.name === 'Diagram') {
        expect(String(e.props.caption ?? '').length).toBeGreaterThan(10)
        expect(String(e.props.chart ?? '')).toMatch(/^\s*(flowchart|sequenceDiagram|graph)\b/)
      }
    }
    for (const c of l.a.codeLangs) expect(CODE_LANGS.has(c.lang ?? ''), `code block at line ${c.line} needs one of ${[...CODE_LANGS].join(', ')}`).toBe(true)
  })

  it('links only to things that exist', () => {
    for (const { url, line } of l.a.links) expect(linkProblem(url), `${l.file}:${line} ${url}`).toBeNull()
  })
})

function checkScene(s: ElementUse) {
  const where = `<Scene> at line ${s.line}`
  const { scenario, question, choices, answer, overrides } = s.props
  expect(typeof scenario === 'string' && isScenarioId(scenario), `${where}: unknown scenario "${String(scenario)}"`).toBe(true)
  expect(typeof question === 'string' && question.length >= 15, `${where}: needs a question`).toBe(true)
  expect(Array.isArray(choices) && choices.length >= 2 && choices.length <= 4 && choices.every((c) => typeof c === 'string' && c.length > 0), `${where}: 2–4 choices`).toBe(true)
  expect(new Set(choices as string[]).size, `${where}: choices repeat`).toBe((choices as string[]).length)
  expect(Number.isInteger(answer) && (answer as number) >= 0 && (answer as number) < (choices as string[]).length, `${where}: answer must index a choice`).toBe(true)
  expect(overrideProblems(overrides, isScenarioId(String(scenario)) ? (scenario as ScenarioId) : undefined), where).toEqual([])
}

/** Why an internal link is broken, or null when it resolves. */
function linkProblem(url: string): string | null {
  if (/^https:\/\//.test(url)) return null
  const m = /^#(\/[^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(url)
  if (!m) return 'links must be hash routes like #/learn/<slug>'
  const [, path, query = '', anchor] = m
  const q = new URLSearchParams(query)
  if (path === '/learn') return anchor ? 'the index has no anchors' : null
  const learn = /^\/learn\/([^/]+)$/.exec(path!)
  if (learn) {
    const target = bySlug.get(learn[1]!)
    if (!target) return `no lesson "${learn[1]}"`
    if (anchor !== undefined && !headingIds(target).has(anchor)) return `no heading #${anchor} in ${target.file}`
    return null
  }
  if (path === '/lab') {
    const sc = q.get('scenario')
    if (sc === null || !isScenarioId(sc)) return `unknown scenario "${sc}"`
    const rest: Record<string, string | number> = {}
    for (const [k, v] of q) if (k !== 'scenario') rest[k] = k === 'servers' || k === 'users' ? Number(v) : v
    const problems = overrideProblems(rest, sc)
    return problems.length ? problems.join('; ') : null
  }
  if (path === '/cards') {
    const card = q.get('card')
    return card === null || CARD_IDS.has(card) ? null : `no card "${card}" in content/cards/deck.json`
  }
  if (path === '/glossary') return anchor === undefined || GLOSSARY_IDS.has(anchor) ? null : `no term #${anchor} in content/glossary.json`
  if (path === '/compare') {
    // A compare link must decode cleanly: its scenario, columns and load balancers all exist.
    const problems = query === '' ? [] : decodeSetup(q).problems
    return problems.length ? problems.join('; ') : null
  }
  if (path === '/') return null
  return `unknown route ${path}`
}

describe('the course as a whole', () => {
  it('covers every section of the article', () => {
    const covered = new Set(lessons.flatMap((l) => l.meta.covers))
    expect(TOPIC_KEYS.filter((t) => !covered.has(t))).toEqual([])
  })

  it('shows every scenario somewhere, and each scenario’s own lesson shows or links it', () => {
    const shown = (l: Lesson, id: string) => scenes(l).some((s) => s.props.scenario === id) || l.a.links.some((x) => x.url.startsWith(`#/lab?scenario=${id}`))
    for (const id of SCENARIO_IDS) {
      expect(lessons.some((l) => shown(l, id)), `scenario ${id} appears in no lesson`).toBe(true)
      const home = bySlug.get(SCENARIOS[id].lesson)
      expect(home, `scenario ${id} names lesson "${SCENARIOS[id].lesson}", which doesn't exist`).toBeDefined()
      expect(shown(home!, id), `${home!.file} should show or link ${id}, the scenario it teaches`).toBe(true)
    }
  })

  it('has the migration walkthrough in the migration lesson', () => {
    const walk = lessons.filter((l) => l.a.elements.some((e) => e.name === 'MigrationWalkthrough')).map((l) => l.slug)
    expect(walk).toEqual(['migration-plan'])
  })

  it('rejects broken links of every kind', () => {
    expect(linkProblem('#/learn/nope')).toMatch(/no lesson/)
    expect(linkProblem('#/learn/nginx#nope')).toMatch(/no heading/)
    expect(linkProblem('#/learn/nginx#ip-hash')).toBeNull()
    expect(linkProblem('#/lab?scenario=nope')).toMatch(/unknown scenario/)
    expect(linkProblem('#/lab?scenario=shared-store&policy=nope')).toMatch(/unknown policy/)
    expect(linkProblem('#/cards?card=nope')).toMatch(/no card/)
    expect(linkProblem('#section')).toMatch(/hash routes/)
    expect(linkProblem('#/nowhere')).toMatch(/unknown route/)
    expect(linkProblem('#/glossary#jwt')).toBeNull()
    expect(linkProblem('#/glossary#nope')).toMatch(/no term/)
  })
})
