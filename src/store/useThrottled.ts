// Read the lab state at most every `ms` wall-clock milliseconds (plus immediately after a pause, a
// step or a seek). For panels that needn't repaint every frame: tables, charts, the event log.
// Each hook refreshes on its own phase of a shared grid, so the stage's columns, the metrics and the
// log re-render in different frames instead of all in one long one. A crowd refreshes less often
// (see crowdFactor).

import { useEffect, useState } from 'react'
import type { LabState } from './labStore.ts'
import { useLabStore } from './LabContext.tsx'

let hooks = 0

/**
 * How much slower panels refresh for a crowd: ×1 up to 50 users, growing to ×4 at 200. Re-rendering
 * 200 user chips and ten servers' session chips ten times a second costs more than a frame on a
 * modest machine (measured in headless Chromium on 2 cores: 54 fps and a 33 ms p95 frame interval at
 * ×1; 59 fps and 17 ms at ×4). Nobody follows 200 chips one by one; the request canvas still moves
 * every frame, and a pause, a step or a seek still shows at once.
 */
export function crowdFactor(users: number): number {
  return Math.min(4, Math.max(1, users / 50))
}

/**
 * How much slower panels refresh on a device that can't keep up: ×1 while frames come every ~17 ms,
 * up to ×4 when they average 32 ms (a phone with a slow CPU, measured headless with the CPU slowed
 * 4×: the panels' React commits were what made frames late). Measured from the store's own changes while
 * playing — one per frame — as a moving average of the gaps between them.
 */
let frameGap = 1000 / 60
let lastChange = 0
function noteChange(now: number): void {
  const gap = now - lastChange
  lastChange = now
  // Several hooks see the same change; a gap under 4 ms is the same frame. A gap over 250 ms is a pause.
  if (gap < 4 || gap > 250) return
  frameGap += (gap - frameGap) * 0.1
}
export function slowFactor(): number {
  // 1 at 60 fps; 2 when frames average 22 ms; 4 from 32 ms on.
  return Math.min(4, Math.max(1, (frameGap - 12) / 5))
}

interface ThrottleOptions {
  /** Refresh less often for a crowd (default true); the playback bar's clock opts out. */
  crowd?: boolean
}

export function useThrottledLab<T>(selector: (s: LabState) => T, ms: number, { crowd = true }: ThrottleOptions = {}): T {
  const store = useLabStore()
  const [value, setValue] = useState(() => selector(store.getState()))
  useEffect(() => {
    // Spread phases by the golden ratio: any few hooks land far apart on the grid.
    const phase = (hooks++ * 0.618) % 1
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
      } else {
        const now = performance.now()
        noteChange(now)
        if (timer) return
        // The clock (crowd: false) slows down at most by half: it has to keep visibly moving.
        const every = crowd ? ms * crowdFactor(state.sim.users.length) * slowFactor() : ms * Math.min(2, slowFactor())
        timer = setTimeout(flush, every - ((now + phase * every) % every))
      }
    })
    return () => {
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
    // The selector is expected to be stable in intent; re-subscribing per render would thrash.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, ms, crowd])
  return value
}
