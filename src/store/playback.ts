// The only playback clock: wall-clock time × speed → simulated time, one requestAnimationFrame loop
// per lab (or one for all the compare view's columns). Frames longer than 100 ms (a background tab,
// a stall) are clamped so the simulation never lurches. Framework-free: the React hook is usePlayback.ts.

/** Wall-clock milliseconds (never mixed with simulated milliseconds). */
export type WallMs = number

const MAX_FRAME: WallMs = 100

/** What the playback controls call: the lab store has these, and so has the compare controller. */
export interface PlaybackActions {
  play(): void
  pause(): void
  toggle(): void
  setSpeed(speed: number): void
  /** Advance by `ms` of simulated time (the clock below calls this every frame while playing). */
  advance(ms: number): void
  stepForward(): void
  stepBack(): void
  seek(t: number): void
  reset(): void
}

/** Anything the clock can drive: the lab store, or the compare controller that moves every column. */
export interface Playable {
  getState(): { playing: boolean; speed: number; advance: PlaybackActions['advance'] }
}

export function startPlayback(store: Playable, onFrame?: (wallMs: WallMs) => void): () => void {
  let last: WallMs | null = null
  let carry = 0 // fractions of a simulated millisecond not yet applied
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
    onFrame?.(now)
    raf = requestAnimationFrame(frame)
  }
  raf = requestAnimationFrame(frame)
  return () => cancelAnimationFrame(raf)
}
