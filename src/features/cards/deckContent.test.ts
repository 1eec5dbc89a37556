// The shipped deck (content/cards/deck.json) is valid as a whole: the schema, a lesson for every
// card, and "Show me" scenes whose overrides the lab accepts (a product that has the policy), so
// loadDeck never has to drop a card in the browser.

import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import raw from '../../../content/cards/deck.json'
import { overrideProblems } from '../lessons/scene/sceneRun.ts'
import { DECK } from './deck.ts'
import { deckSchema } from './deckSchema.ts'

const LESSON_SLUGS = new Set(readdirSync(join(import.meta.dirname, '../../../content/lessons')).map((f) => f.replace(/^\d{2}-|\.mdx$/g, '')))

describe('content/cards/deck.json', () => {
  it('parses whole, with no card dropped', () => {
    const parsed = deckSchema.safeParse(raw)
    expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([])
    expect(DECK.problems).toEqual([])
    expect(DECK.cards).toHaveLength(raw.cards.length)
  })

  it('names an existing lesson for every card', () => {
    for (const c of DECK.cards) expect(LESSON_SLUGS.has(c.lesson), `${c.id}: lesson "${c.lesson}"`).toBe(true)
  })

  it('gives every scene overrides the lab accepts for that scenario (the product has the policy)', () => {
    for (const c of DECK.cards) if (c.scene) expect(overrideProblems(c.scene.overrides, c.scene.id), c.id).toEqual([])
  })
})
