// Test helper (never imported by the app): compare two simulation states by everything they hold,
// and watch states for mutation. The fast twin of snapshot.ts, for properties that check tens of
// thousands of states: it walks both states in lockstep, allocates nothing unless they differ, and
// names the first difference by its path (`users[2].jar.affinity.expiresAt: expected 9000, got 12000`).
//
// It covers what snapshot.ts covers, with the same two modes (see there): `exact` compares every
// byte — for "this state was never mutated" — and `canonical` leaves out the copy-on-write
// bookkeeping (`gen`, each entity's `v`, the heap's spare capacity) — for "a replay reaches the
// same state". Primitives compare with Object.is (−0 ≠ 0, NaN = NaN), typed arrays byte for byte,
// Maps and Sets entry by entry in insertion order, plain objects key by key (in any order, unlike
// snapshot.ts), the rng by pure-rand's getState(). Anything else in a state (a function, an unknown
// class) throws, so a new kind of state cannot slip past unseen.

import type { SimState } from './types.ts'

export type CompareMode = 'exact' | 'canonical'

export interface Difference {
  /** Where, from the state's root, e.g. `servers[1].latency.counts[88]`. */
  readonly path: string
  readonly expected: string
  readonly actual: string
}

export function formatDifference(d: Difference): string {
  return `${d.path}: expected ${d.expected}, got ${d.actual}`
}

/** The first place where `actual` differs from `expected`, or null when they hold the same state. */
export function diffStates(expected: SimState, actual: SimState, mode: CompareMode = 'exact'): Difference | null {
  return diffRoot(expected, actual, { canonical: mode === 'canonical', trail: [], verified: null })
}

/**
 * Remembers states as they are and finds, later, any part of them that changed. Copy-on-write means
 * everything reachable from a state the engine returned is frozen for good, however many states
 * share it — so the watch copies and checks each distinct object once (by identity), not once per
 * state: a long sequence of states costs little more than its first state plus what changed.
 */
export class MutationWatch {
  private readonly copies = new Map<object, unknown>()
  private readonly roots = new Map<SimState, SimState>()

  /** Remember `s` as it is now (a later call for the same state object changes nothing). */
  remember(s: SimState): void {
    if (!this.roots.has(s)) this.roots.set(s, copy(s, this.copies, 0) as SimState)
  }

  /** The first change in `s` since it was remembered, or null. Throws if `s` was never remembered. */
  changeIn(s: SimState, verified: Set<object> = new Set()): Difference | null {
    const then = this.roots.get(s)
    if (!then) throw new Error('changeIn: this state was never remembered')
    return diffRoot(then, s, { canonical: false, trail: [], verified })
  }
}

/** A state is a tree (shared subtrees are fine); nesting deeper than this can only be a cycle. */
export const MAX_DEPTH = 64
const TYPED_ARRAY = Object.getPrototypeOf(Int8Array) as abstract new () => ArrayBufferView

export type Kind = 'primitive' | 'array' | 'typed' | 'map' | 'set' | 'rng' | 'record'

export interface RngLike {
  getState(): readonly number[]
  next(): number
  clone(): RngLike
}

/**
 * How the walkers (here and in snapshot.ts) see a value. Map keys and Set members must be primitives
 * (they are compared with Object.is); every state today keys its Maps by strings or numbers.
 */
export function kindOf(x: unknown): Kind {
  if (x === null) return 'primitive'
  switch (typeof x) {
    case 'object':
      break
    case 'function':
    case 'symbol':
      throw new TypeError(`a state must not hold a ${typeof x}`)
    default:
      return 'primitive'
  }
  const proto = Object.getPrototypeOf(x) as object | null
  if (proto === Object.prototype) return 'record' // most of a state: checked first
  if (Array.isArray(x)) return 'array'
  if (x instanceof TYPED_ARRAY) return 'typed'
  if (x instanceof Map) return 'map'
  if (x instanceof Set) return 'set'
  const r = x as Partial<RngLike>
  if (typeof r.getState === 'function' && typeof r.next === 'function' && typeof r.clone === 'function') return 'rng'
  if (proto !== null) throw new TypeError(`unknown class ${(x as object).constructor.name} in a state`)
  return 'record'
}

