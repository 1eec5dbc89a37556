// Study: the due queue (queue.ts) one card at a time — reveal, grade with ts-fsrs, undo. Arriving
// with ?card=<id> (back from the lab) shows that card first, already revealed.

import { useRef, useState } from 'react'
import type { Grade } from 'ts-fsrs'
import { usePrefs } from '../../store/prefs.ts'
import { href, navigate } from '../../app/router.ts'
import { Notice } from '../../components/Notice.tsx'
import { cardKeyHandler } from './cardKeys.ts'
import { DECK } from './deck.ts'
import { Flashcard } from './Flashcard.tsx'
import { GradeButtons } from './GradeButtons.tsx'
import { Kbd } from './Kbd.tsx'
import { RevealButton } from './RevealButton.tsx'
import { cardOf } from './progress.ts'
import { buildQueue, deckStats, kindOf, type QueueKind } from './queue.ts'
import { describeInterval, previewIntervals } from './scheduler.ts'
import { ShortcutsToggle } from './ShortcutsToggle.tsx'
import { progressStore, scheduler, useProgress } from './useProgress.ts'
import { useFocusOnChange } from './useFocusOnChange.ts'

const MORE_NEW = 10

export function StudyView({ focusId, now, refreshNow, newLimit, onMoreNew }: { focusId: string | null; now: number; refreshNow(): void; newLimit: number; onMoreNew(n: number): void }) {
  const doc = useProgress((s) => s.doc)
  const shortcuts = usePrefs((p) => p.shortcuts)
  const [reviewed, setReviewed] = useState(0)
  const [showing, setShowing] = useState(0)
  const focusable = focusId !== null && DECK.byId.has(focusId) ? focusId : null
  const [pin, setPin] = useState<string | null>(focusable)
  const [revealed, setRevealed] = useState(focusable !== null)
  // A new ?card= while this view is open (e.g. "Study this card" in another view): show it.
  const [seenFocus, setSeenFocus] = useState(focusId)
  if (focusId !== seenFocus) {
    setSeenFocus(focusId)
    if (focusable) {
      setPin(focusable)
      setRevealed(true)
      setShowing((n) => n + 1)
    }
  }

  const queue = buildQueue(DECK, doc, now, newLimit)
  const stats = deckStats(DECK, doc, now, newLimit)
  const currentId = pin ?? queue[0]?.id ?? null
  const card = currentId ? DECK.byId.get(currentId) : undefined
  const kind: QueueKind | null = currentId ? kindOf(doc, currentId) : null
  const early = currentId !== null && kind !== 'new' && !queue.some((q) => q.id === currentId)
  const canUndo = doc.undo.length > 0

  const panelRef = useRef<HTMLElement>(null)
  useFocusOnChange(panelRef, `${showing}:${revealed}`, focusable !== null)

  const reveal = () => setRevealed(true)
  const grade = (g: Grade) => {
    if (!currentId || !revealed) return
    progressStore.getState().grade(currentId, g)
    refreshNow()
    setReviewed((n) => n + 1)
    setPin(null)
    setRevealed(false)
    setShowing((n) => n + 1)
    if (focusId) navigate(href('/cards'), { replace: true })
  }
  const undo = () => {
    const id = progressStore.getState().undo()
    if (!id) return
    refreshNow()
    setReviewed((n) => Math.max(0, n - 1))
    setPin(id)
    setRevealed(false)
    setShowing((n) => n + 1)
  }
  const onKeyDown = cardKeyHandler(
    { Space: revealed ? undefined : reveal, '1': () => grade(1), '2': () => grade(2), '3': () => grade(3), '4': () => grade(4), u: undo },
    shortcuts,
  )

  const left = queue.length + (pin && !queue.some((q) => q.id === pin) ? 1 : 0)
  return (
    <div className="flex flex-col gap-4">
      {focusId !== null && !focusable && (
        <Notice tone="warn" title="Card not found">
          There is no card called “{focusId.slice(0, 80)}”. Here is your study queue instead.
        </Notice>
      )}
      <SessionBar reviewed={reviewed} left={left} />
      {card ? (
        <Flashcard
          card={card}
          revealed={revealed}
          showing={`${card.id}:${showing}`}
          badge={<KindBadge kind={kind} early={early} />}
          panelRef={panelRef}
          onKeyDown={onKeyDown}
          keyHint={shortcuts ? 'Shortcuts while the card has focus: Space shows the answer, 1 to 4 grade it (Again, Hard, Good, Easy), U undoes the last grade.' : null}
        >
          {revealed ? (
            <GradeButtons intervals={previewIntervals(scheduler, cardOf(doc, card.id, new Date(now)), new Date(now))} onGrade={grade} shortcuts={shortcuts} />
          ) : (
            <RevealButton onReveal={reveal} shortcuts={shortcuts} />
          )}
          <StudyFooter canUndo={canUndo} onUndo={undo} shortcuts={shortcuts} />
        </Flashcard>
      ) : (
        <Finished
          nextDue={stats.nextDue}
          now={now}
          unseen={stats.unseen}
          reviewed={reviewed}
          onMore={() => {
            onMoreNew(MORE_NEW)
            setShowing((n) => n + 1)
          }}
          canUndo={canUndo}
          onUndo={undo}
        />
      )}
    </div>
  )
}

