// Content check for the glossary: shape (zod), unique ids and names, lessons that exist, every term
// the lab's "?" buttons link to, and texts short enough for the lab's popover. Product facts in the
// glossary follow docs/facts/ (alb.md "AWSALB", kubernetes.md "sessionAffinity: ClientIP", nginx.md
// "ip_hash" and "hash $key consistent"); change them together.

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readGlossary } from '../src/lab-ui/jargon/glossary.ts'
import { labTermIds } from '../src/lab-ui/jargon/terms.ts'

const raw: unknown = JSON.parse(readFileSync(new URL('./glossary.json', import.meta.url), 'utf8'))
const lessonSlugs = readdirSync(new URL('./lessons/', import.meta.url))
  .map((f) => /^\d\d-(.+)\.mdx$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)

const text = (max: number) => z.string().trim().min(3).max(max)
const schema = z.object({
  version: z.literal(1),
  terms: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        term: text(40),
        aliases: z.array(z.string().trim().min(2).max(40)),
        // The lab's popover shows `short`: one or two sentences.
        short: text(220),
        body: text(700),
        lessons: z.array(z.string()).min(1),
      }),
    )
    .min(20),
})

describe('content/glossary.json', () => {
  const parsed = schema.safeParse(raw)
  const terms = parsed.success ? parsed.data.terms : []

  it('matches the schema', () => {
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([])
  })

  it('has unique ids, and no name or alias shared by two terms', () => {
    const ids = terms.map((t) => t.id)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    const names = terms.flatMap((t) => [t.term, ...t.aliases].map((n) => [n.toLowerCase(), t.id] as const))
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const [n, id] of names) {
      const o = owner.get(n)
      if (o && o !== id) clashes.push(`“${n}”: ${o} and ${id}`)
      owner.set(n, id)
    }
    expect(clashes).toEqual([])
  })

  it('links every term to lessons that exist', () => {
    expect(lessonSlugs.length).toBeGreaterThan(0)
    expect(terms.flatMap((t) => t.lessons.filter((l) => !lessonSlugs.includes(l)).map((l) => `${t.id} → ${l}`))).toEqual([])
  })

  it('explains every term the lab links to, and the jargon newcomers asked about', () => {
    const ids = new Set(terms.map((t) => t.id))
    expect(labTermIds().filter((id) => !ids.has(id))).toEqual([])
    for (const word of ['AWSALB', 'p95', 'Imbalance (max ÷ mean)', 'In flight', 'JWT', 'ClientIP', 'Redis-like']) {
      expect(terms.some((t) => [t.term, ...t.aliases].includes(word)), word).toBe(true)
    }
  })

  it('is read whole by the app, and a malformed entry is left out, not fatal', () => {
    expect(readGlossary(raw)).toHaveLength(terms.length)
    expect(readGlossary({ terms: [{ id: 'x' }, ...(terms.slice(0, 1) as unknown[])] })).toHaveLength(1)
    expect(readGlossary(null)).toEqual([])
  })
})
