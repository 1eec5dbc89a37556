// Starts the embed's host-page integrations (framed.ts, a lazy chunk) once the lab is mounted, when
// the embed runs inside a frame or a window opened by another page. Renders nothing.

import { useEffect } from 'react'
import { useLabStore } from '../../store/LabContext.tsx'

export function FramedBridge() {
  const store = useLabStore()
  useEffect(() => {
    if (window.parent === window && !window.opener) return
    let stop: (() => void) | null = null
    let live = true
    import('./framed.ts').then(
      (m) => {
        if (live) stop = m.startFramed(window, store)
      },
      () => {}, // offline or a new deploy: the lab works without its host integrations
    )
    return () => {
      live = false
      stop?.()
    }
  }, [store])
  return null
}
