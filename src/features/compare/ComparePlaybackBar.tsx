// One playback bar for every column: the shared controls wired to the compare controller, which
// moves all designs to the same moment together.

import { SCENARIOS } from '../../lab-ui/engine.ts'
import { PlaybackControls } from '../../lab-ui/PlaybackControls.tsx'
import { useCompare, useCompareStore } from './CompareContext.tsx'
import { useThrottledCompare } from './useThrottledCompare.ts'

const IDS = { play: 'compare-play', clock: 'compare-clock', timeline: 'compare-timeline' }

export function ComparePlaybackBar() {
  const store = useCompareStore()
  const playing = useCompare((s) => s.playing)
  const speed = useCompare((s) => s.speed)
  // Like the lab's bar: the clock and the timeline's end refresh 20 times a second, not every frame.
  const now = useThrottledCompare((s) => s.now, 50)
  const horizon = useThrottledCompare((s) => s.horizon, 50)
  const duration = useCompare((s) => SCENARIOS[s.scenario].durationMs)
  // Interventions are the same in every column: the first one's script shows them all.
  const script = useThrottledCompare((s) => s.columns[0]!.store.getState().timeline.script, 250)
  return (
    <PlaybackControls
      label="Playback for every design"
      resetLabel="Reset every design to the start"
      playing={playing}
      speed={speed}
      now={now}
      end={Math.max(horizon, duration, now)}
      script={script}
      actions={store.getState()}
      ids={IDS}
    />
  )
}
