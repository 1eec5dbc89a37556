// App-wide preferences: theme, reduced motion, keyboard shortcuts. Persisted when storage works.

import { createStore, useStore } from 'zustand'
import { storage } from './safeStorage.ts'

export type ThemePref = 'system' | 'light' | 'dark'

export interface Prefs {
  theme: ThemePref
  /** 'system' follows prefers-reduced-motion; 'on' always reduces. */
  reduceMotion: 'system' | 'on'
  shortcuts: boolean
  setTheme(t: ThemePref): void
  setReduceMotion(v: 'system' | 'on'): void
  setShortcuts(on: boolean): void
}

const read = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
  const v = storage.get(key)
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback
}

export const prefs = createStore<Prefs>((set) => ({
  theme: read('ssl:theme', ['system', 'light', 'dark'] as const, 'system'),
  reduceMotion: read('ssl:motion', ['system', 'on'] as const, 'system'),
  shortcuts: read('ssl:shortcuts', ['on', 'off'] as const, 'on') === 'on',
  setTheme(theme) {
    storage.set('ssl:theme', theme)
    set({ theme })
  },
  setReduceMotion(reduceMotion) {
    storage.set('ssl:motion', reduceMotion)
    set({ reduceMotion })
  },
  setShortcuts(on) {
    storage.set('ssl:shortcuts', on ? 'on' : 'off')
    set({ shortcuts: on })
  },
}))

/** CSS animations (session chips) read the in-app choice from `<html data-motion="reduce">`. */
function applyMotion(v: Prefs['reduceMotion']): void {
  if (typeof document === 'undefined') return
  if (v === 'on') document.documentElement.dataset.motion = 'reduce'
  else delete document.documentElement.dataset.motion
}
applyMotion(prefs.getState().reduceMotion)
prefs.subscribe((p, old) => {
  if (p.reduceMotion !== old.reduceMotion) applyMotion(p.reduceMotion)
})

export function usePrefs<T>(selector: (p: Prefs) => T): T {
  return useStore(prefs, selector)
}

/** Apply the theme to <html> and follow the system when asked to. */
export function applyTheme(theme: ThemePref): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light'
}
