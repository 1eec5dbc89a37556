// The React binding for a lab store (see createStoreContext.tsx). Each <LabProvider> owns one store,
// created once; components read narrow slices so only what changed re-renders.
// Given an `init` whose load balancer's code (or a part its policies use) isn't loaded yet, the provider suspends while it is
// fetched (productLoader.ts): put a <Suspense> above it, and an error boundary for a failed fetch.

import { use, useState, type ReactNode } from 'react'
import { createStoreContext } from './createStoreContext.tsx'
import { createLabStore, runNeeds, type LabInit, type LabState, type LabStore } from './labStore.ts'
import { loadRun, runReady } from './productLoader.ts'

const lab = createStoreContext<LabState>({ provider: 'LabProvider', hook: 'useLab' })

const FALLBACK_INIT: LabInit = { scenario: 'scale-out-no-affinity' }

export function LabProvider({ init, store, children }: { init?: LabInit; store?: LabStore; children: ReactNode }) {
  const needs = store ? null : runNeeds(init ?? FALLBACK_INIT)
  // Conditional on purpose: `use` may be; once the product (and its parts) are there nothing suspends again.
  if (needs !== null && !runReady(needs)) use(loadRun(needs))
  const [own] = useState(() => store ?? createLabStore(init ?? FALLBACK_INIT))
  return <lab.Provider store={own}>{children}</lab.Provider>
}

export const useLabStore = lab.useStoreApi
export const useLab = lab.useSelect
export const useLabShallow = lab.useSelectShallow
