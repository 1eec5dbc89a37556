// Helpers for tests of the engine and of everything built on it (never imported by the app):
// comparing states by everything they hold, and guarding states against later mutation.

import { snapshot } from './snapshot.ts'
import { MutationWatch, diffStates, formatDifference } from './stateDiff.ts'
import type { SimState } from './types.ts'

/**
 * Everything a state holds, copy-on-write bookkeeping aside (snapshot.ts, `canonical`): two runs with
 * equal fingerprints are the same run — history, latency histograms, LB state, deny list, sessions,
 * the event queue and every rng included.
 */
export function fingerprint(s: SimState): string {
  return snapshot(s, 'canonical')
}

/** Throws, naming the first difference, unless `actual` holds the same state as `expected` (canonical). */
export function assertSameState(expected: SimState, actual: SimState, what = 'state'): void {
  const d = diffStates(expected, actual, 'canonical')
  if (d) throw new Error(`${what} differs from the expected state at ${formatDifference(d)}`)
}

/**
 * "State in, state out, never mutated": remembers every state handed to `track` (a deep copy, shared
 * between states as the states share their parts) and checks later, byte for byte, that none of
 * them changed. Track each input before a transition and each output as it appears; call
 * `expectUnchanged()` at the end.
 */
export class StateGuard {
  private readonly watch = new MutationWatch()
  private readonly labels = new Map<SimState, string>()

  /** Remember `s` as it is now (once per state object); returns `s`. */
  track<S extends SimState>(s: S, label = `state ${this.labels.size + 1}`): S {
    if (!this.labels.has(s)) {
      this.labels.set(s, `${label} (t=${s.now}, item ${s.itemCount})`)
      this.watch.remember(s)
    }
    return s
  }

  get size(): number {
    return this.labels.size
  }

  /** Throws, naming the first state that changed and where, unless every tracked state is as it was. */
  expectUnchanged(): void {
    const verified = new Set<object>()
    for (const [s, label] of this.labels) {
      const d = this.watch.changeIn(s, verified)
      if (d) throw new Error(`${label} was mutated after it was produced: ${formatDifference(d)}`)
    }
  }
}
