// The request canvas's drawing operations as numbers, shared by the recorder (requestDrawList.ts, on
// the main thread) and the player (drawList.ts, in the worker or on demand on the main thread).

export const LINE = 1
export const DOT = 2
export const CROSS = 3

/**
 * Operations as numbers (op code, colour index, parameters…) plus the colours they refer to. The
 * numbers are a typed array so posting a frame to the worker moves its buffer instead of copying
 * each number (a plain array's structured clone was the main thread's largest script cost per frame
 * on a phone: docs/DECISIONS.md 2026-11-30 "Phone frame budget").
 */
export interface DrawList {
  readonly ops: ArrayLike<number>
  readonly colors: string[]
}

/** The canvas's frame: backing-store size, the on-screen slice of the stage it covers, and what to draw. */
export interface CanvasFrame {
  readonly width: number
  readonly height: number
  readonly top: number
  readonly dpr: number
  readonly list: DrawList
  /** Rectangles (x, y, width, height runs, stage coordinates) left blank: the words lines must not cross. */
  readonly keepOut?: readonly number[]
}
