// Statistics, the way Anki users expect them: reviews on each of the last seven days, and
// retention — of the reviews of learned cards in the last 30 days, the share still known. Numbers
// are in words as well as bars (the bars are decoration).

import { perDay, retention } from './reviewStats.ts'
import { useProgress } from './useProgress.ts'

function dayLabel(daysAgo: number, start: number): string {
  if (daysAgo === 0) return 'Today'
  if (daysAgo === 1) return 'Yesterday'
  return new Date(start).toLocaleDateString(undefined, { weekday: 'long' })
}

export function ReviewStats({ now }: { now: number }) {
  const doc = useProgress((s) => s.doc)
  const days = perDay(doc, now, 7)
  const total = days.reduce((n, d) => n + d.count, 0)
  const most = Math.max(1, ...days.map((d) => d.count))
  const kept = retention(doc, now, 30)
  return (
    <section aria-labelledby="stats-title" className="rounded-2xl border border-line bg-card p-5" data-testid="review-stats">
      <h2 id="stats-title" className="text-xs font-semibold uppercase tracking-wide text-muted">
        Statistics
      </h2>
      <p className="mt-3 text-sm">
        {total} review{total === 1 ? '' : 's'} in the last 7 days
      </p>
      <ul className="mt-2 flex flex-col gap-1 text-xs" aria-label="Reviews per day">
        {[...days].reverse().map((d) => (
          <li key={d.daysAgo} className="grid grid-cols-[5.5rem_1fr_2rem] items-center gap-2" data-days-ago={d.daysAgo}>
            <span className="text-muted">{dayLabel(d.daysAgo, d.start)}</span>
            <span className="h-2 overflow-hidden rounded-full bg-soft" aria-hidden="true">
              <span className="block h-full rounded-full bg-accent" style={{ width: `${(d.count / most) * 100}%` }} />
            </span>
            <span className="tabular text-right">{d.count}</span>
          </li>
        ))}
      </ul>
      <dl className="mt-4 flex items-baseline justify-between gap-2 border-t border-line pt-3">
        <dt className="text-sm">Retention, last 30 days</dt>
        <dd className="tabular text-2xl font-semibold" data-testid="retention">
          {kept ? `${Math.round(kept.rate * 100)}%` : '—'}
        </dd>
      </dl>
      <p className="mt-1 text-xs text-muted">
        {kept
          ? `Of ${kept.of} review${kept.of === 1 ? '' : 's'} of cards you had learned, the share you still knew (Hard, Good or Easy). The schedule aims for about 90 %.`
          : 'Appears once cards you have learned come up for review: the share you still knew.'}
      </p>
    </section>
  )
}
