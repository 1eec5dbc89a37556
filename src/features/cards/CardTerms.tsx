// Glossary links under a card's answer: the course terms the card's question and answer use (as
// they are written there), each linking to its entry on #/glossary. The glossary loads with the
// first answer shown; words everyone knows ("session", "load balancer") are not linked.

import { useEffect, useState } from 'react'
import { loadGlossary, type GlossaryEntry } from '../../lab-ui/jargon/glossary.ts'
import type { DeckCard } from './deckSchema.ts'

const TOO_COMMON: ReadonlySet<string> = new Set(['session', 'load-balancer'])
const MAX_TERMS = 4

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The entries a text mentions, in order of first mention, with the words used for each. */
export function termsIn(text: string, entries: readonly GlossaryEntry[]): { entry: GlossaryEntry; words: string; at: number }[] {
  const found: { entry: GlossaryEntry; words: string; at: number }[] = []
  for (const entry of entries) {
    if (TOO_COMMON.has(entry.id)) continue
    let best: { words: string; at: number } | null = null
    for (const name of [entry.term, ...entry.aliases]) {
      if (name.length < 3) continue
      // All-capital names (JWT, NAT) must match as written; others in any case. Whole words only.
      const re = new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`, name === name.toUpperCase() ? '' : 'i')
      const m = re.exec(text)
      if (m && (!best || m.index < best.at)) best = { words: m[0], at: m.index }
    }
    if (best) found.push({ entry, ...best })
  }
  return found.sort((a, b) => a.at - b.at).slice(0, MAX_TERMS)
}

export function CardTerms({ card }: { card: DeckCard }) {
  const [entries, setEntries] = useState<readonly GlossaryEntry[]>([])
  useEffect(() => {
    let live = true
    loadGlossary().then(
      (all) => live && setEntries(all),
      () => {}, // no glossary, no links: the card itself is complete
    )
    return () => {
      live = false
    }
  }, [])
  const terms = termsIn(`${card.back.replaceAll('`', '')}\n${card.front.replaceAll('`', '')}`, entries)
  if (terms.length === 0) return null
  return (
    <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm text-muted" data-testid="card-terms">
      <span>Glossary:</span>
      {terms.map((t) => (
        <a key={t.entry.id} href={`#/glossary#${t.entry.id}`} title={t.entry.short} className="inline-flex min-h-6 items-center text-accent underline decoration-line underline-offset-4 hover:decoration-current">
          {t.words}
        </a>
      ))}
    </p>
  )
}
