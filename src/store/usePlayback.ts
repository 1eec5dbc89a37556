// The React binding of the playback clock (playback.ts): runs it while the component is mounted.

import { useEffect } from 'react'
import { startPlayback, type Playable, type WallMs } from './playback.ts'

export function usePlayback(store: Playable, onFrame?: (wallMs: WallMs) => void): void {
  useEffect(() => startPlayback(store, onFrame), [store, onFrame])
}
