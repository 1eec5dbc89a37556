// Reads saved progress of any version and upgrades it step by step to the current one:
// v0 (a bare id → card map) → v1 (versioned, camelCase, epoch ms) → v2 (ts-fsrs field names, ISO
// dates, learning steps, first-study date, undo). Saved data is never trusted: unreadable input is
// reported, not thrown, and a single broken card is dropped rather than the whole history.

import type { z } from 'zod'
import { CARD_ID } from './deckSchema.ts'
import { CURRENT_VERSION, docShape, reviewRecordSchema, storedCardSchema, undoEntrySchema, v1CardSchema, type ProgressDoc, type ReviewRecord, type StoredCard, type UndoEntry, type V1Card } from './progressSchema.ts'

export type Upgraded =
  | { ok: true; doc: ProgressDoc; from: number; dropped: string[] }
  | { ok: false; reason: 'corrupt' | 'newer'; /** A clause that completes "…because ": "it is not valid JSON". */ why: string }

/**
 * `strict` (imports): any unreadable card refuses the whole file, naming it in `why`.
 * Lenient (localStorage): unreadable cards are dropped and listed in `dropped`.
 */
export function upgrade(value: unknown, { strict = false }: { strict?: boolean } = {}): Upgraded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return corrupt('it is not an object')
  const raw = value as Record<string, unknown>
  const version = 'version' in raw ? raw.version : 0
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return corrupt('its version is not a number')
  if (version > CURRENT_VERSION) return { ok: false, reason: 'newer', why: `it was saved by a newer version of this site (format ${version})` }
  const dropped: string[] = []
  const problems: string[] = []
  /** Keep the entries that pass `check`; remember the rest. */
  const keep = <T>(cards: Record<string, unknown>, schema: z.ZodType<T>) => {
    const out: Record<string, T> = {}
    for (const [id, entry] of Object.entries(cards)) {
      const r = schema.safeParse(entry)
      if (CARD_ID.test(id) && r.success) out[id] = r.data
      else {
        dropped.push(id)
        const why = r.success ? 'not a valid card id' : r.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).join('; ')
        problems.push(`card “${id}” is damaged (${why})`)
      }
    }
    return out
  }

  let doc: ProgressDoc
  if (version === 0 || version === 1) {
    const shape = version === 0 ? docShape[0].safeParse(raw) : docShape[1].safeParse(raw)
    if (!shape.success) return corrupt(`its format-${version} shape is wrong`)
    const cards = version === 0 ? (shape.data as Record<string, unknown>) : (shape.data as { cards: Record<string, unknown> }).cards
    const v1 = keep(cards, v1CardSchema)
    doc = v1ToV2(v1)
  } else {
    const shape = docShape[2].safeParse(raw)
    if (!shape.success) return corrupt('its cards are not a map of card ids')
    const cards = keep(shape.data.cards, storedCardSchema)
    // Undo history is a convenience: if any of it is unreadable, start it afresh.
    const undo = (shape.data.undo ?? []).map((u) => undoEntrySchema.safeParse(u))
    // The review history feeds statistics only: a damaged record is left out, the rest kept.
    const reviews = (shape.data.reviews ?? []).flatMap((r) => {
      const one = reviewRecordSchema.safeParse(r)
      return one.success ? [one.data as ReviewRecord] : []
    })
    doc = { version: CURRENT_VERSION, cards, undo: undo.every((u) => u.success) ? undo.map((u) => u.data as UndoEntry) : [], reviews }
  }
  if (strict && problems.length > 0) return corrupt(problems.slice(0, 3).join('; ') + (problems.length > 3 ? `, and ${problems.length - 3} more` : ''))
  return { ok: true, doc, from: version, dropped }

  function corrupt(why: string): Upgraded {
    return { ok: false, reason: 'corrupt', why }
  }
}

const V1_STATE = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const

/** v1 → v2. Cards still "New" carried no history, so they become plain unseen cards. */
export function v1ToV2(cards: Record<string, V1Card>): ProgressDoc {
  const out: Record<string, StoredCard> = {}
  for (const [id, c] of Object.entries(cards)) {
    if (c.state === 'New' && c.reps === 0) continue
    const iso = (ms: number) => new Date(ms).toISOString()
    out[id] = {
      due: iso(c.due),
      stability: c.stability,
      difficulty: c.difficulty,
      elapsed_days: c.elapsedDays,
      scheduled_days: c.scheduledDays,
      // v1 kept no step position; step 0 is where ts-fsrs restarts a (re)learning card.
      learning_steps: 0,
      reps: c.reps,
      lapses: c.lapses,
      state: V1_STATE[c.state],
      ...(c.lastReview !== undefined ? { last_review: iso(c.lastReview) } : {}),
      // v1 didn't record the first study; the last review is the best lower bound we have.
      introduced: iso(c.lastReview ?? c.due),
    }
  }
  return { version: CURRENT_VERSION, cards: out, undo: [], reviews: [] }
}

export type ReadResult = { kind: 'empty' } | { kind: 'ok'; doc: ProgressDoc; from: number; dropped: string[] } | { kind: 'unreadable'; reason: 'corrupt' | 'newer'; why: string }

/** Parse what localStorage holds (null when nothing was saved yet). */
export function readProgress(raw: string | null): ReadResult {
  if (raw === null) return { kind: 'empty' }
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return { kind: 'unreadable', reason: 'corrupt', why: 'it is not valid JSON' }
  }
  const up = upgrade(value)
  return up.ok ? { kind: 'ok', doc: up.doc, from: up.from, dropped: up.dropped } : { kind: 'unreadable', reason: up.reason, why: up.why }
}
