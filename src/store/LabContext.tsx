// The React binding for a lab store: provider + hooks (xyflow-style). Each <LabProvider> owns one
// store, created once; components read narrow slices so only what changed re-renders.

import { createContext, useContext, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import { createLabStore, type LabInit, type LabState, type LabStore } from './labStore.ts'

const LabContext = createContext<LabStore | null>(null)

export function LabProvider({ init, store, children }: { init?: LabInit; store?: LabStore; children: ReactNode }) {
  const [own] = useState(() => store ?? createLabStore(init ?? { scenario: 'scale-out-no-affinity' }))
  return <LabContext.Provider value={own}>{children}</LabContext.Provider>
}

export function useLabStore(): LabStore {
  const store = useContext(LabContext)
  if (!store) throw new Error('useLab must be used inside a <LabProvider> (each lab instance has its own store).')
  return store
}

/** Select a slice of this lab's state. Return primitives or stable references. */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector)
}

/** Select several values at once; re-renders only when one of them changes. */
export function useLabShallow<T extends object>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), useShallow(selector))
}
