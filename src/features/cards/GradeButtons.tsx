// The four Anki-style grades, each showing the interval it would give (ts-fsrs preview). Big
// targets: a mis-tapped "Easy" buries a card for weeks, and Undo is one key away anyway.

import type { Grade } from 'ts-fsrs'
import { Kbd } from './Kbd.tsx'
import { describeInterval, formatInterval, GRADE_LABEL, GRADES } from './scheduler.ts'

const LOOK: Record<Grade, string> = {
  1: 'border-bad/70 text-bad',
  2: 'border-warn/70 text-warn',
  3: 'border-ok/70 text-ok',
  4: 'border-accent/70 text-accent',
}

export function GradeButtons({ intervals, onGrade, shortcuts }: { intervals: Record<Grade, number>; onGrade(g: Grade): void; shortcuts: boolean }) {
  return (
    <div role="group" aria-label="How well did you know it?" className="grid grid-cols-2 gap-2 sm:grid-cols-4">
      {GRADES.map((g) => (
        <button
          key={g}
          type="button"
          onClick={() => onGrade(g)}
          aria-label={`${GRADE_LABEL[g]}: next review ${describeInterval(intervals[g])}`}
          className={`flex min-h-16 flex-col items-center justify-center gap-0.5 rounded-xl border-2 bg-card px-2 py-2 transition-colors hover:bg-soft ${LOOK[g]}`}
        >
          <span className="flex items-center gap-2 text-base font-semibold">
            {GRADE_LABEL[g]}
            {shortcuts && <Kbd>{String(g)}</Kbd>}
          </span>
          <span className="tabular text-sm text-muted">{formatInterval(intervals[g])}</span>
        </button>
      ))}
    </div>
  )
}
