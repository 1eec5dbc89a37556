// Cram mode: all cards (or one tag) in random order, "Again" or "Got it", no scheduling at all.

import { useRef, useState } from 'react'
import { usePrefs } from '../../store/prefs.ts'
import { href } from '../../app/router.ts'
import { cardKeyHandler } from './cardKeys.ts'
import { cramAgain, cramKnown, startCram, type CramSession } from './cram.ts'
import { DECK } from './deck.ts'
import { Flashcard } from './Flashcard.tsx'
import { Kbd } from './Kbd.tsx'
import { RevealButton } from './RevealButton.tsx'
import { ShortcutsToggle } from './ShortcutsToggle.tsx'
import { TagSelect } from './TagSelect.tsx'
import { useFocusOnChange } from './useFocusOnChange.ts'

export function CramView() {
  const shortcuts = usePrefs((p) => p.shortcuts)
  const [tag, setTag] = useState('')
  const [session, setSession] = useState<CramSession | null>(null)
  const [revealed, setRevealed] = useState(false)
  const [showing, setShowing] = useState(0)
  const panelRef = useRef<HTMLElement>(null)
  useFocusOnChange(panelRef, `${showing}:${revealed}`, false)

  const pick = (t: string) => DECK.cards.filter((c) => t === '' || c.tags.includes(t)).map((c) => c.id)
  const start = (ids: readonly string[]) => {
    setSession(startCram(ids))
    setRevealed(false)
    setShowing((n) => n + 1)
  }
  const next = (f: (s: CramSession) => CramSession) => {
    if (!session || !revealed) return
    setSession(f(session))
    setRevealed(false)
    setShowing((n) => n + 1)
  }

  if (!session) {
    const count = pick(tag).length
    return (
      <section aria-labelledby="cram-title" className="flex flex-col gap-4 rounded-2xl border border-line bg-card p-5 sm:p-8">
        <h2 id="cram-title" className="text-xl font-semibold tracking-tight">
          Cram
        </h2>
        <p className="max-w-prose text-muted">
          Go through cards in random order, as often as you like — the night before an interview, say. Cram never changes your schedule: your due dates stay exactly as they are.
        </p>
        <TagSelect label="Cards" value={tag} onChange={setTag} allLabel={`All cards (${DECK.cards.length})`} className="max-w-xs" />
        <div>
          <button type="button" onClick={() => start(pick(tag))} className="min-h-12 rounded-xl bg-accent px-5 text-base font-semibold text-accent-ink hover:brightness-110">
            Start cram · {count} card{count === 1 ? '' : 's'}
          </button>
        </div>
      </section>
    )
  }

  const currentId = session.queue[0]
  const card = currentId ? DECK.byId.get(currentId) : undefined
  if (!card) {
    return (
      <section aria-labelledby="cram-done" className="flex flex-col items-center gap-4 rounded-2xl border border-line bg-card p-8 text-center">
        <h2 id="cram-done" className="text-2xl font-semibold tracking-tight">
          Cram finished
        </h2>
        <p className="text-muted">
          {session.total} card{session.total === 1 ? '' : 's'}; {session.missed.length === 0 ? 'you knew every one first time.' : `${session.missed.length} needed another look.`} Your schedule is unchanged.
        </p>
        <div className="flex flex-wrap justify-center gap-2">
          {session.missed.length > 0 && (
            <button type="button" onClick={() => start(session.missed)} className="min-h-11 rounded-lg bg-accent px-4 font-semibold text-accent-ink hover:brightness-110">
              Cram the {session.missed.length} I missed
            </button>
          )}
          <button type="button" onClick={() => setSession(null)} className="min-h-11 rounded-lg border border-line px-4 font-medium hover:bg-soft">
            New cram
          </button>
          <a href={href('/cards')} className="inline-flex min-h-11 items-center rounded-lg px-4 font-medium hover:bg-soft">
            Back to study
          </a>
        </div>
      </section>
    )
  }

  const onKeyDown = cardKeyHandler({ Space: revealed ? undefined : () => setRevealed(true), '1': () => next(cramAgain), '2': () => next(cramKnown) }, shortcuts)
  const done = session.known
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-3 text-sm">
        <div role="progressbar" aria-label="Cram" aria-valuemin={0} aria-valuemax={session.total} aria-valuenow={done} className="h-2 flex-1 overflow-hidden rounded-full bg-soft">
          <div className="h-full rounded-full bg-ok transition-[width] duration-300" style={{ width: `${(done / session.total) * 100}%` }} />
        </div>
        <p className="tabular shrink-0 text-muted">
          <span className="font-semibold text-ink">{done}</span> of {session.total} known
        </p>
      </div>
      <Flashcard
        card={card}
        revealed={revealed}
        showing={`cram:${showing}`}
        badge={<span className="rounded-full border border-line px-2 py-0.5 font-semibold text-muted">Cram · not scheduled</span>}
        panelRef={panelRef}
        onKeyDown={onKeyDown}
        keyHint={shortcuts ? 'Shortcuts while the card has focus: Space shows the answer, 1 means again, 2 means got it.' : null}
      >
        {revealed ? (
          <div className="grid grid-cols-2 gap-2">
            <button type="button" onClick={() => next(cramAgain)} className="flex min-h-16 items-center justify-center gap-2 rounded-xl border-2 border-bad/70 bg-card text-base font-semibold text-bad hover:bg-soft">
              Again {shortcuts && <Kbd>1</Kbd>}
            </button>
            <button type="button" onClick={() => next(cramKnown)} className="flex min-h-16 items-center justify-center gap-2 rounded-xl border-2 border-ok/70 bg-card text-base font-semibold text-ok hover:bg-soft">
              Got it {shortcuts && <Kbd>2</Kbd>}
            </button>
          </div>
        ) : (
          <RevealButton onReveal={() => setRevealed(true)} shortcuts={shortcuts} />
        )}
        <div className="flex flex-wrap items-center justify-between gap-3 pt-1">
          <button type="button" onClick={() => setSession(null)} className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium hover:bg-soft">
            End cram
          </button>
          <ShortcutsToggle />
        </div>
      </Flashcard>
    </div>
  )
}
