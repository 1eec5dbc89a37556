// Numbers a flashcard user expects (as Anki shows them), from the saved review history: today's
// reviews and their grades (the end-of-session summary, and "done" in the session bar, which
// therefore survives a reload or a trip to the lab), reviews per day, and retention — the share of
// reviews of learned cards that were still known (graded Hard, Good or Easy, not Again).

import type { ProgressDoc } from './progressSchema.ts'
import { startOfDay } from './queue.ts'
import { State } from './scheduler.ts'

export type GradeCounts = Record<1 | 2 | 3 | 4, number>

const DAY = 86_400_000

/** Reviews since local midnight, and how many of each grade. */
export function today(doc: ProgressDoc, now: number): { reviews: number; grades: GradeCounts } {
  const from = startOfDay(now)
  const grades: GradeCounts = { 1: 0, 2: 0, 3: 0, 4: 0 }
  let reviews = 0
  for (let i = doc.reviews.length - 1; i >= 0; i--) {
    const r = doc.reviews[i]!
    if (Date.parse(r.at) < from) break
    grades[r.rating] += 1
    reviews += 1
  }
  return { reviews, grades }
}

/** Reviews on each of the last `days` local days, today first (daysAgo 0). */
export function perDay(doc: ProgressDoc, now: number, days = 7): { daysAgo: number; start: number; count: number }[] {
  const out = Array.from({ length: days }, (_, daysAgo) => {
    const d = new Date(startOfDay(now))
    d.setDate(d.getDate() - daysAgo) // calendar days: a daylight-saving change keeps midnights
    return { daysAgo, start: d.getTime(), count: 0 }
  })
  const oldest = out.at(-1)!.start
  for (const r of doc.reviews) {
    const t = Date.parse(r.at)
    if (t < oldest || t > now + DAY) continue
    const slot = out.find((d) => t >= d.start)
    if (slot) slot.count += 1
  }
  return out
}

/** Share of reviews of learned cards (FSRS Review state) in the last `days` days not graded Again; null with none. */
export function retention(doc: ProgressDoc, now: number, days = 30): { rate: number; of: number } | null {
  const from = now - days * DAY
  let of = 0
  let kept = 0
  for (const r of doc.reviews) {
    if (r.state !== State.Review || Date.parse(r.at) < from) continue
    of += 1
    if (r.rating > 1) kept += 1
  }
  return of === 0 ? null : { rate: kept / of, of }
}
