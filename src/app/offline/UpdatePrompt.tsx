// "A new version of the lab is ready — Reload": shown when a newer deploy's service worker is
// waiting. Rendered in its own small root (it appears over any page), announced politely; Later
// hides it until the next visit.

import { useState } from 'react'
import { createRoot } from 'react-dom/client'

function UpdatePrompt({ onReload, onLater }: { onReload(): void; onLater(): void }) {
  const [reloading, setReloading] = useState(false)
  return (
    <div role="status" aria-live="polite" className="fixed inset-x-3 bottom-3 z-50 mx-auto flex max-w-md flex-wrap items-center gap-3 rounded-lg border border-line bg-card px-4 py-3 text-sm shadow-lg" data-testid="update-prompt">
      <p className="min-w-0 flex-1">A new version of the lab is ready.</p>
      <button
        type="button"
        className="inline-flex min-h-9 items-center rounded-md border border-accent bg-accent px-3 font-medium text-accent-ink hover:brightness-110"
        disabled={reloading}
        onClick={() => {
          setReloading(true)
          onReload()
        }}
      >
        {reloading ? 'Reloading…' : 'Reload'}
      </button>
      <button type="button" className="inline-flex min-h-9 items-center rounded-md px-3 font-medium hover:bg-soft" onClick={onLater}>
        Later
      </button>
    </div>
  )
}

export function showUpdatePrompt(onReload: () => void): void {
  if (document.getElementById('ssl-update')) return
  const host = document.createElement('div')
  host.id = 'ssl-update'
  document.body.append(host)
  const root = createRoot(host)
  root.render(
    <UpdatePrompt
      onReload={onReload}
      onLater={() => {
        root.unmount()
        host.remove()
      }}
    />,
  )
}
