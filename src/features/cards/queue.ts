// What to study now and the numbers around it. Order: learning cards that are due, reviews due today,
// today's new cards (deck order), then learning cards due within the learn-ahead window — so "Again"
// (1 min) comes back in the same sitting and a session ends only when nothing is due for 20 minutes.

import type { LoadedDeck } from './deck.ts'
import type { ProgressDoc } from './progressSchema.ts'
import { State } from './scheduler.ts'

export const LEARN_AHEAD_MS = 20 * 60_000
/** New cards introduced per day (Anki's default); "Learn more" raises it for the day. */
export const NEW_PER_DAY = 20

export type QueueKind = 'new' | 'learning' | 'review'
export interface QueueItem {
  readonly id: string
  readonly kind: QueueKind
}

export function startOfDay(now: number): number {
  const d = new Date(now)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

export function endOfDay(now: number): number {
  const d = new Date(now)
  d.setHours(24, 0, 0, 0)
  return d.getTime()
}

const isLearning = (state: number) => state === State.Learning || state === State.Relearning

export function buildQueue(deck: LoadedDeck, doc: ProgressDoc, now: number, newLimit = NEW_PER_DAY): QueueItem[] {
  const learningNow: [number, string][] = []
  const learningSoon: [number, string][] = []
  const reviews: [number, string][] = []
  const fresh: string[] = []
  const dayEnd = endOfDay(now)
  let room = newAvailable(deck, doc, now, newLimit)
  for (const c of deck.cards) {
    const s = doc.cards[c.id]
    if (!s) {
      if (room > 0) {
        fresh.push(c.id)
        room--
      }
      continue
    }
    const due = Date.parse(s.due)
    if (isLearning(s.state)) {
      if (due <= now) learningNow.push([due, c.id])
      else if (due <= now + LEARN_AHEAD_MS) learningSoon.push([due, c.id])
    } else if (due < dayEnd) reviews.push([due, c.id])
  }
  const byDue = (a: [number, string], b: [number, string]) => a[0] - b[0]
  return [
    ...learningNow.sort(byDue).map(([, id]) => ({ id, kind: 'learning' as const })),
    ...reviews.sort(byDue).map(([, id]) => ({ id, kind: 'review' as const })),
    ...fresh.map((id) => ({ id, kind: 'new' as const })),
    ...learningSoon.sort(byDue).map(([, id]) => ({ id, kind: 'learning' as const })),
  ]
}

/** How many never-studied cards may still be started today. */
export function newAvailable(deck: LoadedDeck, doc: ProgressDoc, now: number, newLimit = NEW_PER_DAY): number {
  const dayStart = startOfDay(now)
  let introducedToday = 0
  let unseen = 0
  for (const c of deck.cards) {
    const s = doc.cards[c.id]
    if (!s) unseen++
    else if (Date.parse(s.introduced) >= dayStart) introducedToday++
  }
  return Math.min(unseen, Math.max(0, newLimit - introducedToday))
}

export interface DeckStats {
  readonly total: number
  /** Studied cards due before the end of today (learning and reviews). */
  readonly dueToday: number
  /** New cards still on today's menu. */
  readonly newToday: number
  /** Never studied at all. */
  readonly unseen: number
  readonly learning: number
  /** Graduated to day-long intervals (FSRS "Review" state). */
  readonly learned: number
  /** Earliest due time among studied cards, for "next card in …". */
  readonly nextDue: number | null
}

export function deckStats(deck: LoadedDeck, doc: ProgressDoc, now: number, newLimit = NEW_PER_DAY): DeckStats {
  const dayEnd = endOfDay(now)
  let dueToday = 0
  let unseen = 0
  let learning = 0
  let learned = 0
  let nextDue: number | null = null
  for (const c of deck.cards) {
    const s = doc.cards[c.id]
    if (!s) {
      unseen++
      continue
    }
    const due = Date.parse(s.due)
    if (due < dayEnd) dueToday++
    if (isLearning(s.state)) learning++
    else if (s.state === State.Review) learned++
    if (nextDue === null || due < nextDue) nextDue = due
  }
  return { total: deck.cards.length, dueToday, newToday: newAvailable(deck, doc, now, newLimit), unseen, learning, learned, nextDue }
}

export function kindOf(doc: ProgressDoc, id: string): QueueKind {
  const s = doc.cards[id]
  return !s ? 'new' : isLearning(s.state) ? 'learning' : 'review'
}

/** A card's status in words, for the browse list. */
export function statusOf(doc: ProgressDoc, id: string, now: number): { label: string; tone: 'new' | 'due' | 'later' } {
  const s = doc.cards[id]
  if (!s) return { label: 'New', tone: 'new' }
  const due = Date.parse(s.due)
  if (due <= now) return { label: isLearning(s.state) ? 'Learning · due now' : 'Due now', tone: 'due' }
  const when = new Date(due)
  const sameDay = startOfDay(due) === startOfDay(now)
  const text = sameDay ? when.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : when.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: due - now > 300 * 86_400_000 ? 'numeric' : undefined })
  return { label: `${isLearning(s.state) ? 'Learning' : 'Next review'} · ${sameDay ? 'today ' : ''}${text}`, tone: sameDay ? 'due' : 'later' }
}
