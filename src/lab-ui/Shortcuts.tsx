// Keyboard shortcuts for a lab: Space play/pause, ←/→ step back/forward, ? help. Active only while
// focus is inside that lab, never while typing or adjusting a control, and switchable off (WCAG 2.1.4).
// The help dialog is ShortcutsDialog.tsx.

import type { KeyboardEvent } from 'react'
import { usePrefs } from '../store/prefs.ts'
import type { LabStore } from '../store/labStore.ts'

const CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY', 'A'])

/** Returns an onKeyDown handler for the lab's container. */
export function useShortcutKeys(store: LabStore, openHelp: () => void) {
  const enabled = usePrefs((p) => p.shortcuts)
  return (e: KeyboardEvent<HTMLElement>) => {
    if (!enabled || e.altKey || e.ctrlKey || e.metaKey) return
    const target = e.target as HTMLElement
    const onControl = CONTROLS.has(target.tagName) || target.isContentEditable
    const s = store.getState()
    if (e.key === '?' && !(target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) {
      e.preventDefault()
      openHelp()
    } else if (onControl) {
      return
    } else if (e.key === ' ') {
      e.preventDefault()
      s.toggle()
    } else if (e.key === 'ArrowRight') {
      e.preventDefault()
      s.stepForward()
    } else if (e.key === 'ArrowLeft') {
      e.preventDefault()
      s.stepBack()
    }
  }
}
