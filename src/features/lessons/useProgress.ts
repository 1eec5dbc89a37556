// React's view of lesson progress (progress.ts holds the store, framework-free).

import { useStore } from 'zustand'
import { progressStore, type Progress } from './progress.ts'

export function useProgress<T>(selector: (p: Progress) => T): T {
  return useStore(progressStore, (s) => selector(s.progress))
}
