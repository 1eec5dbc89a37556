// Screen-reader narration: meaningful events (logouts, lost carts, crashes, health changes, store
// outages, deploys, security events) are announced politely through a live region — only while the
// lab plays or steps, at most one message every two seconds, summarising bursts.

import { announce } from '@react-aria/live-announcer'
import { useEffect } from 'react'
import type { TraceKind } from '../sim/types.ts'
import { useLabStore } from '../store/LabContext.tsx'
import { formatClock } from './format.ts'

const ANNOUNCED: ReadonlySet<TraceKind> = new Set(['logout', 'cartLost', 'server', 'health', 'store', 'deploy', 'security', 'ws'])
const GAP_MS = 2_000

export function Announcer() {
  const store = useLabStore()
  useEffect(() => {
    let seen = store.getState().sim.traceSeq
    let pending: string[] = []
    let last = 0
    let timer: ReturnType<typeof setTimeout> | null = null
    const flush = () => {
      timer = null
      if (pending.length === 0) return
      const [first, ...rest] = pending
      announce(rest.length === 0 ? first! : `${first} And ${rest.length} more event${rest.length === 1 ? '' : 's'}.`, 'polite')
      pending = []
      last = performance.now()
    }
    const unsubscribe = store.subscribe((state, prev) => {
      const sim = state.sim
      if (sim.now < prev.sim.now || sim.traceSeq < seen) {
        // A jump back in time: say where we are, not what happened in between.
        seen = sim.traceSeq
        pending = [`Moved to ${formatClock(sim.now)}.`]
      } else if (state.playing || sim.traceSeq - prev.sim.traceSeq <= 3) {
        for (const e of sim.trace) if (e.seq >= seen && ANNOUNCED.has(e.kind)) pending.push(e.text.endsWith('.') ? e.text : `${e.text}.`)
        seen = sim.traceSeq
      } else {
        seen = sim.traceSeq
      }
      if (pending.length === 0 || timer) return
      timer = setTimeout(flush, Math.max(0, GAP_MS - (performance.now() - last)))
    })
    return () => {
      unsubscribe()
      if (timer) clearTimeout(timer)
    }
  }, [store])
  return null
}