interface Ctx {
  readonly canonical: boolean
  /** Path segments, collected on the way back out (innermost first) once a difference is found. */
  readonly trail: string[]
  /** Objects of the second state already found equal (MutationWatch: copies are per object). */
  readonly verified: Set<object> | null
}

type Found = [expected: string, actual: string] | null

function diffRoot(a: SimState, b: SimState, ctx: Ctx): Difference | null {
  // The queue's live entries are its meaning; beyond `size` lie spare capacity and popped entries.
  let found = ctx.canonical ? diff(liveHeap(a), liveHeap(b), ctx, 0) : diff(a.heap, b.heap, ctx, 0)
  if (found) ctx.trail.push('heap')
  else found = diffRecord(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, ctx, 0, 'heap')
  if (!found) return null
  return { path: ctx.trail.reverse().join('').replace(/^\./, ''), expected: found[0], actual: found[1] }
}

function liveHeap(s: SimState): { data: Int32Array; size: number } {
  return { data: s.heap.data.subarray(0, s.heap.size * 4), size: s.heap.size }
}

function diff(a: unknown, b: unknown, ctx: Ctx, depth: number): Found {
  // The same value, or the very same object: nothing can differ (states share untouched entities).
  if (Object.is(a, b)) return null
  const ka = kindOf(a)
  if (ka !== kindOf(b) || ka === 'primitive') return [show(a), show(b)]
  if (ctx.verified?.has(b as object)) return null
  if (depth > MAX_DEPTH) throw new TypeError('a state nests too deep (a cycle?)')
  let found: Found
  switch (ka) {
    case 'array':
      found = diffArray(a as unknown[], b as unknown[], ctx, depth)
      break
    case 'typed':
      found = diffBytes(a as ArrayBufferView, b as ArrayBufferView, ctx)
      break
    case 'map':
    case 'set':
      found = diffEntries(a as Map<unknown, unknown>, b as Map<unknown, unknown>, ctx, depth)
      break
    case 'rng':
      found = diffArray((a as RngLike).getState(), (b as RngLike).getState(), ctx, depth)
      if (found) ctx.trail.push('.getState()')
      break
    default:
      found = diffRecord(a as Record<string, unknown>, b as Record<string, unknown>, ctx, depth)
  }
  if (!found) ctx.verified?.add(b as object)
  return found
}

function diffArray(a: readonly unknown[], b: readonly unknown[], ctx: Ctx, depth: number): Found {
  if (a.length !== b.length) return (ctx.trail.push('.length'), [String(a.length), String(b.length)])
  for (let i = 0; i < a.length; i++) {
    const ha = i in a
    if (ha !== i in b) return (ctx.trail.push(`[${i}]`), ha ? [show(a[i]), 'a hole'] : ['a hole', show(b[i])])
    const found = diff(a[i], b[i], ctx, depth + 1)
    if (found) return (ctx.trail.push(`[${i}]`), found)
  }
  return null
}

function diffBytes(a: ArrayBufferView, b: ArrayBufferView, ctx: Ctx): Found {
  if (a.constructor !== b.constructor || a.byteLength !== b.byteLength) return [show(a), show(b)]
  // 32-bit words where both views allow it (four times fewer steps, the same bytes), else bytes.
  const words = a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0 && a.byteLength % 4 === 0
  const x = words ? new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
  const y = words ? new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength)
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) {
      const size = (a as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT
      const index = Math.floor((words ? i * 4 : i) / size)
      ctx.trail.push(`[${index}]`)
      const at = (v: ArrayBufferView) => String((v as unknown as ArrayLike<number>)[index])
      return [at(a), at(b)]
    }
  }
  return null
}

