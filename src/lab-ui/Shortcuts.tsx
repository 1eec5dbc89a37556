// Keyboard shortcuts for a lab: Space play/pause, ←/→ step back/forward, ? help. Active only while
// focus is inside that lab, never while typing or adjusting a control, and switchable off (WCAG 2.1.4).

import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { prefs, usePrefs } from '../store/prefs.ts'
import { Button } from '../components/Button.tsx'
import { Toggle } from '../components/Toggle.tsx'
import type { LabStore } from '../store/labStore.ts'

const CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY', 'A'])

/** Returns an onKeyDown handler for the lab's container. */
export function useShortcutKeys(store: LabStore, openHelp: () => void) {
  const enabled = usePrefs((p) => p.shortcuts)
  return (e: KeyboardEvent<HTMLElement>) => {
    if (!enabled || e.altKey || e.ctrlKey || e.metaKey) return
    const target = e.target as HTMLElement
    const onControl = CONTROLS.has(target.tagName) || target.isContentEditable
    const s = store.getState()
    if (e.key === '?' && !(target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) {
      e.preventDefault()
      openHelp()
    } else if (onControl) {
      return
    } else if (e.key === ' ') {
      e.preventDefault()
      s.toggle()
    } else if (e.key === 'ArrowRight') {
      e.preventDefault()
      s.stepForward()
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault()
      s.stepBack()
    }
  }
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const enabled = usePrefs((p) => p.shortcuts)
  const titleId = useId()
  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby={titleId} className="m-auto max-w-md rounded-xl border border-line bg-card p-5 text-ink backdrop:bg-black/40">
      <h2 id={titleId} className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <p className="mt-1 text-sm text-muted">They work while focus is inside the lab (click its background or Tab to it), not while a control is focused.</p>
      <dl className="mt-3 grid grid-cols-[6rem_1fr] gap-y-2 text-sm">
        <dt>
          <kbd className="rounded border border-line px-1.5">Space</kbd>
        </dt>
        <dd>Play / pause</dd>
        <dt>
          <kbd className="rounded border border-line px-1.5">→</kbd>
        </dt>
        <dd>Step forward one event</dd>
        <dt>
          <kbd className="rounded border border-line px-1.5">←</kbd>
        </dt>
        <dd>Step back one event</dd>
        <dt>
          <kbd className="rounded border border-line px-1.5">?</kbd>
        </dt>
        <dd>This help</dd>
      </dl>
      <div className="mt-4 flex items-center justify-between gap-3">
        <Toggle label="Shortcuts on" checked={enabled} onChange={(on) => prefs.getState().setShortcuts(on)} />
        <Button look="primary" onClick={onClose} autoFocus>
          Close
        </Button>
      </div>
    </dialog>
  )
}
