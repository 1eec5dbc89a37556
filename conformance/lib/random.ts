// Seeded randomness for the conformance runs: the same SEED replays the same configs and requests.

import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'

export class Random {
  private readonly rng: RandomGenerator
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed)
  }
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to)
  }
  chance(p: number): boolean {
    return this.int(0, 9999) < p * 10000
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i)
      const a = items[i] as T
      items[i] = items[j] as T
      items[j] = a
    }
    return items
  }
}

/** $SEED if set (a replay), else a fresh seed from the clock and pid. */
export function runSeed(): number {
  return process.env.SEED !== undefined ? Number(process.env.SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0
}
