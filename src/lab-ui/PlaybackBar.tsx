// The lab's playback bar: the shared controls wired to this lab's store.

import { useMemo } from 'react'
import { SCENARIOS } from '../sim/scenarios/index.ts'
import { PlaybackControls } from './PlaybackControls.tsx'
import { useThrottledLab } from '../store/useThrottled.ts'
import { useLab, useLabStore } from '../store/LabContext.tsx'

const IDS = { play: 'play', clock: 'clock', timeline: 'timeline' }

/** `onPlay`: called when the reader starts playback (the lab brings its stage into view). */
export function PlaybackBar({ compact = false, onPlay }: { compact?: boolean; onPlay?: () => void }) {
  const store = useLabStore()
  const playing = useLab((s) => s.playing)
  const speed = useLab((s) => s.speed)
  // The clock and the timeline's end move every frame while playing; 10 updates a second is plenty
  // (5 on a device that can't keep up). Each update re-renders, lays out and repaints the bar.
  const now = useThrottledLab((s) => s.sim.now, 100, { crowd: false })
  const horizon = useThrottledLab((s) => s.horizon, 100, { crowd: false })
  const duration = useLab((s) => SCENARIOS[s.scenarioId].durationMs)
  const script = useLab((s) => s.timeline.script)
  const keep = useLab((s) => s.keepDesign)
  // Stable between the clock's renders, so the memoized buttons skip them.
  const actions = useMemo(() => (onPlay ? withOnPlay(store.getState(), playing, onPlay) : store.getState()), [store, playing, onPlay])
  return (
    <PlaybackControls
      label="Playback"
      resetLabel={keep ? 'Reset to 0:00, keeping this design' : 'Reset to the start'}
      compact={compact}
      spaceShortcut
      playing={playing}
      speed={speed}
      now={now}
      end={Math.max(horizon, duration, now)}
      script={script}
      actions={actions}
      ids={IDS}
    />
  )
}

function withOnPlay<T extends { toggle(): void }>(actions: T, playing: boolean, onPlay: () => void): T {
  return {
    ...actions,
    toggle: () => {
      actions.toggle()
      if (!playing) onPlay()
    },
  }
}
