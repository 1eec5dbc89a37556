// #/learn: the course in order — each lesson's title, summary and live-scene count, with a tick
// for the ones the learner has finished (kept in this browser), and "Resume where you left off".

import { href } from '../../app/router.ts'
import { Button } from '../../components/Button.tsx'
import { ScormDownloads } from '../../lms/ScormDownloads.tsx'
import { LESSONS } from '../../course/catalog.ts'
import { LmsNotice } from './lms/LmsNotice.tsx'
import { progressStore, resumeTarget, tally, type Progress } from './progress.ts'
import { useProgress } from './useProgress.ts'
import { useDocumentTitle } from './useDocumentTitle.ts'

export function LessonIndex() {
  useDocumentTitle('Learn')
  const progress = useProgress((p) => p)
  const done = LESSONS.filter((l) => progress.lessons[l.slug]?.done).length
  const started = Object.keys(progress.lessons).length > 0 || progress.last !== null
  const resume = resumeTarget(progress, LESSONS)
  const resumeLesson = resume && LESSONS.find((l) => l.slug === resume.slug)

  return (
    <div className="lesson-index" data-testid="lesson-index">
      <LmsNotice />
      <header className="lesson-index-header">
        <p className="lesson-eyebrow">Course · {LESSONS.length} lessons</p>
        <h1>Sticky sessions, from the first logout to stateless</h1>
        <p className="lesson-summary">
          Each lesson explains one part of the story in plain words and lets you test it on a live lab: you predict what will happen, run the scene, then read why.
          Start at the top, or jump to what you need.
        </p>
        <div className="lesson-index-progress">
          <p id="course-progress-label">
            {done} of {LESSONS.length} lessons done
          </p>
          <progress max={LESSONS.length} value={done} aria-labelledby="course-progress-label" />
          {resume && resumeLesson && (
            <a className="lesson-resume" href={href(`/learn/${resume.slug}`, undefined, resume.scene !== null ? `scene-${resume.scene + 1}` : undefined)} data-testid="lesson-resume">
              Resume where you left off<span className="sr-only">:</span>
              <span className="lesson-resume-title">
                Lesson {resumeLesson.order}, {resumeLesson.title}
                {resume.scene !== null && `, scene ${resume.scene + 1}`}
              </span>
            </a>
          )}
          {started && (
            <Button size="sm" look="ghost" onClick={() => progressStore.getState().reset()}>
              Reset progress
            </Button>
          )}
        </div>
      </header>

      <ol className="lesson-index-list">
        {LESSONS.map((l) => (
          <li key={l.slug}>
            <a href={href(`/learn/${l.slug}`)} className="lesson-index-card" data-testid="lesson-card" data-slug={l.slug}>
              <span className="lesson-index-number" aria-hidden="true">
                {String(l.order).padStart(2, '0')}
              </span>
              <span className="flex min-w-0 flex-1 flex-col gap-1">
                <span className="lesson-index-title">
                  <span className="sr-only">Lesson {l.order}: </span>
                  {l.title}
                </span>
                <span className="lesson-index-summary">{l.summary}</span>
                <span className="lesson-index-meta">
                  {l.sceneCount} live scene{l.sceneCount === 1 ? '' : 's'}
                  <Status progress={progress} slug={l.slug} sceneCount={l.sceneCount} />
                </span>
              </span>
            </a>
          </li>
        ))}
      </ol>
      <div className="mt-8">
        <ScormDownloads />
      </div>
    </div>
  )
}

function Status({ progress, slug, sceneCount }: { progress: Progress; slug: string; sceneCount: number }) {
  const p = progress.lessons[slug]
  if (!p) return null
  if (p.done)
    return (
      <span className="lesson-tick" data-testid="lesson-done">
        <span aria-hidden="true">✓</span> Done
      </span>
    )
  return (
    <span className="text-muted">
      {' '}
      · {tally(progress, slug, sceneCount).solved} of {sceneCount} scenes finished
    </span>
  )
}
