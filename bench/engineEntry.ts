// What the engine benchmark loads, bundled into one module first (see bench/engine.ts).
export { lab } from '../src/sim/harness.ts'
export { createTimeline, play, seek } from '../src/sim/timeline.ts'
