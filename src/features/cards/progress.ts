// Pure operations on saved progress: grade a card, undo the last grade (ts-fsrs `rollback`), reset.
// The document is plain JSON (ISO dates) so what is in memory is exactly what gets saved.

import { createEmptyCard, type Card, type FSRS, type Grade, type ReviewLog } from 'ts-fsrs'
import { State } from './scheduler.ts'
import { CURRENT_VERSION, type ProgressDoc, type StoredCard, type StoredLog } from './progressSchema.ts'

export type { ProgressDoc } from './progressSchema.ts'

/** How many grades "Undo" can take back (kept across reloads). */
export const UNDO_LIMIT = 20
/** How many grades the statistics keep (a year of a busy learner's reviews, ~100 KB). */
export const REVIEW_LIMIT = 5_000

export function emptyProgress(): ProgressDoc {
  return { version: CURRENT_VERSION, cards: {}, undo: [], reviews: [] }
}

export function toCard(s: StoredCard): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsed_days,
    scheduled_days: s.scheduled_days,
    learning_steps: s.learning_steps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    ...(s.last_review ? { last_review: new Date(s.last_review) } : {}),
  }
}

export function fromCard(c: Card, introduced: string): StoredCard {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as StoredCard['state'],
    ...(c.last_review ? { last_review: c.last_review.toISOString() } : {}),
    introduced,
  }
}

function fromLog(l: ReviewLog): StoredLog {
  return {
    rating: l.rating as StoredLog['rating'],
    state: l.state as StoredLog['state'],
    due: l.due.toISOString(),
    stability: l.stability,
    difficulty: l.difficulty,
    elapsed_days: l.elapsed_days,
    last_elapsed_days: l.last_elapsed_days,
    scheduled_days: l.scheduled_days,
    learning_steps: l.learning_steps,
    review: l.review.toISOString(),
  }
}

/** The schedule of a card: saved, or a fresh ts-fsrs card if it was never studied. */
export function cardOf(doc: ProgressDoc, id: string, now: Date): Card {
  const s = doc.cards[id]
  return s ? toCard(s) : createEmptyCard(now)
}

export function grade(doc: ProgressDoc, scheduler: FSRS, id: string, rating: Grade, now: Date): ProgressDoc {
  const before = doc.cards[id]
  const previous = cardOf(doc, id, now)
  const { card, log } = scheduler.next(previous, now, rating)
  return {
    ...doc,
    cards: { ...doc.cards, [id]: fromCard(card, before?.introduced ?? now.toISOString()) },
    undo: [...doc.undo, { id, log: fromLog(log), due: previous.due.toISOString() }].slice(-UNDO_LIMIT),
    reviews: [...doc.reviews, { id, at: now.toISOString(), rating, state: previous.state as StoredCard['state'] }].slice(-REVIEW_LIMIT),
  }
}

/** Take back the last grade. Returns the card it restored, or null when there is nothing to undo. */
export function undoLast(doc: ProgressDoc, scheduler: FSRS): { doc: ProgressDoc; id: string } | null {
  const last = doc.undo.at(-1)
  if (!last) return null
  const undo = doc.undo.slice(0, -1)
  const current = doc.cards[last.id]
  if (!current) return undoLast({ ...doc, undo }, scheduler)
  // The grade taken back leaves the statistics too.
  const lastReview = doc.reviews.at(-1)
  const reviews = lastReview && lastReview.id === last.id && lastReview.at === last.log.review ? doc.reviews.slice(0, -1) : doc.reviews
  const previous = { ...scheduler.rollback(toCard(current), last.log), due: new Date(last.due) }
  const cards = { ...doc.cards }
  // Back to "never studied": drop the entry so it counts as new again (and not as introduced today).
  if (previous.state === State.New) delete cards[last.id]
  else cards[last.id] = fromCard(previous, current.introduced)
  return { doc: { ...doc, cards, undo, reviews }, id: last.id }
}

export function resetCard(doc: ProgressDoc, id: string): ProgressDoc {
  if (!(id in doc.cards)) return doc
  const cards = { ...doc.cards }
  delete cards[id]
  return { ...doc, cards, undo: doc.undo.filter((u) => u.id !== id) }
}
