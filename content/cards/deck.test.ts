// Content check for the flashcard deck: shape (zod), unique ids, scenes that exist with valid
// overrides, lesson slugs that match content/lessons/NN-<slug>.mdx, coverage of every lesson, and a
// reasoned list of the only cards allowed to have no "Show me" scene.

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { deckSchema } from '../../src/features/cards/deckSchema.ts'
import { overrideProblems } from '../../src/features/lessons/scene/sceneRun.ts'
import { resolveConfig } from '../../src/sim/config.ts'
import { SCENARIO_IDS, SCENARIOS } from '../../src/sim/scenarios/index.ts'

const raw: unknown = JSON.parse(readFileSync(new URL('./deck.json', import.meta.url), 'utf8'))
const lessonSlugs = readdirSync(new URL('../lessons/', import.meta.url))
  .map((f) => /^\d\d-(.+)\.mdx$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)

/** Cards no scene can prove, and why. Anything else without a scene fails this test. */
const NO_SCENE: Record<string, string> = {
  'def-other-names': 'vocabulary: synonyms across vendors',
  'state-rate-limit-counters': 'the lab models sessions and carts, not rate limiting',
  'nginx-down-vs-delete': 'needs editing the nginx upstream block; the lab has no "delete the line" action',
  'hash-modulo-vs-consistent-remove': 'the lab can add servers to a hashed pool but not remove one from the ring',
  'nginx-sticky-open-source': 'about nginx release history',
  'haproxy-cookie-insert': 'about HAProxy configuration syntax',
  'cloudflare-cflb-cookie': 'about Cloudflare product defaults',
  'haproxy-version-pinning': 'about HAProxy release history (the lab runs one version)',
  'nginx-backup-ip-hash': 'about how nginx parses a config; the lab has no backup servers',
}

describe('content/cards/deck.json', () => {
  const parsed = deckSchema.safeParse(raw)

  it('matches the schema (unique ids, known scenes, valid overrides)', () => {
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([])
  })

  const cards = parsed.success ? parsed.data.cards : []

  it('links every card to a lesson that exists, and every lesson has cards', () => {
    expect(lessonSlugs.length).toBeGreaterThan(0)
    expect(cards.filter((c) => !lessonSlugs.includes(c.lesson)).map((c) => `${c.id} → ${c.lesson}`)).toEqual([])
    expect(lessonSlugs.filter((slug) => !cards.some((c) => c.lesson === slug))).toEqual([])
  })

  it("has the article's six interview questions and at least 30 more", () => {
    expect(cards.filter((c) => c.id.startsWith('iq-') && c.tags.includes('interview'))).toHaveLength(6)
    expect(cards.length).toBeGreaterThanOrEqual(36)
  })

  it('gives every card a scene unless no scene can prove it', () => {
    const missing = cards.filter((c) => !c.scene && !(c.id in NO_SCENE)).map((c) => c.id)
    expect(missing).toEqual([])
    const stale = Object.keys(NO_SCENE).filter((id) => cards.find((c) => c.id === id)?.scene !== undefined || !cards.some((c) => c.id === id))
    expect(stale).toEqual([])
  })

  it('uses scenes whose overrides change something and stay within the lab limits', () => {
    expect(SCENARIO_IDS.length).toBe(Object.keys(SCENARIOS).length)
    for (const c of cards) {
      if (!c.scene?.overrides) continue
      const base = resolveConfig(SCENARIOS[c.scene.id].config)
      const config = resolveConfig(SCENARIOS[c.scene.id].config, c.scene.overrides)
      for (const [key, value] of Object.entries(c.scene.overrides)) {
        expect(config[key as keyof typeof config], `${c.id}: ${key}`).toBe(value)
        expect(base[key as keyof typeof base], `${c.id}: ${key} is already the scene's own value`).not.toBe(value)
      }
      // The product must have the policy, or the "Show me" run would use a stand-in (nginx 1.22 has no cookie).
      expect(overrideProblems(c.scene.overrides, c.scene.id), c.id).toEqual([])
    }
  })

  it('keeps answers short and free of markup', () => {
    for (const c of cards) {
      expect(c.back.length, c.id).toBeLessThanOrEqual(600)
      expect(`${c.front} ${c.back}`, c.id).not.toMatch(/<[a-z/]|\t|\n/i)
      expect((c.front.match(/`/g)?.length ?? 0) % 2, `${c.id}: unbalanced backticks in front`).toBe(0)
      expect((c.back.match(/`/g)?.length ?? 0) % 2, `${c.id}: unbalanced backticks in back`).toBe(0)
    }
  })
})
