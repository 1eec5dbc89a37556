// One lesson: header, the MDX body (a lazy chunk per lesson) with its live scenes, a table of
// contents from the build-time heading ids, deep links (#/learn/<slug>#<heading>), and the way on.

import { MDXProvider } from '@mdx-js/react'
import { Suspense, use, useEffect, useMemo } from 'react'
import { href, useRoute } from '../../app/router.ts'
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx'
import { LESSONS, lessonBySlug, neighbours, type LessonEntry, type LessonModule } from '../../course/catalog.ts'
import { LessonContext } from './LessonContext.ts'
import { LmsNotice } from './lms/LmsNotice.tsx'
import { LESSON_COMPONENTS } from './mdx/components.tsx'
import { progressStore } from './progress.ts'
import { useProgress } from './useProgress.ts'
import { Toc, useActiveHeading } from './Toc.tsx'
import { useDocumentTitle } from './useDocumentTitle.ts'

const loaded = new Map<string, Promise<LessonModule>>()
function loadLesson(entry: LessonEntry): Promise<LessonModule> {
  let p = loaded.get(entry.slug)
  if (!p) {
    p = entry.load()
    // A failed chunk load (offline, a new deploy) may succeed on the next visit.
    p.catch(() => loaded.delete(entry.slug))
    loaded.set(entry.slug, p)
  }
  return p
}

export function LessonPage({ slug }: { slug: string }) {
  const entry = lessonBySlug(slug)
  useDocumentTitle(entry ? entry.title : 'Lesson not found')
  if (!entry) return <UnknownLesson slug={slug} />
  return (
    <article className="lesson-page" data-testid="lesson" data-slug={entry.slug}>
      <div className="lesson-grid">
        <div className="lesson-main">
          <LmsNotice />
          <LessonHeader entry={entry} />
          <ErrorBoundary>
            <Suspense fallback={<p className="lesson-loading">Loading the lesson…</p>}>
              <LessonBody entry={entry} />
            </Suspense>
          </ErrorBoundary>
        </div>
        <div className="hidden xl:block">
          <ErrorBoundary fallback={() => null}>
            <Suspense fallback={null}>
              <SidebarToc entry={entry} />
            </Suspense>
          </ErrorBoundary>
        </div>
      </div>
    </article>
  )
}

function LessonHeader({ entry }: { entry: LessonEntry }) {
  const done = useProgress((p) => p.lessons[entry.slug]?.done ?? false)
  return (
    <header className="lesson-header">
      <p className="lesson-eyebrow">
        <a href="#/learn">Learn</a>
        <span aria-hidden="true"> / </span>
        Lesson {entry.order} of {LESSONS.length}
        {done && (
          <span className="lesson-done-badge" data-testid="lesson-done-badge">
            <span aria-hidden="true">✓ </span>Done
          </span>
        )}
      </p>
      <h1>{entry.title}</h1>
      <p className="lesson-summary">{entry.summary}</p>
      <p className="mt-2 text-sm text-muted">
        A word you don’t know? The <a href="#/glossary" className="text-accent underline">glossary</a> explains the terms the lessons and the lab use.
      </p>
    </header>
  )
}

/** The contents list with the heading being read marked (the Recap closes every lesson). */
function useLessonToc(mod: LessonModule) {
  const toc = useMemo(() => [...mod.toc, { id: 'recap', text: 'Recap', depth: 2 }], [mod.toc])
  const ids = useMemo(() => toc.map((t) => t.id), [toc])
  return { toc, active: useActiveHeading(ids) }
}

function SidebarToc({ entry }: { entry: LessonEntry }) {
  const { toc, active } = useLessonToc(use(loadLesson(entry)))
  return <Toc slug={entry.slug} entries={toc} active={active} variant="sidebar" />
}

function LessonBody({ entry }: { entry: LessonEntry }) {
  const mod = use(loadLesson(entry))
  const { anchor } = useRoute()
  const { toc, active } = useLessonToc(mod)
  const info = useMemo(() => ({ slug: entry.slug, sceneCount: entry.sceneCount }), [entry.slug, entry.sceneCount])
  const Body = mod.default

  // This lesson is where "Resume where you left off" brings the learner back.
  useEffect(() => progressStore.getState().visit(entry.slug), [entry.slug])

  // Deep links: scroll to the heading named after the route's second '#', else start at the top.
  useEffect(() => {
    if (!anchor) {
      window.scrollTo(0, 0)
      return
    }
    const el = document.getElementById(anchor)
    if (!el) return
    el.scrollIntoView({ block: 'start' })
    el.focus({ preventScroll: true })
  }, [anchor, entry.slug])

  return (
    <LessonContext.Provider value={info}>
      <div className="xl:hidden">
        <Toc slug={entry.slug} entries={toc} active={active} variant="inline" />
      </div>
      <div className="lesson-body prose">
        <MDXProvider components={LESSON_COMPONENTS}>
          <Body />
        </MDXProvider>
      </div>
      <PrevNext slug={entry.slug} />
    </LessonContext.Provider>
  )
}

function PrevNext({ slug }: { slug: string }) {
  const { prev, next } = neighbours(slug)
  return (
    <nav aria-label="Lessons" className="lesson-prevnext">
      {prev ? (
        <a href={href(`/learn/${prev.slug}`)} rel="prev">
          <span className="lesson-prevnext-dir">← Previous</span>
          <span className="lesson-prevnext-title">{prev.title}</span>
        </a>
      ) : (
        <a href="#/learn">
          <span className="lesson-prevnext-dir">← All lessons</span>
          <span className="lesson-prevnext-title">Course overview</span>
        </a>
      )}
      {next ? (
        <a href={href(`/learn/${next.slug}`)} rel="next" className="is-next">
          <span className="lesson-prevnext-dir">Next →</span>
          <span className="lesson-prevnext-title">{next.title}</span>
        </a>
      ) : (
        <a href="#/cards" className="is-next">
          <span className="lesson-prevnext-dir">Practise →</span>
          <span className="lesson-prevnext-title">Interview flashcards</span>
        </a>
      )}
    </nav>
  )
}

function UnknownLesson({ slug }: { slug: string }) {
  return (
    <section className="mx-auto max-w-2xl p-6" data-testid="lesson-unknown">
      <h1 className="text-2xl font-semibold">Lesson not found</h1>
      <p className="mt-2 text-muted">
        There is no lesson called “{slug}”. Pick one from <a className="text-accent underline" href="#/learn">the list of lessons</a>.
      </p>
    </section>
  )
}