function diffEntries(a: Map<unknown, unknown>, b: Map<unknown, unknown>, ctx: Ctx, depth: number): Found {
  if (a.size !== b.size) return (ctx.trail.push('.size'), [String(a.size), String(b.size)])
  const ia = a.entries()
  const ib = b.entries()
  for (let n = 0; n < a.size; n++) {
    const [keyA, valueA] = ia.next().value as [unknown, unknown]
    const [keyB, valueB] = ib.next().value as [unknown, unknown]
    if (!Object.is(keyA, keyB)) return (ctx.trail.push(`{entry ${n}: key}`), [show(keyA), show(keyB)])
    const found = diff(valueA, valueB, ctx, depth + 1)
    if (found) return (ctx.trail.push(`.get(${show(keyA)})`), found)
  }
  return null
}

function diffRecord(a: Record<string, unknown>, b: Record<string, unknown>, ctx: Ctx, depth: number, skip?: string): Found {
  // Key by key (for…in: no allocation on the hot path), then the same number of keys on both sides.
  let n = 0
  for (const key in a) {
    if (ignored(key, ctx, skip)) continue
    n++
    if (!Object.hasOwn(b, key)) return (ctx.trail.push(`.${key}`), [show(a[key]), 'no such key'])
    const found = diff(a[key], b[key], ctx, depth + 1)
    if (found) return (ctx.trail.push(`.${key}`), found)
  }
  let m = 0
  for (const key in b) if (!ignored(key, ctx, skip)) m++
  if (m === n) return null
  // b has a key a lacks (every key of a was found in b).
  const extra = Object.keys(b).find((key) => !ignored(key, ctx, skip) && !Object.hasOwn(a, key))!
  return (ctx.trail.push(`.${extra}`), ['no such key', show(b[extra])])
}

function ignored(key: string, ctx: Ctx, skip: string | undefined): boolean {
  return key === skip || (ctx.canonical && (key === 'v' || key === 'gen'))
}

function show(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 80 ? `${x.slice(0, 77)}…` : x)
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x)
  if (x === null || typeof x !== 'object') return String(x)
  switch (kindOf(x)) {
    case 'array':
      return `an array of ${(x as unknown[]).length}`
    case 'typed':
      return `a ${x.constructor.name} of ${(x as ArrayBufferView).byteLength} bytes`
    case 'map':
    case 'set':
      return `a ${x.constructor.name} of ${(x as Map<unknown, unknown>).size}`
    case 'rng':
      return `an rng at [${(x as RngLike).getState().join(', ')}]`
    default: {
      const keys = Object.keys(x)
      return `an object {${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}}`
    }
  }
}

/** A deep copy sharing nothing mutable with `x`; `cache` maps each object copied so far to its copy. */
function copy(x: unknown, cache: Map<object, unknown>, depth: number): unknown {
  const k = kindOf(x)
  if (k === 'primitive') return x
  const known = cache.get(x as object)
  if (known !== undefined) return known
  if (depth > MAX_DEPTH) throw new TypeError('a state nests too deep (a cycle?)')
  let out: unknown
  switch (k) {
    case 'array': {
      const xs = x as unknown[]
      const ys = new Array<unknown>(xs.length)
      for (let i = 0; i < xs.length; i++) if (i in xs) ys[i] = copy(xs[i], cache, depth + 1)
      out = ys
      break
    }
    case 'typed':
      out = (x as Uint8Array).slice()
      break
    case 'map': {
      const m = new Map<unknown, unknown>()
      for (const [key, value] of x as Map<unknown, unknown>) m.set(key, copy(value, cache, depth + 1))
      out = m
      break
    }
    case 'set':
      out = new Set(x as Set<unknown>) // members are primitives (see kindOf)
      break
    case 'rng':
      out = (x as RngLike).clone()
      break
    default: {
      const src = x as Record<string, unknown>
      const o: Record<string, unknown> = Object.getPrototypeOf(src) === null ? Object.create(null) : {}
      for (const key of Object.keys(src)) o[key] = copy(src[key], cache, depth + 1)
      out = o
    }
  }
  cache.set(x as object, out)
  return out
}
