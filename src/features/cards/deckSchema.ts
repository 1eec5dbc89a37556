// The flashcard deck's shape, checked with zod when the deck loads and in the content test, so a
// typo in content/cards/deck.json (an unknown scene, a policy that doesn't exist) fails loudly.

import { z } from 'zod'
import { LB_PRODUCT_IDS, MAX_SERVERS, MAX_USERS, SCENARIO_IDS, POLICY_IDS, STORAGE_KINDS } from '../../lab-ui/engine.ts'

/** Card ids are stable keys for saved progress and URLs: lowercase words joined by dashes. */
export const CARD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The config a "Show me" link may change; each maps to a validated lab URL parameter. */
export const sceneOverridesSchema = z.strictObject({
  lb: z.enum(LB_PRODUCT_IDS).optional(),
  policy: z.enum(POLICY_IDS).optional(),
  storage: z.enum(STORAGE_KINDS).optional(),
  servers: z.int().min(1).max(MAX_SERVERS).optional(),
  users: z.int().min(1).max(MAX_USERS).optional(),
})

export const sceneSchema = z.strictObject({
  id: z.enum(SCENARIO_IDS),
  overrides: sceneOverridesSchema.optional(),
})

const text = z.string().trim().min(1)

export const deckCardSchema = z.strictObject({
  id: z.string().regex(CARD_ID, 'ids are lowercase words joined by dashes').max(80),
  front: text.max(200),
  back: text.max(600),
  tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lowercase words joined by dashes')).min(1),
  scene: sceneSchema.optional(),
  /** Slug of the lesson that teaches it (content/lessons/NN-<slug>.mdx). */
  lesson: z.string().regex(CARD_ID),
})

export const deckSchema = z
  .strictObject({
    version: z.literal(1),
    deck: text,
    cards: z.array(deckCardSchema).min(1),
  })
  .superRefine((deck, ctx) => {
    const seen = new Set<string>()
    deck.cards.forEach((card, i) => {
      if (seen.has(card.id)) ctx.addIssue({ code: 'custom', path: ['cards', i, 'id'], message: `duplicate card id "${card.id}"` })
      seen.add(card.id)
    })
  })

export type DeckCard = z.infer<typeof deckCardSchema>
