// Keeps keyboard focus on the card panel as cards come and go: the button just pressed (Show answer,
// a grade) unmounts, and focus must not fall back to <body> and switch the shortcuts off.

import { useEffect, useRef, type RefObject } from 'react'

/** Focus `ref` whenever `key` changes — only if focus was inside it or lost — and once on mount if `initially`. */
export function useFocusOnChange(ref: RefObject<HTMLElement | null>, key: string, initially: boolean): void {
  const first = useRef(true)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    if (first.current) {
      first.current = false
      if (initially) {
        el.focus({ preventScroll: true })
        el.scrollIntoView({ block: 'nearest' })
      }
      return
    }
    const active = document.activeElement
    if (active === null || active === document.body || el.contains(active)) el.focus({ preventScroll: true })
  }, [ref, key, initially])
}
