// #/: what a sticky session is in one plain sentence, the lab with "scale out and users get logged
// out" ready to play on the first screen, and the ways on: lesson 2 (the definition, properly), the
// flashcards and the full lab. On phones the ways on follow the lab, so the scene keeps the screen.

import { LANDING_SCENARIO } from '../../lab-ui/engine.ts'
import { LabProvider } from '../../store/LabContext.tsx'
import { Lab } from '../../lab-ui/Lab.tsx'

/** Lesson 2, "What are sticky sessions?" (content/lessons/02-what-are-sticky-sessions.mdx). */
export const LESSON_2_HREF = '#/learn/what-are-sticky-sessions'

export default function HomePage() {
  return (
    <div className="mx-auto flex max-w-[1600px] flex-col gap-3 p-4 max-sm:px-3 max-sm:pt-3">
      <header className="flex flex-wrap items-end gap-x-8 gap-y-2">
        <div className="max-w-3xl">
          <h1 className="text-lg font-semibold leading-snug tracking-tight sm:text-2xl">Why do users get logged out when you add servers?</h1>
          <p className="mt-1 text-muted max-sm:text-sm" data-testid="definition">
            A <dfn className="font-semibold not-italic text-ink">sticky session</dfn> means the load balancer sends each user back to the same server every time, so the session that server keeps in
            its memory is always there.
            <span className="max-sm:hidden">
              {' '}
              Below, twelve shoppers and three servers with no stickiness: press <strong>Play</strong> and watch the unexpected logouts, then try <strong>Sticky</strong> or{' '}
              <strong>Stateless</strong>.
            </span>
          </p>
        </div>
        <NextSteps className="max-sm:hidden" />
      </header>
      <LabProvider init={{ scenario: LANDING_SCENARIO }}>
        <Lab picker={false} label="Lab: scale out and users get logged out" />
      </LabProvider>
      <NextSteps className="sm:hidden" />
    </div>
  )
}

function NextSteps({ className }: { className: string }) {
  const link = 'rounded-md border border-line bg-card px-3 py-1.5 hover:bg-soft'
  return (
    <nav aria-label="Next steps" className={`flex flex-wrap gap-2 text-sm ${className}`}>
      <a className={`${link} font-medium text-accent`} href={LESSON_2_HREF}>
        Lesson: what are sticky sessions? →
      </a>
      <a className={link} href="#/cards">
        Flashcards →
      </a>
      <a className={link} href="#/lab">
        All 19 scenarios →
      </a>
    </nav>
  )
}
