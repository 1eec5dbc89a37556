// Marks the moment the learner switched the design mid-run (routing or storage): when, what the
// design is now, that the metrics also count from that moment, and a way to see this design from
// the very start (Reset keeps the design, so "replay" is a Reset).

import { Button } from '../components/Button.tsx'
import { designSummary } from '../store/designSummary.ts'
import { designSwitchMark } from '../store/designSwitch.ts'
import { useLabStore } from '../store/LabContext.tsx'
import { useThrottledLab } from '../store/useThrottled.ts'
import { formatClock } from './format.ts'

export function DesignSwitchNote() {
  const store = useLabStore()
  const mark = useThrottledLab(designSwitchMark, 200)
  const now = useThrottledLab((s) => designSummary(s.sim.config), 200)
  if (!mark) return null
  return (
    <div role="note" aria-label="Design switch" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-warn bg-card px-3 py-2 text-sm" data-testid="design-switch">
      <p className="min-w-0 flex-1 basis-64">
        <span className="font-semibold">Design changed at {formatClock(mark.at)}</span>
        <span className="text-muted"> — now {now}. Under each counter: what happened since the switch.</span>
      </p>
      <Button size="sm" onClick={() => store.getState().reset()}>
        Replay from the start with this design
      </Button>
    </div>
  )
}
