import { describe, expect, it } from 'vitest'
import { emptyProgress, grade, resetCard, undoLast, UNDO_LIMIT } from './progress.ts'
import { createScheduler, Rating } from './scheduler.ts'

const scheduler = createScheduler({ fuzz: false })
const t0 = new Date('2025-03-10T09:00:00.000Z')
const at = (min: number) => new Date(t0.getTime() + min * 60_000)

describe('progress operations', () => {
  it('grading never mutates the previous document', () => {
    const before = emptyProgress()
    const after = grade(before, scheduler, 'a', Rating.Good, t0)
    expect(before.cards).toEqual({})
    expect(after).not.toBe(before)
    expect(after.undo).toHaveLength(1)
  })

  it('undo keeps at most UNDO_LIMIT grades', () => {
    let doc = emptyProgress()
    for (let i = 0; i < UNDO_LIMIT + 5; i++) doc = grade(doc, scheduler, `c${i}`, Rating.Good, at(i))
    expect(doc.undo).toHaveLength(UNDO_LIMIT)
    expect(doc.undo[0]!.id).toBe('c5')
  })

  it('resetting a card makes it new again and forgets its undo entries', () => {
    let doc = grade(emptyProgress(), scheduler, 'a', Rating.Good, t0)
    doc = grade(doc, scheduler, 'b', Rating.Good, at(1))
    doc = resetCard(doc, 'b')
    expect(Object.keys(doc.cards)).toEqual(['a'])
    expect(doc.undo.map((u) => u.id)).toEqual(['a'])
    expect(undoLast(doc, scheduler)?.id).toBe('a')
  })

  it('undo skips grades of cards that no longer exist', () => {
    const doc = grade(grade(emptyProgress(), scheduler, 'a', Rating.Good, t0), scheduler, 'b', Rating.Good, at(1))
    const gone = { ...doc, cards: { a: doc.cards.a! } }
    expect(undoLast(gone, scheduler)?.id).toBe('a')
  })
})
