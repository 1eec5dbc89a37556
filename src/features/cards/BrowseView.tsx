// Browse: every card with search and a tag filter, its status, the answer on demand, and actions
// (study it now, show its scene, reset it).

import { useDeferredValue, useId, useState } from 'react'
import { CardText } from './CardText.tsx'
import { DECK } from './deck.ts'
import type { DeckCard } from './deckSchema.ts'
import type { ProgressDoc } from './progressSchema.ts'
import { statusOf } from './queue.ts'
import { TagSelect } from './TagSelect.tsx'
import { cardHref, sceneHref } from './sceneHref.ts'
import { progressStore, useProgress } from './useProgress.ts'

export function BrowseView({ now }: { now: number }) {
  const [query, setQuery] = useState('')
  const [tag, setTag] = useState('')
  const deferred = useDeferredValue(query)
  const searchId = useId()
  const doc = useProgress((s) => s.doc)
  const words = deferred.toLowerCase().split(/\s+/).filter(Boolean)
  const shown = DECK.cards.filter((c) => (tag === '' || c.tags.includes(tag)) && words.every((w) => haystack(c).includes(w)))
  return (
    <section aria-labelledby="browse-title" className="flex flex-col gap-4">
      <h2 id="browse-title" className="sr-only">
        Browse cards
      </h2>
      <div className="flex flex-col gap-3 rounded-2xl border border-line bg-card p-4 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={searchId} className="text-xs font-semibold uppercase tracking-wide text-muted">
            Search
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Words from the question, answer or tags"
            className="min-h-11 w-full rounded-lg border border-line bg-page px-3 text-base text-ink placeholder:text-muted"
          />
        </div>
        <TagSelect label="Tag" value={tag} onChange={setTag} allLabel="All tags" className="sm:w-60" />
      </div>
      <p role="status" className="text-sm text-muted">
        {shown.length === DECK.cards.length ? `All ${shown.length} cards` : `${shown.length} of ${DECK.cards.length} cards`}
      </p>
      {shown.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line p-8 text-center text-muted">No card matches. Try fewer words or another tag.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {shown.map((c) => (
            <BrowseItem key={c.id} card={c} doc={doc} now={now} />
          ))}
        </ul>
      )}
    </section>
  )
}

const haystacks = new Map<string, string>()
function haystack(c: DeckCard): string {
  let h = haystacks.get(c.id)
  if (h === undefined) haystacks.set(c.id, (h = `${c.front} ${c.back} ${c.tags.join(' ')} ${c.id}`.toLowerCase()))
  return h
}

function BrowseItem({ card, doc, now }: { card: DeckCard; doc: ProgressDoc; now: number }) {
  const studied = card.id in doc.cards
  const status = statusOf(doc, card.id, now)
  const scene = sceneHref(card)
  const tone = status.tone === 'new' ? 'bg-accent text-accent-ink' : status.tone === 'due' ? 'border border-warn text-warn' : 'border border-line text-muted'
  return (
    <li className="rounded-2xl border border-line bg-card p-4 sm:p-5" data-testid="browse-card">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
        <h3 className="text-lg font-semibold leading-snug">
          <CardText text={card.front} />
        </h3>
        <span className={`self-start whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${tone}`}>{status.label}</span>
      </div>
      <p className="mt-2 flex flex-wrap gap-1.5">
        <span className="sr-only">Tags:</span>
        {card.tags.map((t) => (
          <span key={t} className="rounded-full bg-soft px-2 py-0.5 text-xs text-muted">
            {t}
          </span>
        ))}
      </p>
      <details className="group mt-1">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-accent">
          <span className="group-open:hidden">Show answer</span>
          <span className="hidden group-open:inline">Hide answer</span>
        </summary>
        <p className="pb-2 leading-relaxed">
          <CardText text={card.back} />
        </p>
      </details>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
        <a href={cardHref(card.id)} className="inline-flex min-h-11 items-center rounded-lg border border-line px-3 font-medium hover:bg-soft">
          Study this card<span className="sr-only">: {card.front}</span>
        </a>
        {scene && (
          <a href={scene} className="inline-flex min-h-11 items-center rounded-lg border border-accent px-3 font-medium text-accent hover:bg-soft">
            Show me<span className="sr-only"> in the lab: {card.front}</span>&nbsp;<span aria-hidden="true">→</span>
          </a>
        )}
        {studied && (
          <button type="button" onClick={() => progressStore.getState().resetCard(card.id)} className="ml-auto inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-bad hover:bg-soft">
            Reset<span className="sr-only"> progress of: {card.front}</span>
          </button>
        )}
      </div>
    </li>
  )
}
