// The panel of a "?" button (Explain.tsx): the term's one-line explanation from the glossary and a
// link to the full entry, in a native popover (top layer, closes on Escape or a click elsewhere)
// placed under its button. Loaded on demand with the first "?" a reader points at, focuses or presses.

import { useEffect, useImperativeHandle, useRef, useState, type Ref, type RefObject } from 'react'
import { glossaryLink, loadGlossary, type GlossaryEntry } from './jargon/glossary.ts'

const WIDTH = 288
const MARGIN = 8

/** What the button calls once the panel is here. */
export interface ExplainHandle {
  /** The button was pressed: open, or close when it was open. */
  toggle(): void
  /** The pointer went down on the button (before the popover's light dismiss acts on it). */
  pressed(): void
}

interface Props {
  ref: Ref<ExplainHandle>
  id: string
  label: string
  panelId: string
  buttonRef: RefObject<HTMLButtonElement | null>
  /** Set when the button was pressed before the panel loaded: open on arrival. */
  openWhenReadyRef: RefObject<boolean>
  onOpenChange(open: boolean): void
}

/** Put the (fixed) panel under its button, or above it when there is no room below. */
function place(p: HTMLElement | null, b: HTMLElement | null): void {
  if (!p || !b) return
  const r = b.getBoundingClientRect()
  const width = Math.min(WIDTH, window.innerWidth - MARGIN * 2)
  p.style.width = `${width}px`
  p.style.left = `${Math.min(Math.max(MARGIN, r.left + r.width / 2 - width / 2), window.innerWidth - width - MARGIN)}px`
  p.style.top = `${r.bottom + 4}px`
  const h = p.getBoundingClientRect().height
  if (r.bottom + 4 + h > window.innerHeight - MARGIN && r.top - 4 - h >= MARGIN) p.style.top = `${r.top - 4 - h}px`
}

export function ExplainPanel({ ref, id, label, panelId, buttonRef, openWhenReadyRef, onOpenChange }: Props) {
  const panel = useRef<HTMLDivElement>(null)
  const [open, setOpen] = useState(false)
  // Whether the panel was open when the pointer went down on the button: the popover's light dismiss
  // closes it on that pointerdown, before the click, so the click must not open it again.
  const openAtPress = useRef<boolean | null>(null)
  const [entry, setEntry] = useState<GlossaryEntry | null | undefined>(undefined)
  const link = glossaryLink(id)

  useEffect(() => {
    let live = true
    loadGlossary().then(
      (all) => live && setEntry(all.find((e) => e.id === id) ?? null),
      () => live && setEntry(null),
    )
    return () => {
      live = false
    }
  }, [id])

  useEffect(() => {
    const p = panel.current
    if (!p) return
    const onToggle = (e: Event) => {
      const now = (e as ToggleEvent).newState === 'open'
      setOpen(now)
      onOpenChange(now)
    }
    p.addEventListener('toggle', onToggle)
    return () => p.removeEventListener('toggle', onToggle)
  }, [onOpenChange])

  // A fixed panel would drift from its button when the page (or a box holding it) scrolls or the
  // window resizes: it follows the button instead (closing it would fight a click that scrolls first).
  useEffect(() => {
    if (!open) return
    let frame = 0
    const follow = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => place(panel.current, buttonRef.current))
    }
    window.addEventListener('scroll', follow, { passive: true, capture: true })
    window.addEventListener('resize', follow)
    return () => {
      cancelAnimationFrame(frame)
      window.removeEventListener('scroll', follow, { capture: true })
      window.removeEventListener('resize', follow)
    }
  }, [open, buttonRef])

  const toggle = () => {
    const p = panel.current
    if (!p) return
    const wasOpen = openAtPress.current ?? p.matches(':popover-open')
    openAtPress.current = null
    if (wasOpen) {
      if (p.matches(':popover-open')) p.hidePopover()
      return
    }
    p.showPopover()
    place(p, buttonRef.current)
  }

  useImperativeHandle(ref, () => ({
    toggle,
    pressed: () => {
      openAtPress.current = panel.current?.matches(':popover-open') ?? false
    },
  }))

  // Pressed before the code was here: open now.
  useEffect(() => {
    if (!openWhenReadyRef.current) return
    openWhenReadyRef.current = false
    toggle()
  })

  return (
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
  )
}
