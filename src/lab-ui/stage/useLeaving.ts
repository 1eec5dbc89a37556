// Keeps items that just left a list on screen for a moment, so they can animate out (CSS), the way
// framer-motion's AnimatePresence does — but with no per-item animation objects. At 200 users, ten
// servers' session chips entering and leaving under AnimatePresence cost 20–35 ms commits (measured);
// this costs a set difference when the list changes.

import { useEffect, useState } from 'react'

export interface Shown<T> {
  item: T
  /** On its way out: animate, then it is dropped. */
  leaving: boolean
}

interface Leaver<T> {
  item: T
  key: string
  /** Where it was, so it leaves from its own place. */
  index: number
  /** Which change removed it (they are dropped batch by batch). */
  batch: number
}

export interface Tracked<T> {
  prev: readonly T[]
  /** The keys of `prev`, joined: a new array holding the same items is not a change. */
  sig: string
  leaving: readonly Leaver<T>[]
  /** The latest change that removed something. */
  batch: number
}

const signature = <T>(items: readonly T[], key: (item: T) => string) => items.map(key).join('\u0000')

export function startTracking<T>(items: readonly T[], key: (item: T) => string): Tracked<T> {
  return { prev: items, sig: signature(items, key), leaving: [], batch: 0 }
}

/** The list is now `items`: whatever went missing starts leaving; whatever came back stops. Same state if nothing changed. */
export function track<T>(state: Tracked<T>, items: readonly T[], key: (item: T) => string): Tracked<T> {
  const sig = signature(items, key)
  if (sig === state.sig) return state
  const present = new Set(items.map(key))
  const batch = state.batch + 1
  const gone: Leaver<T>[] = []
  state.prev.forEach((item, index) => {
    const k = key(item)
    if (!present.has(k)) gone.push({ item, key: k, index, batch })
  })
  const leaving = [...state.leaving.filter((x) => !present.has(x.key) && !gone.some((g) => g.key === x.key)), ...gone]
  return { prev: items, sig, leaving, batch: gone.length > 0 ? batch : state.batch }
}

/** Drop the leavers of `batch` and earlier (their animation is over). */
export function dropLeft<T>(state: Tracked<T>, batch: number): Tracked<T> {
  return { ...state, leaving: state.leaving.filter((x) => x.batch > batch) }
}

/** What to draw: the current items, with the leavers back in their old places. */
export function shown<T>(state: Tracked<T>): Shown<T>[] {
  const out: Shown<T>[] = state.prev.map((item) => ({ item, leaving: false }))
  for (const x of [...state.leaving].sort((a, b) => a.index - b.index)) out.splice(Math.min(x.index, out.length), 0, { item: x.item, leaving: true })
  return out
}

/** `items` plus those that left within the last `ms`, each back in its old place. */
export function useLeaving<T>(items: readonly T[], key: (item: T) => string, ms: number): Shown<T>[] {
  const [state, setState] = useState(() => startTracking(items, key))
  // Adjust state while rendering when the list changed (React's pattern for state derived from a
  // prop); `track` returns the same state when it did not, so this cannot loop.
  const current = track(state, items, key)
  if (current !== state) setState(current)

  const batch = current.batch
  useEffect(() => {
    if (batch === 0) return
    // Not cancelled when a newer batch arrives: each batch leaves on its own schedule.
    setTimeout(() => setState((s) => dropLeft(s, batch)), ms)
  }, [batch, ms])

  // The items themselves may be new objects with the same keys (a server's new copy): show today's.
  return shown(current.prev === items ? current : { ...current, prev: items })
}
