// An element's content-box size, kept current by a ResizeObserver (read before paint on mount, so a
// layout that depends on it doesn't flash at the wrong size).

import { useLayoutEffect, useState, type RefObject } from 'react'

export interface Size {
  width: number
  height: number
}

export function useElementSize(ref: RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 })
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    const set = (width: number, height: number) => setSize((old) => (old.width === width && old.height === height ? old : { width, height }))
    set(el.clientWidth, el.clientHeight)
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]!.contentRect
      set(Math.floor(box.width), Math.floor(box.height))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return size
}
