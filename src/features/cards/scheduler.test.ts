import { describe, expect, it } from 'vitest'
import { createEmptyCard } from 'ts-fsrs'
import { cardOf, emptyProgress, grade, undoLast } from './progress.ts'
import { createScheduler, describeInterval, formatInterval, previewIntervals, Rating, State } from './scheduler.ts'

const now = new Date('2025-03-10T09:00:00.000Z')
const MIN = 60_000
const DAY = 86_400_000
const scheduler = createScheduler({ fuzz: false })

describe('scheduling with ts-fsrs (fuzz off, fixed now)', () => {
  it('offers the learning steps on a new card: Again 1 min, Hard 6 min, Good 10 min, Easy 8 days', () => {
    expect(previewIntervals(scheduler, createEmptyCard(now), now)).toEqual({
      [Rating.Again]: 1 * MIN,
      [Rating.Hard]: 6 * MIN,
      [Rating.Good]: 10 * MIN,
      [Rating.Easy]: 8 * DAY,
    })
  })

  it('graduates a card after Good twice and schedules it days ahead', () => {
    let doc = grade(emptyProgress(), scheduler, 'a', Rating.Good, now)
    expect(doc.cards.a).toMatchObject({ state: State.Learning, due: '2025-03-10T09:10:00.000Z', reps: 1, introduced: now.toISOString() })
    const later = new Date(now.getTime() + 10 * MIN)
    doc = grade(doc, scheduler, 'a', Rating.Good, later)
    expect(doc.cards.a).toMatchObject({ state: State.Review, reps: 2, scheduled_days: 2, introduced: now.toISOString() })
    expect(Date.parse(doc.cards.a!.due) - later.getTime()).toBe(2 * DAY)
  })

  it('shows the same intervals the grade then applies', () => {
    const doc = grade(emptyProgress(), scheduler, 'a', Rating.Again, now)
    const t = new Date(now.getTime() + 2 * MIN)
    const preview = previewIntervals(scheduler, cardOf(doc, 'a', t), t)
    for (const r of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
      const after = grade(doc, scheduler, 'a', r, t)
      expect(Date.parse(after.cards.a!.due) - t.getTime()).toBe(preview[r])
    }
  })

  it('undo rolls a card back exactly (ts-fsrs rollback), and a first grade back to unseen', () => {
    const once = grade(emptyProgress(), scheduler, 'a', Rating.Good, now)
    const twice = grade(once, scheduler, 'a', Rating.Hard, new Date(now.getTime() + 15 * MIN))
    const back = undoLast(twice, scheduler)
    expect(back?.id).toBe('a')
    expect(back?.doc.cards).toEqual(once.cards)
    const first = undoLast(back!.doc, scheduler)
    expect(first?.doc.cards).toEqual({})
    expect(first?.doc.undo).toEqual([])
    expect(undoLast(first!.doc, scheduler)).toBeNull()
  })

  it('formats intervals for buttons and for screen readers', () => {
    expect([30_000, MIN, 10 * MIN, 3 * 3_600_000, 8 * DAY, 75 * DAY, 400 * DAY].map(formatInterval)).toEqual(['<1m', '1m', '10m', '3h', '8d', '2.5mo', '1.1y'])
    expect(describeInterval(MIN)).toBe('in 1 minute')
    expect(describeInterval(8 * DAY)).toBe('in 8 days')
  })
})
