// What a package reports to the LMS, from the learner's progress on the package's lessons:
// - cmi.core.lesson_status: "incomplete" until every scene was predicted and run; then "completed",
//   or "passed"/"failed" against the mastery score when the package (or the LMS) declares one;
// - cmi.core.score.raw: the share of scenes whose first prediction was right, 0–100 (null before
//   any scene ran, so an LMS doesn't show 0 % for a lesson just opened).
// Note the LMS's "completed" asks less than the site's "done" (which wants every answer right
// eventually): the score is where wrong first guesses show. See docs/SCORM.md.

import type { LessonStatus } from '../../../lms/session.ts'
import { tally, type Progress } from '../progress.ts'

export interface ScopeLesson {
  readonly slug: string
  readonly sceneCount: number
}

export function scoreOf(p: Progress, scope: readonly ScopeLesson[], mastery: number | null): { status: LessonStatus; score: number | null } {
  let scenes = 0
  let ran = 0
  let right = 0
  for (const l of scope) {
    const t = tally(p, l.slug, l.sceneCount)
    scenes += l.sceneCount
    ran += t.ran
    right += t.firstRight
  }
  const score = ran === 0 || scenes === 0 ? null : Math.round((100 * right) / scenes)
  if (scenes === 0 || ran < scenes) return { status: 'incomplete', score }
  const final = score ?? 0
  if (mastery === null) return { status: 'completed', score: final }
  return { status: final >= mastery ? 'passed' : 'failed', score: final }
}

/** cmi.core.lesson_location: the route of the learner's place, e.g. "/learn/the-problem#scene-2". */
export function locationOf(p: Progress): string {
  if (!p.last) return ''
  return `/learn/${p.last.slug}${p.last.scene !== null ? `#scene-${p.last.scene + 1}` : ''}`
}
