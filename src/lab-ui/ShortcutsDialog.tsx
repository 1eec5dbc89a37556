// The keyboard shortcuts' help (the "?" key or the "Shortcuts help" link), with the switch to turn
// them off (WCAG 2.1.4). Loaded the first time it opens: most readers never open it.

import { useEffect, useId, useRef } from 'react'
import { prefs, usePrefs } from '../store/prefs.ts'
import { Button } from '../components/Button.tsx'
import { Toggle } from '../components/Toggle.tsx'

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
