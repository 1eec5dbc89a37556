// #/glossary: every term in alphabetical order, each with a stable anchor (#/glossary#jwt), its
// one-line explanation (the same the lab's "?" shows), a paragraph, other names, and the lessons
// that teach it. A deep link scrolls to its term and moves focus there.

import { Suspense, use, useEffect } from 'react'
import { href, useRoute } from '../../app/router.ts'
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx'
import { lessonBySlug } from '../../course/catalog.ts'
import { loadGlossary, type GlossaryEntry } from '../../lab-ui/jargon/glossary.ts'

export default function GlossaryPage() {
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-6 sm:px-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Glossary</h1>
        <p className="text-muted">
          The words the lab, the lessons and the flashcards use, in plain language. Every “?” in the lab opens the first sentence of one of these.
        </p>
      </header>
      <ErrorBoundary>
        <Suspense fallback={<p className="text-muted">Loading the glossary…</p>}>
          <Terms />
        </Suspense>
      </ErrorBoundary>
    </div>
  )
}

function Terms() {
  const terms = [...use(loadGlossary())].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }))
  const { anchor } = useRoute()
  useEffect(() => {
    if (!anchor) {
      window.scrollTo(0, 0)
      return
    }
    const el = document.getElementById(anchor)
    if (!el) return
    el.scrollIntoView({ block: 'start' })
    el.focus({ preventScroll: true })
  }, [anchor])
  if (terms.length === 0) return <p className="text-muted">The glossary could not be read. The lessons explain each term where it first appears.</p>
  return (
    <>
      <nav aria-label="Terms" className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {terms.map((t) => (
          <a key={t.id} href={href('/glossary', undefined, t.id)} className="inline-flex min-h-6 items-center text-accent underline decoration-line underline-offset-4 hover:decoration-current">
            {t.term}
          </a>
        ))}
      </nav>
      <dl className="flex flex-col gap-5">
        {terms.map((t) => (
          <Term key={t.id} entry={t} />
        ))}
      </dl>
    </>
  )
}

/** The aliases worth showing: not a mere plural of the term or of another alias. */
function otherNames(t: GlossaryEntry): string[] {
  const names = [t.term, ...t.aliases].map((n) => n.toLowerCase())
  return t.aliases.filter((a) => !(a.toLowerCase().endsWith('s') && names.includes(a.toLowerCase().slice(0, -1))))
}

function Term({ entry: t }: { entry: GlossaryEntry }) {
  const lessons = t.lessons.map((slug) => lessonBySlug(slug)).filter((l) => l !== undefined)
  return (
    <div className="rounded-xl border border-line bg-card p-4">
      <dt id={t.id} tabIndex={-1} className="scroll-mt-6 text-lg font-semibold">
        {t.term}
      </dt>
      <dd className="mt-1 flex flex-col gap-2">
        <p className="font-medium">{t.short}</p>
        <p className="text-muted">{t.body}</p>
        {otherNames(t).length > 0 && <p className="text-sm text-muted">Also: {otherNames(t).join(', ')}</p>}
        {lessons.length > 0 && (
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {lessons.map((l) => (
              <a key={l.slug} href={href(`/learn/${l.slug}`)} className="inline-flex min-h-6 items-center text-accent underline">
                Lesson {l.order}: {l.title}
              </a>
            ))}
          </p>
        )}
      </dd>
    </div>
  )
}
