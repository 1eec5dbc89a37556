import { describe, expect, it } from 'vitest'
import { dropLeft, shown, startTracking, track } from './useLeaving.ts'

const id = (x: string) => x
const read = (s: ReturnType<typeof startTracking<string>>) => shown(s).map(({ item, leaving }) => (leaving ? `${item}↓` : item))

describe('leaving items (session chips that spin away)', () => {
  it('keeps a removed item in its old place while it leaves, then drops it', () => {
    let s = startTracking(['a', 'b', 'c'], id)
    s = track(s, ['a', 'c'], id)
    expect(read(s)).toEqual(['a', 'b↓', 'c'])
    s = dropLeft(s, s.batch)
    expect(read(s)).toEqual(['a', 'c'])
  })

  it('returns the same state for a new array holding the same items (so the hook cannot loop)', () => {
    const s = startTracking(['a', 'b'], id)
    expect(track(s, ['a', 'b'], id)).toBe(s)
  })

  it('an item that comes back stops leaving; a crash empties a server in one batch', () => {
    let s = startTracking(['a', 'b'], id)
    s = track(s, ['a'], id)
    s = track(s, ['a', 'b'], id)
    expect(read(s)).toEqual(['a', 'b'])
    s = track(s, [], id)
    expect(read(s)).toEqual(['a↓', 'b↓'])
    s = track(s, ['c'], id)
    expect(read(s)).toEqual(['a↓', 'b↓', 'c'])
    // Each batch leaves on its own schedule; a later one stays until its own time.
    s = track(s, [], id)
    s = dropLeft(s, s.batch - 1)
    expect(read(s)).toEqual(['c↓'])
  })
})
