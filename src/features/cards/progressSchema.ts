// Saved study progress, one schema per version ever written. v2 is current; v0 and v1 stay here so
// progressUpgrade.ts can still read what older builds saved (and old export files).

import { z } from 'zod'

export const CURRENT_VERSION = 2

const iso = z.iso.datetime()
const count = z.int().min(0)
const state = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)])

/** v2: ts-fsrs's own Card fields (snake_case, ISO dates) plus when the card was first studied. */
export const storedCardSchema = z.object({
  due: iso,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  reps: count,
  lapses: count,
  state,
  last_review: iso.optional(),
  introduced: iso,
})

/** ts-fsrs's ReviewLog, serialised: enough to roll the card back (undo). */
export const storedLogSchema = z.object({
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  state,
  due: iso,
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsed_days: count,
  last_elapsed_days: count,
  scheduled_days: count,
  learning_steps: count,
  review: iso,
})

/** `due` is the card's due date before the grade: ts-fsrs's rollback restores it as the review time. */
export const undoEntrySchema = z.object({ id: z.string(), log: storedLogSchema, due: iso })

/**
 * One grade, kept for statistics (reviews per day, retention, today's summary): which card, when,
 * the grade, and the card's FSRS state before it (2 = a learned card under review). Added to v2
 * as an optional field: older saves simply have no history yet.
 */
export const reviewRecordSchema = z.object({
  id: z.string(),
  at: iso,
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  state,
})

export type StoredCard = z.infer<typeof storedCardSchema>
export type StoredLog = z.infer<typeof storedLogSchema>
export type UndoEntry = z.infer<typeof undoEntrySchema>
export type ReviewRecord = z.infer<typeof reviewRecordSchema>

export interface ProgressDoc {
  readonly version: typeof CURRENT_VERSION
  /** Card id → schedule. A card with no entry is new (never studied). */
  readonly cards: Readonly<Record<string, StoredCard>>
  /** Last grades, oldest first, for "Undo". */
  readonly undo: readonly UndoEntry[]
  /** Every grade (up to REVIEW_LIMIT), oldest first, for statistics. */
  readonly reviews: readonly ReviewRecord[]
}

/** v1 (first release of the format): camelCase fields, epoch-ms dates, state names, no undo. */
export const v1CardSchema = z.object({
  due: z.number().int().min(0),
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: count,
  scheduledDays: count,
  reps: count,
  lapses: count,
  state: z.enum(['New', 'Learning', 'Review', 'Relearning']),
  lastReview: z.number().int().min(0).optional(),
})
export type V1Card = z.infer<typeof v1CardSchema>

/** The outer shape of each version; cards are checked one by one so one bad entry loses only itself. */
export const docShape = {
  /** v0 (prototype): a bare { id: card } map, no version field. */
  0: z.record(z.string(), z.unknown()),
  1: z.object({ version: z.literal(1), cards: z.record(z.string(), z.unknown()) }),
  2: z.object({ version: z.literal(2), cards: z.record(z.string(), z.unknown()), undo: z.array(z.unknown()).optional(), reviews: z.array(z.unknown()).optional() }),
} as const
