import { describe, expect, it } from 'vitest'
import { buildRing, checkRingIds, createChashRrState, pointKey, RingCollisionError, ringLookup, ringNextRr } from './chash.ts'
import { fullHash } from './hash.ts'
import { parseBackend } from './servers.ts'
import { viewOf } from './view.ts'

const ring = (text: string) => buildRing(viewOf(parseBackend(text)))

describe('consistent-hash ring', () => {
  it('gives each usable server weight × 16 points at full_hash(id × 4096 + n), sorted', () => {
    const r = ring('a weight 2 id 7; b id 3 maint; c id 9 drain; d')
    expect(r.keys).toHaveLength(48)
    expect(r.owners.filter((o) => o === 0)).toHaveLength(32)
    expect(r.owners.filter((o) => o === 3)).toHaveLength(16)
    expect([...r.keys].sort((x, y) => x - y)).toEqual(r.keys)
    expect(pointKey(7, 5)).toBe(fullHash(7 * 4096 + 5))
  })

  it('wraps id × 4096 at 32 bits like C int arithmetic', () => {
    expect(pointKey(1048577, 0)).toBe(pointKey(1, 0))
    expect(() => checkRingIds(parseBackend('a id 1; b id 1048577'))).toThrow(RingCollisionError)
  })

  it('picks the nearer of the two points around the hash, the previous one on a tie', () => {
    const r = { keys: [100, 200, 300], owners: [0, 1, 2], nodes: [0, 0, 0] }
    expect(ringLookup(r, 140, null)?.server).toBe(0)
    expect(ringLookup(r, 160, null)?.server).toBe(1)
    expect(ringLookup(r, 150, null)?.server).toBe(0) // tie → previous
    expect(ringLookup(r, 10, null)?.server).toBe(0) // before the first: the last point (300) is farther
    expect(ringLookup(r, 4294967290, null)?.server).toBe(0) // after the last: wraps to 100, nearer than 300
  })

  it('walks clockwise past the server to avoid (redispatch)', () => {
    const r = { keys: [100, 200, 300], owners: [0, 0, 2], nodes: [0, 1, 0] }
    expect(ringLookup(r, 120, 0)).toMatchObject({ server: 2, walked: 2 })
    expect(ringLookup({ keys: [1], owners: [0], nodes: [0] }, 5, 0)?.server).toBe(0)
  })

  it('round robin walks the points in key order from the first', () => {
    const r = { keys: [100, 200, 300], owners: [2, 0, 1], nodes: [0, 0, 0] }
    const rr = createChashRrState()
    expect([ringNextRr(r, rr, null), ringNextRr(r, rr, null), ringNextRr(r, rr, null), ringNextRr(r, rr, null)]).toEqual([2, 0, 1, 2])
    expect(ringNextRr(r, rr, 0)).toBe(1)
  })
})
