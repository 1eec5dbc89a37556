// Test helper (never imported by the app): a structural snapshot of a simulation state — one string
// that walks *everything* the state holds, so two snapshots are equal exactly when the states are.
//
// Why a snapshot and not Object.freeze: freeze cannot cover what copy-on-write most needs guarding —
// typed arrays (the event heap is an Int32Array, latency histograms are Uint32Arrays; freezing a
// non-empty one throws), Map and Set contents (set/delete still work on a frozen Map) and the rng
// (pure-rand's generator mutates its own fields). Freezing also changes the code under test: it
// throws at write sites, turns shared entities into frozen-object shapes V8 treats differently, and
// cannot be undone for the states a test keeps using. A snapshot only observes: take it before a
// transition, take it again after, compare.
//
// What it covers: primitives (−0 and NaN told apart), arrays (holes too), plain objects (own keys in
// insertion order — stricter than sorted: a state rebuilt in another order differs), Maps and Sets
// (entries in insertion order), typed arrays byte for byte, and the rng through pure-rand's
// `getState()`. A function, a cycle or an object of an unknown class throws, so a new kind of state
// cannot slip past unseen.
//
// Two modes. `exact` is the byte-for-byte picture (for "this state was never mutated"). `canonical`
// leaves out copy-on-write bookkeeping — the generation `gen`, every entity's `v`, and the heap's
// spare capacity beyond its `size` live entries — which legitimately differ between a straight run
// and the same run reached through checkpoints (for "replaying gives the same state").

import { MAX_DEPTH, kindOf, type RngLike } from './stateDiff.ts'
import type { SimState } from './types.ts'

export type SnapshotMode = 'exact' | 'canonical'

/** The whole state as one string; equal strings ⇔ structurally equal states (see the header). */
export function snapshot(s: SimState, mode: SnapshotMode = 'exact'): string {
  const w = new Writer(mode === 'canonical')
  w.state(s)
  return w.out
}

class Writer {
  out = ''
  private depth = 0

  constructor(private readonly canonical: boolean) {}

  state(s: SimState): void {
    const { heap, ...rest } = s
    this.out += 'heap:'
    // The queue's live entries are its meaning; beyond `size` lies spare capacity and popped entries.
    this.value(this.canonical ? { data: heap.data.subarray(0, heap.size * 4), size: heap.size } : heap)
    this.out += ';'
    this.value(rest)
  }

  value(x: unknown): void {
    switch (typeof x) {
      case 'number':
        this.out += Object.is(x, -0) ? '-0' : String(x)
        return
      case 'string':
        // Length-prefixed: unambiguous without scanning the text for characters to escape.
        this.out += `${x.length}'${x}`
        return
      case 'boolean':
        this.out += x ? 'T' : 'F'
        return
      case 'undefined':
        this.out += 'U'
        return
      case 'bigint':
        this.out += `${x}n`
        return
      case 'object':
        if (x === null) this.out += 'N'
        else this.object(x)
        return
      default:
        kindOf(x) // throws: a function or a symbol has no place in a state
    }
  }

  private object(x: object): void {
    if (++this.depth > MAX_DEPTH) throw new TypeError('snapshot: the state nests too deep (a cycle?)')
    switch (kindOf(x)) {
      case 'array':
        this.array(x as unknown[])
        break
      case 'typed':
        this.bytes(x as ArrayBufferView)
        break
      case 'map':
        this.entries('Map', x as Map<unknown, unknown>)
        break
      case 'set':
        this.entries('Set', [...(x as Set<unknown>)].map((v) => [v, true] as const))
        break
      case 'rng':
        this.out += `Rng:${x.constructor.name}`
        this.array((x as RngLike).getState())
        break
      default:
        this.record(x as Record<string, unknown>)
    }
    this.depth--
  }

  private array(xs: readonly unknown[]): void {
    this.out += '['
    for (let i = 0; i < xs.length; i++) {
      if (i > 0) this.out += ','
      if (i in xs) this.value(xs[i])
      else this.out += '~'
    }
    this.out += ']'
  }

  private record(o: Record<string, unknown>): void {
    this.out += '{'
    for (const key in o) {
      if (!Object.hasOwn(o, key) || (this.canonical && (key === 'v' || key === 'gen'))) continue
      this.out += `${key.length}'${key}:`
      this.value(o[key])
      this.out += ','
    }
    this.out += '}'
  }

  private entries(kind: string, xs: Iterable<readonly [unknown, unknown]>): void {
    this.out += `${kind}{`
    for (const [k, v] of xs) {
      this.value(k)
      this.out += '=>'
      this.value(v)
      this.out += ','
    }
    this.out += '}'
  }

  /**
   * Every byte of the view, run-length encoded (histograms are mostly zeros). Read as 32-bit words
   * when the view allows (four times fewer steps; the words spell the same bytes).
   */
  private bytes(view: ArrayBufferView): void {
    const { buffer, byteOffset, byteLength } = view
    const words = byteOffset % 4 === 0 && byteLength % 4 === 0
    const b = words ? new Uint32Array(buffer, byteOffset, byteLength / 4) : new Uint8Array(buffer, byteOffset, byteLength)
    let out = `${view.constructor.name}/${words ? 'w' : 'b'}(`
    let i = 0
    while (i < b.length) {
      const x = b[i]!
      let j = i + 1
      while (j < b.length && b[j] === x) j++
      out += j - i > 1 ? `${x}*${j - i} ` : `${x} `
      i = j
    }
    this.out += `${out})`
  }
}
