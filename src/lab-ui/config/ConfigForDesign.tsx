// "Config for this design": a disclosure under the lab (and each compare column) that, when opened,
// loads the configuration writers in their own chunk (ConfigPanel.tsx) — nothing of them is in the
// first load of the lab or the embed. Must sit inside a <LabProvider>: it shows that lab's run.

import { lazy, Suspense, useState } from 'react'

const ConfigPanel = lazy(() => import('./ConfigPanel.tsx'))

export function ConfigForDesign({ context }: { /** Added to the accessible names, e.g. "design 2". */ context?: string }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="group rounded-lg border border-line bg-card text-sm" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="config-for-design">
      <summary className="cursor-pointer list-none rounded-lg px-3 py-2 font-medium text-ink hover:bg-soft focus-visible:outline focus-visible:outline-3 focus-visible:outline-accent">
        <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">▸</span>
        Config for this design
        {context !== undefined && <span className="sr-only"> ({context})</span>}
      </summary>
      {open && (
        <div className="border-t border-line px-3 py-2">
          <Suspense fallback={<p className="text-xs text-muted">Loading the configuration…</p>}>
            <ConfigPanel {...(context !== undefined ? { context } : {})} />
          </Suspense>
        </div>
      )}
    </details>
  )
}
