// "Show me": the lab URL that opens a card's scene (with its overrides) and leads back to the card.

import { href } from '../../app/router.ts'
import type { DeckCard } from './deckSchema.ts'

export function sceneHref(card: DeckCard): string | null {
  if (!card.scene) return null
  const o = card.scene.overrides ?? {}
  return href('/lab', { scenario: card.scene.id, lb: o.lb, policy: o.policy, storage: o.storage, servers: o.servers, users: o.users, from: card.id })
}

export function cardHref(id: string): string {
  return href('/cards', { card: id })
}
