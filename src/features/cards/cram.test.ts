import { describe, expect, it } from 'vitest'
import { cramAgain, cramKnown, startCram } from './cram.ts'

describe('cram sessions', () => {
  it('shuffles every card in exactly once', () => {
    const s = startCram(['a', 'b', 'c', 'd'], () => 0)
    expect([...s.queue].sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(s.queue).not.toEqual(['a', 'b', 'c', 'd'])
    expect(s.total).toBe(4)
  })

  it('sends a missed card to the back and finishes when every card is known', () => {
    let s = startCram(['a', 'b', 'c'], () => 0.999)
    expect(s.queue).toEqual(['a', 'b', 'c'])
    s = cramAgain(s)
    expect(s.queue).toEqual(['b', 'c', 'a'])
    s = cramKnown(cramKnown(s))
    expect(s.queue).toEqual(['a'])
    s = cramAgain(s)
    expect(s.queue).toEqual(['a'])
    s = cramKnown(s)
    expect(s).toEqual({ queue: [], total: 3, known: 3, missed: ['a'] })
    expect(cramKnown(s)).toBe(s)
  })
})
