// Replays a lab to a shared moment in slices, yielding to the browser between them, so a link to
// minute 40 of a busy run shows progress instead of freezing the page. Advancing in slices gives the
// same state as one long advance: the engine processes everything up to a time, in order.

import type { SimMs } from '../../sim/types.ts'
import type { LabStore } from '../../store/labStore.ts'

const SLICE_SIM_MS: SimMs = 2_000
/** Wall-clock budget per task before yielding (keeps input responsive). */
const BUDGET_MS = 24

export function replayTo(store: LabStore, at: SimMs, opts: { signal?: AbortSignal; onProgress?: (done: number) => void } = {}): Promise<void> {
  return new Promise((resolve) => {
    const task = () => {
      if (opts.signal?.aborted) return resolve()
      const start = performance.now()
      const s = store.getState()
      // Playing mid-replay would carry the lab past the shared moment.
      if (s.playing) s.pause()
      while (store.getState().sim.now < at && performance.now() - start < BUDGET_MS) {
        store.getState().advance(Math.min(SLICE_SIM_MS, at - store.getState().sim.now))
      }
      const now = store.getState().sim.now
      opts.onProgress?.(at > 0 ? Math.min(1, now / at) : 1)
      if (now >= at) resolve()
      else setTimeout(task, 0)
    }
    task()
  })
}