function SessionBar({ reviewed, left }: { reviewed: number; left: number }) {
  const total = reviewed + left
  const pct = total === 0 ? 100 : Math.round((reviewed / total) * 100)
  return (
    <div className="flex items-center gap-3 text-sm">
      <div
        role="progressbar"
        aria-label="This session"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${reviewed} reviewed, ${left} to go`}
        className="h-2 flex-1 overflow-hidden rounded-full bg-soft"
      >
        <div className="h-full rounded-full bg-accent transition-[width] duration-300" style={{ width: `${pct}%` }} />
      </div>
      <p className="tabular shrink-0 text-muted" data-testid="session-count">
        <span className="font-semibold text-ink">{left}</span> to go · {reviewed} done
      </p>
    </div>
  )
}

function KindBadge({ kind, early }: { kind: QueueKind | null; early: boolean }) {
  const text = early ? 'Not due yet · early review' : kind === 'new' ? 'New' : kind === 'learning' ? 'Learning' : 'Review'
  const look = kind === 'new' ? 'bg-accent text-accent-ink' : kind === 'learning' ? 'border border-warn text-warn' : 'border border-ok text-ok'
  return <span className={`rounded-full px-2 py-0.5 font-semibold ${look}`}>{text}</span>
}

function StudyFooter({ canUndo, onUndo, shortcuts }: { canUndo: boolean; onUndo(): void; shortcuts: boolean }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 pt-1">
      <button type="button" onClick={onUndo} disabled={!canUndo} className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-sm font-medium text-ink hover:bg-soft disabled:cursor-not-allowed disabled:opacity-50">
        <span aria-hidden="true">↶</span> Undo last grade {shortcuts && <Kbd>U</Kbd>}
      </button>
      <ShortcutsToggle />
    </div>
  )
}

function Finished({ nextDue, now, unseen, reviewed, onMore, canUndo, onUndo }: { nextDue: number | null; now: number; unseen: number; reviewed: number; onMore(): void; canUndo: boolean; onUndo(): void }) {
  const soon = nextDue !== null && nextDue > now ? describeInterval(nextDue - now) : null
  return (
    <section aria-labelledby="done-title" className="flex min-h-[16rem] flex-col items-center justify-center gap-4 rounded-2xl border border-line bg-card p-8 text-center">
      <span aria-hidden="true" className="flex h-12 w-12 items-center justify-center rounded-full bg-soft text-2xl text-ok">
        ✓
      </span>
      <h2 id="done-title" className="text-2xl font-semibold tracking-tight">
        {reviewed > 0 ? 'All done for now' : 'Nothing due right now'}
      </h2>
      <p className="max-w-md text-muted">
        {reviewed > 0 ? `You reviewed ${reviewed} card${reviewed === 1 ? '' : 's'} this session. ` : ''}
        {soon ? `The next card is due ${soon}.` : 'Come back tomorrow for the next reviews.'}
      </p>
      <div className="flex flex-wrap justify-center gap-2">
        {unseen > 0 && (
          <button type="button" onClick={onMore} className="min-h-11 rounded-lg bg-accent px-4 font-semibold text-accent-ink hover:brightness-110">
            Learn {Math.min(MORE_NEW, unseen)} more new cards
          </button>
        )}
        <a href={href('/cards', { view: 'cram' })} className="inline-flex min-h-11 items-center rounded-lg border border-line px-4 font-medium hover:bg-soft">
          Cram without scheduling
        </a>
        {canUndo && (
          <button type="button" onClick={onUndo} className="min-h-11 rounded-lg px-4 font-medium hover:bg-soft">
            Undo last grade
          </button>
        )}
      </div>
    </section>
  )
}
