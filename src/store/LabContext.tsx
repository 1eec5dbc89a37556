// The React binding for a lab store (see createStoreContext.tsx). Each <LabProvider> owns one store,
// created once; components read narrow slices so only what changed re-renders.

import { useState, type ReactNode } from 'react'
import { createStoreContext } from './createStoreContext.tsx'
import { createLabStore, type LabInit, type LabState, type LabStore } from './labStore.ts'

const lab = createStoreContext<LabState>({ provider: 'LabProvider', hook: 'useLab' })

export function LabProvider({ init, store, children }: { init?: LabInit; store?: LabStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createLabStore(init ?? { scenario: 'scale-out-no-affinity' }))
  return <lab.Provider store={own}>{children}</lab.Provider>
}

export const useLabStore = lab.useStoreApi
export const useLab = lab.useSelect
export const useLabShallow = lab.useSelectShallow
