// A "?" beside a piece of jargon (a metric tile, a picker, a column): it opens the term's one-line
// explanation from the glossary, with a link to the full entry. The panel is a native popover (top
// layer, closes on Escape or a click elsewhere) placed under its button; the text loads on first
// hover, focus or click, so the lab's first paint carries none of it.

import { useEffect, useId, useRef, useState } from 'react'
import { glossaryLink, loadGlossary, type GlossaryEntry } from './jargon/glossary.ts'

const WIDTH = 288
const MARGIN = 8

export function Explain({ id, label, className = '' }: { id: string; label: string; className?: string }) {
  const panelId = useId()
  const button = useRef<HTMLButtonElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState(false)
  // Whether the panel was open when the pointer went down on the button: the popover's light dismiss
  // closes it on that pointerdown, before the click, so the click must not open it again.
  const openAtPress = useRef<boolean | null>(null)
  const [entry, setEntry] = useState<GlossaryEntry | null | undefined>(undefined)
  const link = glossaryLink(id)

  const fetchText = () => {
    if (entry !== undefined) return
    loadGlossary().then(
      (all) => setEntry(all.find((e) => e.id === id) ?? null),
      () => setEntry(null),
    )
  }

  useEffect(() => {
    const p = panel.current
    if (!p) return
    const onToggle = (e: Event) => setOpen((e as ToggleEvent).newState === 'open')
    p.addEventListener('toggle', onToggle)
    return () => p.removeEventListener('toggle', onToggle)
  }, [])

  /** Put the (fixed) panel under its button, or above it when there is no room below. */
  const place = () => {
    const p = panel.current
    const b = button.current
    if (!p || !b) return
    const r = b.getBoundingClientRect()
    const width = Math.min(WIDTH, window.innerWidth - MARGIN * 2)
    p.style.width = `${width}px`
    p.style.left = `${Math.min(Math.max(MARGIN, r.left + r.width / 2 - width / 2), window.innerWidth - width - MARGIN)}px`
    p.style.top = `${r.bottom + 4}px`
    const h = p.getBoundingClientRect().height
    if (r.bottom + 4 + h > window.innerHeight - MARGIN && r.top - 4 - h >= MARGIN) p.style.top = `${r.top - 4 - h}px`
  }

  // A fixed panel would drift from its button when the page (or a box holding it) scrolls or the
  // window resizes: it follows the button instead (closing it would fight a click that scrolls first).
  useEffect(() => {
    if (!open) return
    let frame = 0
    const follow = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(place)
    }
    window.addEventListener('scroll', follow, { passive: true, capture: true })
    window.addEventListener('resize', follow)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', follow, { capture: true })
      window.removeEventListener('resize', follow)
    }
  }, [open])

  const toggle = () => {
    const p = panel.current
    const b = button.current
    if (!p || !b) return
    const wasOpen = openAtPress.current ?? p.matches(':popover-open')
    openAtPress.current = null
    if (wasOpen) {
      if (p.matches(':popover-open')) p.hidePopover()
      return
    }
    fetchText()
    p.showPopover()
    place()
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        onClick={toggle}
        onPointerDown={() => {
          openAtPress.current = panel.current?.matches(':popover-open') ?? false
        }}
        onPointerEnter={fetchText}
        onFocus={fetchText}
        aria-expanded={open}
        aria-controls={panelId}
        className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full align-middle text-muted hover:text-ink ${className}`}
      >
        <span aria-hidden="true" className="flex h-4 w-4 items-center justify-center rounded-full border border-current text-[10px] font-bold leading-none">
          ?
        </span>
        <span className="sr-only">What is “{label}”?</span>
      </button>
      <div
        ref={panel}
        id={panelId}
        popover="auto"
        role="note"
        aria-label={label}
        className="fixed inset-auto m-0 rounded-lg border border-line bg-card p-3 text-left text-sm font-normal normal-case tracking-normal text-ink shadow-lg"
        data-testid="explain-panel"
      >
        <p className="font-semibold">{entry?.term ?? label}</p>
        <p className="mt-1 text-muted">{entry === undefined ? 'Loading…' : entry === null ? 'No explanation here yet; the glossary has the course’s terms.' : entry.short}</p>
        <a href={link.href} {...(link.newTab ? { target: '_blank', rel: 'noopener' } : {})} className="mt-2 inline-block text-accent underline" onClick={() => panel.current?.hidePopover()}>
          More in the glossary{link.newTab && <span className="sr-only"> (opens in a new tab)</span>}
        </a>
      </div>
    </>
  )
}
