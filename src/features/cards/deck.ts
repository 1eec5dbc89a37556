// The deck the page studies: content/cards/deck.json, validated on load. A malformed card is left
// out with a readable problem instead of breaking the page (the content test keeps this at zero).

import raw from '../../../content/cards/deck.json'
import { deckCardSchema, deckSchema, type DeckCard } from './deckSchema.ts'

export interface LoadedDeck {
  readonly name: string
  readonly cards: readonly DeckCard[]
  readonly byId: ReadonlyMap<string, DeckCard>
  /** Human-readable content problems (empty for a valid deck). */
  readonly problems: readonly string[]
}

export function loadDeck(input: unknown): LoadedDeck {
  const parsed = deckSchema.safeParse(input)
  if (parsed.success) return build(parsed.data.deck, parsed.data.cards, [])
  // Salvage: keep every card that is valid on its own, first of each id.
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'deck'}: ${i.message}`)
  const obj = (typeof input === 'object' && input !== null ? input : {}) as { deck?: unknown; cards?: unknown }
  const list = Array.isArray(obj.cards) ? obj.cards : []
  const cards: DeckCard[] = []
  const seen = new Set<string>()
  for (const c of list) {
    const one = deckCardSchema.safeParse(c)
    if (one.success && !seen.has(one.data.id)) {
      seen.add(one.data.id)
      cards.push(one.data)
    }
  }
  return build(typeof obj.deck === 'string' && obj.deck.trim() ? obj.deck : 'Flashcards', cards, problems)
}

function build(name: string, cards: DeckCard[], problems: string[]): LoadedDeck {
  return { name, cards, byId: new Map(cards.map((c) => [c.id, c])), problems }
}

export const DECK: LoadedDeck = loadDeck(raw)

/** Every tag in deck order of first appearance, with how many cards carry it. */
export function deckTags(deck: LoadedDeck): { tag: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const c of deck.cards) for (const t of c.tags) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag))
}
