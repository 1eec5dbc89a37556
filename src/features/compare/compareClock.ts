// One requestAnimationFrame loop for all columns (the compare view's counterpart of
// store/playback.ts): wall-clock time × speed → simulated time, fed to the compare store, which
// advances every column to the same moment. Long frames are clamped so nothing lurches.

import { useEffect } from 'react'
import type { CompareStore } from './compareStore.ts'

/** Wall-clock milliseconds (never mixed with simulated milliseconds). */
type WallMs = number

const MAX_FRAME: WallMs = 100

export function startCompareClock(store: CompareStore): () => void {
  let last: WallMs | null = null
  let carry = 0
  let raf = 0
  const frame = (now: WallMs) => {
    const { playing, speed, advance } = store.getState()
    if (playing && last !== null) {
      const sim = Math.min(now - last, MAX_FRAME) * speed + carry
      const whole = Math.floor(sim)
      carry = sim - whole
      advance(whole)
    }
    last = playing ? now : null
    raf = requestAnimationFrame(frame)
  }
  raf = requestAnimationFrame(frame)
  return () => cancelAnimationFrame(raf)
}

export function useCompareClock(store: CompareStore): void {
  useEffect(() => startCompareClock(store), [store])
}
