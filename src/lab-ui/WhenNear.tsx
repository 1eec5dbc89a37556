// Renders its children only while they are on or near the screen; elsewhere a placeholder of their
// last height holds the place. For the panels below a compact lab's first screen (full metrics, the
// event log, the knobs): off screen they would re-render a few times a second for nobody — and their
// code would be fetched before anyone scrolls to them.

import { useEffect, useRef, useState, type ReactNode } from 'react'

export function WhenNear({ children, estimate, margin = 400 }: { children: ReactNode; estimate: number; margin?: number }) {
  const ref = useRef<HTMLDivElement>(null)
  const [near, setNear] = useState(false)
  const [height, setHeight] = useState(estimate)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const io = new IntersectionObserver(
      (entries) => {
        const now = entries.some((e) => e.isIntersecting)
        // Leaving: keep the place it took, so nothing below jumps.
        if (!now && el.firstElementChild) setHeight(el.getBoundingClientRect().height)
        setNear(now)
      },
      { rootMargin: `${margin}px 0px` },
    )
    io.observe(el)
    return () => io.disconnect()
  }, [margin])
  return (
    <div ref={ref} style={near ? undefined : { minHeight: height }} data-near={near}>
      {near ? children : null}
    </div>
  )
}
