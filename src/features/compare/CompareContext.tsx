// The React binding for the compare controller (see store/createStoreContext.tsx): one store per page.

import { createStoreContext } from '../../store/createStoreContext.tsx'
import type { CompareState } from './compareStore.ts'

const compare = createStoreContext<CompareState>({ provider: 'CompareProvider', hook: 'useCompare' })

export const CompareProvider = compare.Provider
export const useCompareStore = compare.useStoreApi
export const useCompare = compare.useSelect
