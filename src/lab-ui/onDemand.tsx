// Parts of the lab that an embed's first paint doesn't show (the design pickers, a full page's desk
// column and what sits below the first screen) load on first use, so embed.html's first download
// stays small (first-load budget, docs/DECISIONS.md 2026-11-30 "Products load on demand"). A page
// that shows them at once imports them itself and `provide`s them (labParts.ts): they then render
// with the lab, with no placeholder and no shift. A part whose file can't be fetched (offline before
// it was cached, a deploy in between) says so in its place; the rest of the lab keeps working.

import { Suspense, use, type ReactNode } from 'react'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'

/** A promise React's `use` reads synchronously once it has settled (its `status` and `value`). */
type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown }

export interface OnDemandPart<T> {
  /**
   * Starts the fetch (once) and returns the tracked promise. A failure is kept, not retried: React
   * must see the same rejected promise to show the notice (a new fetch on each render would suspend
   * forever), and browsers keep a failed module import anyway — a reload tries again.
   */
  load(): Tracked<T>
  /** The module, already imported by the page: later renders use it synchronously. */
  provide(module: T): void
}

export function onDemand<T>(importer: () => Promise<T>): OnDemandPart<T> {
  let current: Tracked<T> | null = null
  return {
    load() {
      if (current === null) {
        const p: Tracked<T> = importer()
        p.status = 'pending'
        p.then(
          (value) => {
            p.status = 'fulfilled'
            p.value = value
          },
          (reason: unknown) => {
            p.status = 'rejected'
            p.reason = reason
          },
        )
        current = p
      }
      return current
    },
    provide(module) {
      const p: Tracked<T> = Promise.resolve(module)
      p.status = 'fulfilled'
      p.value = module
      current = p
    },
  }
}

function Use<T>({ part, children }: { part: OnDemandPart<T>; children: (module: T) => ReactNode }) {
  return children(use<T>(part.load() as Promise<T>))
}

/** Renders `children(module)` once `part` is loaded; `fallback` meanwhile, and with a short notice if it can't be fetched. */
export function OnDemand<T>({ part, what, fallback = null, children }: { part: OnDemandPart<T>; what: string; fallback?: ReactNode; children: (module: T) => ReactNode }) {
  return (
    <ErrorBoundary
      fallback={() => (
        <>
          {fallback}
          <PartFailed what={what} />
        </>
      )}
    >
      <Suspense fallback={fallback}>
        <Use part={part}>{children}</Use>
      </Suspense>
    </ErrorBoundary>
  )
}

function PartFailed({ what }: { what: string }) {
  return (
    <p role="alert" className="rounded-lg border border-bad bg-card p-2 text-sm" data-testid="part-failed">
      {what} could not be loaded (is the network down?). The rest of the lab still works; reload the page to try again.
    </p>
  )
}
