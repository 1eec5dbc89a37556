// Read the lab state at most every `ms` wall-clock milliseconds (plus immediately after a pause, a
// step or a seek). For panels that needn't repaint every frame: tables, charts, the event log.

import { useEffect, useState } from 'react'
import type { LabState } from './labStore.ts'
import { useLabStore } from './LabContext.tsx'

export function useThrottledLab<T>(selector: (s: LabState) => T, ms: number): T {
  const store = useLabStore()
  const [value, setValue] = useState(() => selector(store.getState()))
  useEffect(() => {
    let last = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    const flush = () => {
      timer = null
      last = performance.now()
      setValue(() => selector(store.getState()))
    }
    flush()
    const unsubscribe = store.subscribe((state, prev) => {
      // Jumps the learner made (pause, step, seek) show at once.
      const immediate = !state.playing || state.sim.now < prev.sim.now
      const wait = ms - (performance.now() - last)
      if (immediate || wait <= 0) {
        if (timer) clearTimeout(timer)
        flush()
      } else if (!timer) timer = setTimeout(flush, wait)
    })
    return () => {
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
    // The selector is expected to be stable in intent; re-subscribing per render would thrash.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, ms])
  return value
}
