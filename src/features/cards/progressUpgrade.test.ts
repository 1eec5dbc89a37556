import { describe, expect, it } from 'vitest'
import { readProgress, upgrade } from './progressUpgrade.ts'
import { emptyProgress, grade, toCard, undoLast } from './progress.ts'
import { createScheduler, Rating, State } from './scheduler.ts'

const v1Card = {
  due: Date.UTC(2025, 0, 20, 9),
  stability: 8.3,
  difficulty: 4.1,
  elapsedDays: 3,
  scheduledDays: 8,
  reps: 4,
  lapses: 1,
  state: 'Review',
  lastReview: Date.UTC(2025, 0, 12, 9),
}
const expectedV2 = {
  due: '2025-01-20T09:00:00.000Z',
  stability: 8.3,
  difficulty: 4.1,
  elapsed_days: 3,
  scheduled_days: 8,
  learning_steps: 0,
  reps: 4,
  lapses: 1,
  state: State.Review,
  last_review: '2025-01-12T09:00:00.000Z',
  introduced: '2025-01-12T09:00:00.000Z',
}

describe('migrating saved progress', () => {
  it('upgrades v1 (camelCase, epoch ms, state names) to v2 (ts-fsrs fields, ISO dates)', () => {
    const r = readProgress(JSON.stringify({ version: 1, cards: { 'cookie-flow': v1Card, 'unseen-card': { ...v1Card, state: 'New', reps: 0, lapses: 0, lastReview: undefined } } }))
    expect(r).toEqual({ kind: 'ok', from: 1, dropped: [], doc: { version: 2, cards: { 'cookie-flow': expectedV2 }, undo: [], reviews: [] } })
  })

  it('upgrades v0 (a bare map, no version) through v1 to v2', () => {
    const r = readProgress(JSON.stringify({ 'cookie-flow': v1Card }))
    expect(r).toMatchObject({ kind: 'ok', from: 0, doc: { version: 2, cards: { 'cookie-flow': expectedV2 } } })
  })

  it('migrated cards schedule on with ts-fsrs', () => {
    const r = readProgress(JSON.stringify({ version: 1, cards: { a: v1Card } }))
    if (r.kind !== 'ok') throw new Error('expected ok')
    const s = createScheduler({ fuzz: false })
    expect(toCard(r.doc.cards.a!).due.toISOString()).toBe('2025-01-20T09:00:00.000Z')
    const graded = grade(r.doc, s, 'a', Rating.Good, new Date('2025-01-20T10:00:00Z'))
    expect(graded.cards.a!.reps).toBe(5)
    expect(undoLast(graded, s)?.doc.cards.a).toEqual(r.doc.cards.a)
  })

  it('reads v2 back exactly as written', () => {
    const doc = grade(emptyProgress(), createScheduler({ fuzz: false }), 'a', Rating.Again, new Date('2025-01-01T00:00:00Z'))
    expect(readProgress(JSON.stringify(doc))).toEqual({ kind: 'ok', from: 2, dropped: [], doc })
  })

  it('drops only the broken cards (lenient) but refuses them on import (strict)', () => {
    const doc = grade(emptyProgress(), createScheduler({ fuzz: false }), 'a', Rating.Good, new Date('2025-01-01T00:00:00Z'))
    const damaged = { ...doc, cards: { ...doc.cards, b: { due: 'yesterday' }, 'Bad Id': doc.cards.a } }
    const lenient = upgrade(damaged)
    expect(lenient).toMatchObject({ ok: true, dropped: ['b', 'Bad Id'] })
    if (lenient.ok) expect(Object.keys(lenient.doc.cards)).toEqual(['a'])
    const strict = upgrade(damaged, { strict: true })
    expect(strict.ok).toBe(false)
    if (!strict.ok) expect(strict.why).toContain('card “b” is damaged (due:')
  })

  it('reports garbage and future versions instead of throwing', () => {
    expect(readProgress(null)).toEqual({ kind: 'empty' })
    for (const raw of ['{not json', '"a string"', '[1,2]', 'null', '{"version":"two"}', '{"version":2,"cards":[]}']) {
      expect(readProgress(raw)).toMatchObject({ kind: 'unreadable', reason: 'corrupt' })
    }
    expect(readProgress('{"version":7,"cards":{}}')).toMatchObject({ kind: 'unreadable', reason: 'newer' })
  })

  it('starts undo history afresh when it is unreadable, keeping the cards', () => {
    const doc = grade(emptyProgress(), createScheduler({ fuzz: false }), 'a', Rating.Good, new Date('2025-01-01T00:00:00Z'))
    const r = upgrade({ ...doc, undo: [{ id: 'a', log: 'nope' }] })
    expect(r).toMatchObject({ ok: true, doc: { cards: doc.cards, undo: [] } })
  })

  it('(14.11) keeps the review history, leaving out only damaged records; older saves have none', () => {
    const doc = grade(emptyProgress(), createScheduler({ fuzz: false }), 'a', Rating.Good, new Date('2025-01-01T00:00:00Z'))
    const r = upgrade({ ...doc, reviews: [...doc.reviews, { id: 'a', at: 'yesterday', rating: 3, state: 2 }, { id: 'b', at: '2025-01-02T00:00:00.000Z', rating: 9, state: 2 }] })
    expect(r).toMatchObject({ ok: true, doc: { reviews: doc.reviews } })
    const { reviews: _, ...old } = doc
    expect(upgrade(old)).toMatchObject({ ok: true, doc: { reviews: [] } })
  })
})
