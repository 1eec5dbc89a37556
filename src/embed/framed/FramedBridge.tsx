// Starts the embed's host-page integrations (framed.ts, a lazy chunk) once the lab is mounted, when
// the embed runs inside a frame or a window opened by another page. Renders nothing. Inside a
// <LabProvider> it drives that lab; a lesson scene passes its own lab's store.

import { useEffect } from 'react'
import type { LabStore } from '../../store/labStore.ts'
import { useLabStore } from '../../store/LabContext.tsx'

export function FramedBridge({ store: given }: { store?: LabStore }) {
  return given ? <Bridge store={given} /> : <ProvidedBridge />
}

function ProvidedBridge() {
  return <Bridge store={useLabStore()} />
}

function Bridge({ store }: { store: LabStore }) {
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
