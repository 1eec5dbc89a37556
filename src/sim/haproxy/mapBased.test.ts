import { describe, expect, it } from 'vitest'
import { buildMap, createMapRrState, mapNextRr, mapWeights, weightGcd } from './mapBased.ts'
import { parseBackend } from './servers.ts'
import { viewOf } from './view.ts'

const map = (text: string, down: number[] = []): number[] => buildMap(viewOf(parseBackend(text), new Set(down)))

describe('map-based lookup table', () => {
  it('divides user weights by their GCD (zero weights and every state count for the GCD)', () => {
    expect(weightGcd(parseBackend('a weight 4; b weight 6; c weight 0'))).toBe(2)
    expect(weightGcd(parseBackend('a weight 4; b weight 8 maint'))).toBe(4)
    expect(weightGcd(parseBackend('a weight 0'))).toBe(1)
    expect(mapWeights(parseBackend('a weight 4; b weight 6; c weight 0'))).toEqual([2, 3, 0])
  })

  it('interleaves servers smoothly, first declared first (recalc_server_map)', () => {
    expect(map('a; b; c')).toEqual([0, 1, 2])
    // Worked by hand from the C loop: scores grow by the weight, v = (score + tot) / tot, ties go first.
    expect(map('a weight 1; b weight 2')).toEqual([0, 1, 1])
    expect(map('a weight 3; b weight 1')).toEqual([0, 0, 0, 1])
    expect(map('a weight 2; b weight 4')).toEqual([0, 1, 1]) // GCD 2: weights 1 and 2
  })

  it('holds only usable servers: drain, maint, weight 0 and DOWN are left out', () => {
    expect(map('a; b drain; c maint; d weight 0; e')).toEqual([0, 4])
    expect(map('a; b; c', [0])).toEqual([1, 2])
    expect(map('a maint; b drain')).toEqual([])
  })

  it('round robin walks the slots and skips the server to avoid unless it is the only one', () => {
    const m = [0, 1, 2]
    const rr = createMapRrState()
    expect([mapNextRr(m, rr, null), mapNextRr(m, rr, null), mapNextRr(m, rr, null), mapNextRr(m, rr, null)]).toEqual([0, 1, 2, 0])
    expect(mapNextRr(m, rr, 1)).toBe(2)
    expect(mapNextRr([1, 1], createMapRrState(), 1)).toBe(1)
    expect(mapNextRr([], createMapRrState(), null)).toBeNull()
  })
})
