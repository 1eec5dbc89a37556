// How tall a page lab's first screen is: from the lab's top on the page to the bottom of the window
// (less a small margin), so the stage, its metrics and the playback bar are all on the screen the
// reader lands on. Re-measured when the window or the content above the lab changes size.

import { useLayoutEffect, useState, type RefObject } from 'react'

/** Below this the first screen stops shrinking and the page scrolls instead (a tiny window). */
export const MIN_SCREEN = 360
const MARGIN = 12

export function useScreenHeight(ref: RefObject<HTMLElement | null>, active: boolean): number | undefined {
  const [height, setHeight] = useState<number | undefined>(undefined)
  useLayoutEffect(() => {
    const el = ref.current
    if (!active || !el) return
    const update = () => {
      const top = el.getBoundingClientRect().top + window.scrollY
      const next = Math.max(MIN_SCREEN, Math.floor(window.innerHeight - top - MARGIN))
      setHeight((old) => (old === next ? old : next))
    }
    update()
    window.addEventListener('resize', update)
    // Notices, a "back to your card" link or a wrapping header above the lab move its top.
    const observer = new ResizeObserver(update)
    observer.observe(document.body)
    return () => {
      window.removeEventListener('resize', update)
      observer.disconnect()
    }
  }, [ref, active])
  return active ? height : undefined
}
