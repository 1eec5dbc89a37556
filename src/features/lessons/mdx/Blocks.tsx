// The fixed parts of every lesson's anatomy: the intro, "you will learn", the recap and callouts.
// (Reaching the recap no longer marks a lesson done: answering and running its scenes does.)

import type { ReactNode } from 'react'

export function Intro({ children }: { children: ReactNode }) {
  return <div className="lesson-intro">{children}</div>
}

export function YouWillLearn({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="you-will-learn" className="lesson-box lesson-learn">
      <h2 id="you-will-learn" className="lesson-box-title">
        You will learn
      </h2>
      {children}
    </section>
  )
}

export function Recap({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="recap" className="lesson-box lesson-recap" data-testid="recap">
      <h2 id="recap" className="lesson-box-title">
        Recap
      </h2>
      {children}
    </section>
  )
}

const CALLOUT = {
  note: { label: 'Note', icon: 'ℹ' },
  tip: { label: 'Tip', icon: '★' },
  warning: { label: 'Warning', icon: '⚠' },
} as const

export function Callout({ kind = 'note', title, children }: { kind?: keyof typeof CALLOUT; title?: string; children: ReactNode }) {
  const k = CALLOUT[kind] ?? CALLOUT.note
  return (
    <aside className={`lesson-callout lesson-callout-${kind}`} aria-label={`${k.label}${title ? `: ${title}` : ''}`}>
      <p className="lesson-callout-title">
        <span aria-hidden="true">{k.icon}</span> <span className="sr-only">{k.label}: </span>
        {title ?? k.label}
      </p>
      {children}
    </aside>
  )
}
