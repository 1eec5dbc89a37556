// The card itself: a focusable panel (the scope of the single-key shortcuts) holding the card face,
// which flips from question to answer (framer-motion `m`; a plain fade when motion is reduced, by
// the system setting or the app's toggle), and the controls passed in below it. The face is not a
// live region (its badge, tags and question would be read as one run-on string): StudyView says
// what changed in whole sentences. The answer links its terms to the glossary.

import { AnimatePresence, m, useReducedMotion } from 'framer-motion'
import { useId, type KeyboardEvent, type ReactNode, type RefObject } from 'react'
import { usePrefs } from '../../store/prefs.ts'
import { CardTerms } from './CardTerms.tsx'
import { CardText } from './CardText.tsx'
import type { DeckCard } from './deckSchema.ts'
import { lessonTitle } from './lessonTitle.ts'
import { sceneHref } from './sceneHref.ts'

const FLIP = { enter: { rotateY: -90, opacity: 0 }, center: { rotateY: 0, opacity: 1 }, exit: { rotateY: 90, opacity: 0 } }
const FADE = { enter: { opacity: 0 }, center: { opacity: 1 }, exit: { opacity: 0 } }

export function Flashcard({
  card,
  revealed,
  showing,
  badge,
  panelRef,
  onKeyDown,
  keyHint,
  children,
}: {
  card: DeckCard
  revealed: boolean
  /** Changes whenever a new showing starts, so the same card shown again animates in again. */
  showing: string
  badge?: ReactNode
  panelRef: RefObject<HTMLElement | null>
  onKeyDown(e: KeyboardEvent<HTMLElement>): void
  /** What the shortcuts do here (read to screen readers); null when shortcuts are off. */
  keyHint: string | null
  children: ReactNode
}) {
  const hintId = useId()
  const systemReduced = useReducedMotion() === true
  const appReduced = usePrefs((p) => p.reduceMotion === 'on')
  const reduced = systemReduced || appReduced
  return (
    <section
      ref={panelRef}
      tabIndex={0}
      aria-label="Flashcard"
      aria-describedby={keyHint ? hintId : undefined}
      onKeyDown={onKeyDown}
      data-testid="flashcard"
      className="flex flex-col gap-4 rounded-2xl focus-visible:outline-offset-4"
    >
      <div style={{ perspective: 1400 }}>
        <AnimatePresence mode="wait" initial={false}>
          <m.div
            key={`${showing}:${revealed ? 'answer' : 'question'}`}
            variants={reduced ? FADE : FLIP}
            initial="enter"
            animate="center"
            exit="exit"
            transition={{ duration: reduced ? 0.12 : 0.16, ease: 'easeOut' }}
            className="flex min-h-[16rem] flex-col rounded-2xl border border-line bg-card p-5 shadow-[0_1px_2px_rgb(0_0_0/0.06),0_8px_24px_-12px_rgb(0_0_0/0.18)] sm:min-h-[19rem] sm:p-8"
          >
            <div className="flex flex-wrap items-center gap-1.5 text-xs">
              {badge}
              {card.tags.map((t) => (
                <span key={t} className="rounded-full bg-soft px-2 py-0.5 text-muted">
                  {t}
                </span>
              ))}
            </div>
            {revealed ? <Answer card={card} /> : <Question card={card} />}
          </m.div>
        </AnimatePresence>
      </div>
      {children}
      {keyHint && (
        <p id={hintId} className="sr-only">
          {keyHint}
        </p>
      )}
    </section>
  )
}

function Question({ card }: { card: DeckCard }) {
  return (
    <>
      <h2 className="my-auto py-8 text-2xl font-semibold leading-snug tracking-tight text-balance sm:text-[2rem] sm:leading-tight">
        <CardText text={card.front} />
      </h2>
      <p className="text-sm text-muted">Answer it in your head, then show the answer.</p>
    </>
  )
}

function Answer({ card }: { card: DeckCard }) {
  const scene = sceneHref(card)
  return (
    <>
      <h2 className="mt-4 text-base font-semibold leading-snug text-muted sm:text-lg">
        <CardText text={card.front} />
      </h2>
      <hr className="my-4 border-line" />
      <p className="text-lg leading-relaxed sm:text-xl sm:leading-relaxed" data-testid="card-answer">
        <CardText text={card.back} />
      </p>
      <div className="mt-4">
        <CardTerms card={card} />
      </div>
      <div className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-2 pt-6 text-sm">
        {scene && (
          <a href={scene} className="inline-flex min-h-11 items-center gap-1.5 rounded-lg border border-accent px-3 font-medium text-accent hover:bg-soft">
            Show me in the lab <span aria-hidden="true">→</span>
          </a>
        )}
        <a href={`#/learn/${card.lesson}`} className="inline-flex min-h-11 items-center text-muted underline decoration-line underline-offset-4 hover:text-ink">
          Lesson: {lessonTitle(card.lesson)}
        </a>
      </div>
    </>
  )
}
