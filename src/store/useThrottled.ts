// Read the lab state at most every `ms` wall-clock milliseconds (plus immediately after a pause, a
// step or a seek). For panels that needn't repaint every frame: tables, charts, the event log.
// Each hook refreshes on its own phase of a shared grid, so the stage's columns, the metrics and the
// log re-render in different frames instead of all in one long one.

import { useEffect, useState } from 'react'
import type { LabState } from './labStore.ts'
import { useLabStore } from './LabContext.tsx'

let hooks = 0

export function useThrottledLab<T>(selector: (s: LabState) => T, ms: number): T {
  const store = useLabStore()
  const [value, setValue] = useState(() => selector(store.getState()))
  useEffect(() => {
    // Spread phases by the golden ratio: any few hooks land far apart on the grid.
    const phase = ((hooks++ * 0.618) % 1) * ms
    let timer: ReturnType<typeof setTimeout> | null = null
    const flush = () => {
      timer = null
      setValue(() => selector(store.getState()))
    }
    flush()
    const unsubscribe = store.subscribe((state, prev) => {
      // Jumps the learner made (pause, step, seek) show at once.
      const immediate = !state.playing || state.sim.now < prev.sim.now
      if (immediate) {
        if (timer) clearTimeout(timer)
        flush()
      } else if (!timer) timer = setTimeout(flush, ms - ((performance.now() + phase) % ms))
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
