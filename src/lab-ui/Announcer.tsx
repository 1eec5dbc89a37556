// Screen-reader narration of the lab (narrator.ts): that file loads with the lab's first change — a
// play, a step, a scrub, an intervention — and reads the changes made while it loaded first, so
// nothing is missed; a lab nobody touches never fetches it (first-load budget, docs/DECISIONS.md).
// If it can't be fetched (offline before it was cached), the next change tries again from there.

import { useEffect } from 'react'
import { useLabStore } from '../store/LabContext.tsx'
import type { LabState } from '../store/labStore.ts'

export function Announcer() {
  const store = useLabStore()
  useEffect(() => {
    let initialSeen = store.getState().sim.traceSeq
    const backlog: (readonly [LabState, LabState])[] = []
    let loading = false
    let stopped = false
    let stopNarrator: (() => void) | null = null
    const unsubscribe = store.subscribe((state, prev) => {
      backlog.push([state, prev])
      if (loading) return
      loading = true
      import('./narrator.ts').then(
        (m) => {
          if (stopped) return
          unsubscribe()
          stopNarrator = m.narrate(store, initialSeen, backlog)
        },
        () => {
          // Offline: what happened so far goes unsaid (not kept: a playing lab changes 20 times a second).
          loading = false
          backlog.length = 0
          initialSeen = store.getState().sim.traceSeq
        },
      )
    })
    return () => {
      stopped = true
      unsubscribe()
      stopNarrator?.()
    }
  }, [store])
  return null
}
