// The React binding for the compare controller: one store per page, provided by context.

import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { CompareState, CompareStore } from './compareStore.ts'

const CompareContext = createContext<CompareStore | null>(null)

export function CompareProvider({ store, children }: { store: CompareStore; children: ReactNode }) {
  return <CompareContext.Provider value={store}>{children}</CompareContext.Provider>
}

export function useCompareStore(): CompareStore {
  const store = useContext(CompareContext)
  if (!store) throw new Error('useCompare must be used inside a <CompareProvider>.')
  return store
}

/** Select a slice of the compare state (primitives or stable references). */
export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(useCompareStore(), selector)
}
