// Single-key shortcuts for a flashcard (Space, 1–4, U). Bound only on the card panel, so they act
// only while it has focus (WCAG 2.1.4), and switchable off with the app-wide shortcuts preference.

export type KeyMap = Partial<Record<string, () => void>>

/** What the handler reads of a key event: React's and the DOM's both fit. */
export interface CardKeyEvent {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly altKey: boolean
  readonly repeat: boolean
  readonly target: EventTarget | null
  readonly currentTarget: EventTarget | null
  preventDefault(): void
}

/** `map` keys: 'Space', digits, lowercase letters. */
export function cardKeyHandler(map: KeyMap, enabled: boolean) {
  return (e: CardKeyEvent) => {
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
