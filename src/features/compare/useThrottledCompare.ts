// Read across all columns at most every `ms` wall-clock milliseconds (and at once after a pause, a
// step, a seek or a change of designs): the scoreboard and the shared charts, which needn't repaint
// every frame. The compare store bumps `frame` after each fan-out, so one subscription sees every
// column already at the new moment.

import { useEffect, useState } from 'react'
import type { CompareState } from './compareStore.ts'
import { useCompareStore } from './CompareContext.tsx'

export function useThrottledCompare<T>(selector: (s: CompareState) => T, ms: number): T {
  const store = useCompareStore()
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
      const immediate = !state.playing || state.now < prev.now || state.columns !== prev.columns
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
    // Like useThrottledLab: the selector is stable in intent; re-subscribing per render would thrash.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, ms])
  return value
}
