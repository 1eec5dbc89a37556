// A sheet: a modal dialog that slides up from the bottom of the frame with the controls that don't
// fit beside the stage (embeds with full controls). A native <dialog>: focus moves in and is kept
// there, Escape closes it, and focus returns to the button that opened it.

import { useEffect, useRef, type ReactNode } from 'react'
import { Button } from '../components/Button.tsx'

export function Sheet({ open, onClose, title, titleId, children }: { open: boolean; onClose(): void; title: string; titleId: string; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby={titleId}
      className="sheet mx-auto mb-0 mt-auto max-h-[90dvh] w-full max-w-3xl rounded-t-xl border border-line bg-page p-0 text-ink backdrop:bg-black/40"
      data-testid="sheet"
    >
      {open && (
        <div className="flex flex-col gap-4 p-3">
          <div className="flex items-center justify-between gap-3">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <Button look="ghost" size="sm" onClick={onClose} autoFocus>
              Close
            </Button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  )
}
