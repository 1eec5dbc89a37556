// Study: the due queue (queue.ts) one card at a time — reveal, grade with ts-fsrs, undo. Arriving
// with ?card=<id> (back from the lab) shows that card first, already revealed. "Done" counts today's
// reviews from the saved history, so it survives a reload and a "Show me" trip to the lab; the
// session ends with a summary. With nothing focused (a page just opened), the card's keys work
// page-wide, so Space shows the answer instead of scrolling. A polite live region says, in whole
// sentences, what the card now shows and what Undo did.

import { useEffect, useEffectEvent, useRef, useState } from 'react'
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
import { buildQueue, deckStats, kindOf, LEARN_AHEAD_MS, type QueueItem, type QueueKind } from './queue.ts'
import { today, type GradeCounts } from './reviewStats.ts'
import { describeInterval, GRADE_LABEL, GRADES, previewIntervals } from './scheduler.ts'
import type { DeckCard } from './deckSchema.ts'
import { ShortcutsToggle } from './ShortcutsToggle.tsx'
import { progressStore, scheduler, useProgress } from './useProgress.ts'
import { useFocusOnChange } from './useFocusOnChange.ts'

const MORE_NEW = 10

export function StudyView({ focusId, now, refreshNow, newLimit, onMoreNew }: { focusId: string | null; now: number; refreshNow(): void; newLimit: number; onMoreNew(n: number): void }) {
  const doc = useProgress((s) => s.doc)
  const shortcuts = usePrefs((p) => p.shortcuts)
  const [showing, setShowing] = useState(0)
  /** What Undo just did, said before the card it brought back (cleared by the next action). */
  const [undid, setUndid] = useState<string | null>(null)
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

  const reveal = () => {
    setRevealed(true)
    setUndid(null)
  }
  const grade = (g: Grade) => {
    if (!currentId || !revealed) return
    progressStore.getState().grade(currentId, g)
    refreshNow()
    setPin(null)
    setRevealed(false)
    setUndid(null)
    setShowing((n) => n + 1)
    if (focusId) navigate(href('/cards'), { replace: true })
  }
  const undo = () => {
    const rating = progressStore.getState().doc.undo.at(-1)?.log.rating
    const id = progressStore.getState().undo()
    if (!id) return
    refreshNow()
    setPin(id)
    setRevealed(false)
    setUndid(`Undid your last grade${rating ? ` (${GRADE_LABEL[rating]})` : ''}.`)
    setShowing((n) => n + 1)
  }
  const onKeyDown = cardKeyHandler(
    { Space: revealed ? undefined : reveal, '1': () => grade(1), '2': () => grade(2), '3': () => grade(3), '4': () => grade(4), u: undo },
    shortcuts,
  )

  // Nothing focused (the page just opened, or a click on plain text): the card's keys work page-wide.
  const onPageKey = useEffectEvent((e: KeyboardEvent) => {
    const active = document.activeElement
    if (e.defaultPrevented || (active !== null && active !== document.body) || !panelRef.current) return
    onKeyDown(e)
    if (e.defaultPrevented) panelRef.current.focus({ preventScroll: true })
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onPageKey(e)
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  const done = today(doc, now)
  const left = queue.length + (pin && !queue.some((q) => q.id === pin) ? 1 : 0)
  const live = card ? `${undid ? `${undid} ` : ''}${revealed ? `Answer: ${plain(card.back)}` : `${kindWord(kind, early)} card. Tags: ${card.tags.join(', ')}. Question: ${plain(card.front)}`}` : `${undid ? `${undid} ` : ''}No card is due right now.`
  return (
    <div className="flex flex-col gap-4">
      <p className="sr-only" aria-live="polite" data-testid="card-live">
        {live}
      </p>
      {focusId !== null && !focusable && (
        <Notice tone="warn" title="Card not found">
          There is no card called “{focusId.slice(0, 80)}”. Here is your study queue instead.
        </Notice>
      )}
      <SessionBar reviewed={done.reviews} left={left} queue={queue} />
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
          reviewed={done.reviews}
          grades={done.grades}
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

function SessionBar({ reviewed, left, queue }: { reviewed: number; left: number; queue: readonly QueueItem[] }) {
  const total = reviewed + left
  const pct = total === 0 ? 100 : Math.round((reviewed / total) * 100)
  const count = (k: QueueKind) => queue.filter((q) => q.kind === k).length
  const parts = ([['new', 'new'], ['learning', 'coming back'], ['review', 'to review']] as const).map(([k, word]) => [count(k), word] as const).filter(([n]) => n > 0)
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-3 text-sm">
        <div
          role="progressbar"
          aria-label="Today’s study"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          aria-valuetext={`${reviewed} reviewed today, ${left} to go`}
          className="h-2 flex-1 overflow-hidden rounded-full bg-soft"
        >
          <div className="h-full rounded-full bg-accent transition-[width] duration-300" style={{ width: `${pct}%` }} />
        </div>
        <p className="tabular shrink-0 text-muted" data-testid="session-count">
          <span className="font-semibold text-ink">{left}</span> to go{parts.length > 1 ? ` (${parts.map(([n, w]) => `${n} ${w}`).join(', ')})` : ''} · {reviewed} done today
        </p>
      </div>
      <details className="self-end text-xs text-muted">
        <summary className="cursor-pointer">Why does “to go” go down slowly?</summary>
        <p className="mt-1 max-w-md" data-testid="queue-explain">
          “To go” counts every card due within the next {LEARN_AHEAD_MS / 60_000} minutes, and a card you are still learning comes back in this sitting: after 1 minute if you
          pressed Again, after about 6 minutes for Hard, after 10 minutes for Good, until it graduates to intervals of days. Easy graduates it at once. So a new card is usually seen two
          or three times today, and the count drops by one only when a card leaves for another day.
        </p>
      </details>
    </div>
  )
}

function kindWord(kind: QueueKind | null, early: boolean): string {
  return early ? 'Early review' : kind === 'new' ? 'New' : kind === 'learning' ? 'Learning' : 'Review'
}

/** Card text as it is read aloud: `code` marks dropped. */
function plain(text: DeckCard['front']): string {
  return text.replaceAll('`', '')
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

function Finished({ nextDue, now, unseen, reviewed, grades, onMore, canUndo, onUndo }: { nextDue: number | null; now: number; unseen: number; reviewed: number; grades: GradeCounts; onMore(): void; canUndo: boolean; onUndo(): void }) {
  const soon = nextDue !== null && nextDue > now ? describeInterval(nextDue - now) : null
  return (
    <section aria-labelledby="done-title" className="flex min-h-[16rem] flex-col items-center justify-center gap-4 rounded-2xl border border-line bg-card p-8 text-center" data-testid="session-summary">
      <span aria-hidden="true" className="flex h-12 w-12 items-center justify-center rounded-full bg-soft text-2xl text-ok">
        ✓
      </span>
      <h2 id="done-title" className="text-2xl font-semibold tracking-tight">
        {reviewed > 0 ? 'All done for now' : 'Nothing due right now'}
      </h2>
      {reviewed > 0 && (
        <div className="flex flex-col items-center gap-2">
          <p className="font-medium">
            {reviewed} review{reviewed === 1 ? '' : 's'} today
          </p>
          <dl className="grid grid-cols-4 gap-2 text-sm" aria-label="Today’s grades">
            {GRADES.map((g) => (
              <div key={g} className="flex min-w-16 flex-col-reverse rounded-lg bg-soft px-3 py-2" data-testid={`summary-${GRADE_LABEL[g].toLowerCase()}`}>
                <dt className="text-xs text-muted">{GRADE_LABEL[g]}</dt>
                <dd className="tabular text-lg font-semibold">{grades[g]}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      <p className="max-w-md text-muted">{soon ? `Next card due ${soon}.` : 'Come back tomorrow for the next reviews.'}</p>
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
