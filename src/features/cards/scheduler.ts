// Spaced repetition is ts-fsrs (FSRS with default weights), never hand-written intervals.
// Short-term learning steps stay ON (1 min, 10 min; relearning 10 min): "Again" brings a card back
// within the same sitting, and queue.ts's 20-minute learn-ahead lets a short session finish them.

import { fsrs, Rating, type Card, type FSRS, type Grade, type IPreview } from 'ts-fsrs'

export { Rating, State } from 'ts-fsrs'
export type { Card, Grade, ReviewLog } from 'ts-fsrs'

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[]

export const GRADE_LABEL: Record<Grade, string> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
}

/** Fuzz spreads reviews of cards learnt together over nearby days; tests turn it off to get exact dates. */
export function createScheduler({ fuzz = true }: { fuzz?: boolean } = {}): FSRS {
  return fsrs({ enable_fuzz: fuzz, enable_short_term: true, request_retention: 0.9, maximum_interval: 36_500 })
}

/** What each grade would do to the card right now: the interval shown on its button. */
export function previewIntervals(scheduler: FSRS, card: Card, now: Date): Record<Grade, number> {
  const preview: IPreview = scheduler.repeat(card, now)
  const out = {} as Record<Grade, number>
  for (const g of GRADES) out[g] = preview[g].card.due.getTime() - now.getTime()
  return out
}

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

/** Short interval text for a button ("1m", "10m", "8d", "2.3mo"), like Anki's. */
export function formatInterval(ms: number): string {
  if (ms < MIN) return '<1m'
  if (ms < HOUR) return `${Math.round(ms / MIN)}m`
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`
  const days = ms / DAY
  if (days < 30) return `${Math.round(days)}d`
  if (days < 365) return `${trim(days / 30)}mo`
  return `${trim(days / 365)}y`
}

/** The same interval in words for screen readers ("in 10 minutes"). */
export function describeInterval(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  if (ms < MIN) return 'in less than a minute'
  if (ms < HOUR) return `in ${unit(Math.round(ms / MIN), 'minute')}`
  if (ms < DAY) return `in ${unit(Math.round(ms / HOUR), 'hour')}`
  const days = ms / DAY
  if (days < 30) return `in ${unit(Math.round(days), 'day')}`
  if (days < 365) return `in ${trim(days / 30)} months`
  return `in ${trim(days / 365)} years`
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '')
}
