// Seeded randomness for the engine (pure-rand's xoroshiro128+). The generator lives inside the
// simulation state, so the same seed always replays the same run. Never use Math.random here.

import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

export type Rng = RandomGenerator

/** A generator for `seed`; `stream` gives independent generators for the same seed (one per user). */
export function createRng(seed: number, stream = 0): Rng {
  return xoroshiro128plus(mix(seed, stream))
}

/** Uniform in [0, 1). Mutates `rng` (callers own a copy-on-write clone). */
export function nextFloat(rng: Rng): number {
  return (rng.next() >>> 0) / 4294967296
}

/** Uniform integer in [0, n). */
export function nextInt(rng: Rng, n: number): number {
  return n <= 1 ? 0 : uniformInt(rng, 0, n - 1)
}

/** Exponentially distributed with the given mean, clamped to [min, max]. */
export function exponential(rng: Rng, mean: number, min: number, max: number): number {
  const x = -Math.log(1 - nextFloat(rng)) * mean
  return Math.round(Math.min(max, Math.max(min, x)))
}

/** Uniform in [lo, hi], rounded to whole milliseconds. */
export function between(rng: Rng, lo: number, hi: number): number {
  return Math.round(lo + nextFloat(rng) * (hi - lo))
}

// A 32-bit integer hash (splitmix-style) so that nearby seeds/streams give unrelated generators.
function mix(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) | 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 0
}
