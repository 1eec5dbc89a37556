// A "?" beside a piece of jargon (a metric tile, a picker, a column): it opens the term's one-line
// explanation from the glossary, with a link to the full entry. Only the button is here: the panel
// (ExplainPanel.tsx: a native popover, its placement and the text) loads on the first hover, focus or
// press of any "?", so the lab's first paint carries none of it (first-load budget, docs/DECISIONS.md).
// A press that comes before the panel has loaded opens it as soon as it has.

import { lazy, Suspense, useId, useRef, useState } from 'react'
import type { ExplainHandle } from './ExplainPanel.tsx'

const ExplainPanel = lazy(() => import('./ExplainPanel.tsx').then((m) => ({ default: m.ExplainPanel })))

export function Explain({ id, label, className = '' }: { id: string; label: string; className?: string }) {
  const panelId = useId()
  const button = useRef<HTMLButtonElement>(null)
  const handle = useRef<ExplainHandle>(null)
  const openWhenReady = useRef(false)
  const [wanted, setWanted] = useState(false)
  const [open, setOpen] = useState(false)
  const want = () => setWanted(true)

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={() => {
          if (handle.current) return handle.current.toggle()
          openWhenReady.current = true
          want()
        }}
        onPointerDown={() => handle.current?.pressed()}
        onPointerEnter={want}
        onFocus={want}
        aria-expanded={open}
        aria-controls={wanted ? panelId : undefined}
        className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full align-middle text-muted hover:text-ink ${className}`}
      >
        <span aria-hidden="true" className="flex h-4 w-4 items-center justify-center rounded-full border border-current text-[10px] font-bold leading-none">
          ?
        </span>
        <span className="sr-only">What is “{label}”?</span>
      </button>
      {wanted && (
        <Suspense fallback={null}>
          <ExplainPanel ref={handle} id={id} label={label} panelId={panelId} buttonRef={button} openWhenReadyRef={openWhenReady} onOpenChange={setOpen} />
        </Suspense>
      )}
    </>
  )
}
