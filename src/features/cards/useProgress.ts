// The tab's progress store (created when the cards page first loads) and its React hooks.

import { useEffect } from 'react'
import { useStore } from 'zustand'
import { storage } from '../../store/safeStorage.ts'
import { createProgressStore, STORAGE_KEY, type ProgressState } from './progressStore.ts'
import { createScheduler } from './scheduler.ts'

export const scheduler = createScheduler()
export const progressStore = createProgressStore(storage, scheduler)

export function useProgress<T>(selector: (s: ProgressState) => T): T {
  return useStore(progressStore, selector)
}

/** Another tab studied: pick its progress up instead of overwriting it with ours. */
export function useStorageSync(): void {
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY) progressStore.getState().reload()
    }
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [])
}
