// Single-key shortcuts for a flashcard (Space, 1–4, U). Bound only on the card panel, so they act
// only while it has focus (WCAG 2.1.4), and switchable off with the app-wide shortcuts preference.

import type { KeyboardEvent } from 'react'

export type KeyMap = Partial<Record<string, () => void>>

/** `map` keys: 'Space', digits, lowercase letters. */
export function cardKeyHandler(map: KeyMap, enabled: boolean) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (!enabled || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return
    const target = e.target as HTMLElement
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return
    const key = e.key === ' ' ? 'Space' : e.key.toLowerCase()
    // Space on a focused button or link inside the panel keeps its usual meaning.
    if (key === 'Space' && target !== e.currentTarget && target.closest('button, a')) return
    const action = map[key]
    if (!action) return
    e.preventDefault()
    action()
  }
}
