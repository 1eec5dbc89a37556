import { describe, expect, it } from 'vitest'
import { emptyProgress, grade, undoLast } from './progress.ts'
import type { ProgressDoc, ReviewRecord } from './progressSchema.ts'
import { perDay, retention, today } from './reviewStats.ts'
import { createScheduler, Rating } from './scheduler.ts'

const scheduler = createScheduler({ fuzz: false })
const noon = (daysAgo: number, base = new Date(2025, 2, 10, 12)) => {
  const d = new Date(base)
  d.setDate(d.getDate() - daysAgo)
  return d
}
const now = noon(0).getTime() + 60_000
const rec = (daysAgo: number, rating: ReviewRecord['rating'], state: ReviewRecord['state'] = 2): ReviewRecord => ({ id: 'x', at: noon(daysAgo).toISOString(), rating, state })
const doc = (reviews: ReviewRecord[]): ProgressDoc => ({ ...emptyProgress(), reviews })

describe('review statistics (14.11)', () => {
  it('grading records the review; undo takes it back out', () => {
    let d = grade(emptyProgress(), scheduler, 'a', Rating.Hard, noon(0))
    d = grade(d, scheduler, 'b', Rating.Easy, noon(0))
    expect(d.reviews.map((r) => [r.id, r.rating, r.state])).toEqual([
      ['a', 2, 0],
      ['b', 4, 0],
    ])
    expect(today(d, now)).toEqual({ reviews: 2, grades: { 1: 0, 2: 1, 3: 0, 4: 1 } })
    const back = undoLast(d, scheduler)!.doc
    expect(back.reviews.map((r) => r.id)).toEqual(['a'])
    expect(today(back, now).reviews).toBe(1)
  })

  it("today counts only since local midnight", () => {
    expect(today(doc([rec(1, 3), rec(0, 1), rec(0, 3)]), now)).toEqual({ reviews: 2, grades: { 1: 1, 2: 0, 3: 1, 4: 0 } })
  })

  it('reviews per day over the last week, today first', () => {
    const days = perDay(doc([rec(9, 3), rec(3, 3), rec(3, 4), rec(1, 1), rec(0, 3)]), now)
    expect(days.map((d) => d.count)).toEqual([1, 1, 0, 2, 0, 0, 0])
    expect(days[1]!.start).toBe(new Date(2025, 2, 9).getTime())
  })

  it('retention: reviews of learned cards not forgotten, over 30 days; none → null', () => {
    expect(retention(doc([rec(1, 3), rec(1, 3), rec(1, 2), rec(1, 1), rec(3, 3), rec(3, 4), rec(2, 1, 0), rec(40, 1)]), now)).toEqual({ rate: 5 / 6, of: 6 })
    expect(retention(doc([rec(0, 3, 0), rec(0, 1, 1)]), now)).toBeNull()
  })
})
