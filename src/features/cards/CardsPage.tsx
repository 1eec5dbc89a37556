// #/cards: the interview deck. Views: study (spaced repetition), cram (no scheduling) and browse;
// ?card=<id> opens study on that card, revealed (the way back from a "Show me" scene).

import { useState } from 'react'
import { href, useRoute } from '../../app/router.ts'
import { BrowseView } from './BrowseView.tsx'
import { CardsNotices } from './CardsNotices.tsx'
import { CramView } from './CramView.tsx'
import { DECK } from './deck.ts'
import { ProgressPanel } from './ProgressPanel.tsx'
import { NEW_PER_DAY } from './queue.ts'
import { StudyView } from './StudyView.tsx'
import { useNow } from './useNow.ts'
import { useStorageSync } from './useProgress.ts'

const VIEWS = [
  { id: 'study', label: 'Study' },
  { id: 'cram', label: 'Cram' },
  { id: 'browse', label: 'Browse' },
] as const
type View = (typeof VIEWS)[number]['id']

export default function CardsPage() {
  const { query } = useRoute()
  const focusId = query.get('card')
  const asked = query.get('view')
  const view: View = focusId !== null ? 'study' : (VIEWS.find((v) => v.id === asked)?.id ?? 'study')
  const [now, refreshNow] = useNow()
  const [extraNew, setExtraNew] = useState(0)
  useStorageSync()
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-5 px-4 py-6 sm:px-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Interview flashcards</h1>
        <p className="max-w-3xl text-muted">
          {DECK.cards.length} questions on sticky sessions and what replaces them, scheduled by spaced repetition. Most answers link to the scene in the lab that proves them.
        </p>
      </header>
      <CardsNotices />
      <nav aria-label="Flashcard views" className="self-start">
        <ul className="inline-flex rounded-xl border border-line bg-soft p-1">
          {VIEWS.map((v) => (
            <li key={v.id}>
              <a
                href={href('/cards', v.id === 'study' ? {} : { view: v.id })}
                aria-current={view === v.id ? 'page' : undefined}
                className="inline-flex min-h-10 items-center rounded-lg px-4 text-sm font-medium text-muted hover:text-ink aria-[current=page]:bg-card aria-[current=page]:text-ink aria-[current=page]:shadow-sm"
              >
                {v.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          {view === 'study' && <StudyView focusId={focusId} now={now} refreshNow={refreshNow} newLimit={NEW_PER_DAY + extraNew} onMoreNew={(n) => setExtraNew((x) => x + n)} />}
          {view === 'cram' && <CramView />}
          {view === 'browse' && <BrowseView now={now} />}
        </div>
        <ProgressPanel now={now} newLimit={NEW_PER_DAY + extraNew} />
      </div>
    </div>
  )
}
