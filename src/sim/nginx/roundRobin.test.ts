import { describe, expect, it } from 'vitest'
import { createPeerHealth, peerViewAt, recordFailure } from './peerHealth.ts'
import { createRoundRobinState, penalizeFailure, roundRobinPick } from './roundRobin.ts'
import { parseUpstream } from './upstream.ts'

const names = (text: string, n: number, failed: number[] = []): string[] => {
  const list = parseUpstream(text)
  const rr = createRoundRobinState(list)
  const view = { servers: list, isFailed: (i: number) => failed.includes(i) }
  const out: string[] = []
  for (let k = 0; k < n; k++) out.push(list[roundRobinPick(rr, view, new Set()).index ?? -1]?.name ?? 'none')
  return out
}

describe('roundRobinPick (smooth weighted round robin)', () => {
  it('interleaves weights like nginx: 5,1,1 → a a b a c a a', () => {
    expect(names('a:1 weight=5; b:1; c:1', 7)).toEqual(['a:1', 'a:1', 'b:1', 'a:1', 'c:1', 'a:1', 'a:1'])
  })

  it('goes in config order for equal weights', () => {
    expect(names('a:1; b:1; c:1', 4)).toEqual(['a:1', 'b:1', 'c:1', 'a:1'])
  })

  it('skips down, failed and already-tried peers', () => {
    expect(names('a:1; b:1 down; c:1', 3)).toEqual(['a:1', 'c:1', 'a:1'])
    expect(names('a:1; b:1; c:1', 3, [0])).toEqual(['b:1', 'c:1', 'b:1'])
    const list = parseUpstream('a:1; b:1')
    const rr = createRoundRobinState(list)
    const view = { servers: list, isFailed: () => false }
    expect(roundRobinPick(rr, view, new Set([0])).index).toBe(1)
    expect(roundRobinPick(rr, view, new Set([0, 1])).index).toBeNull()
  })

  it('uses a one-server group unless it is down, even when "failed"', () => {
    expect(names('a:1', 2, [0])).toEqual(['a:1', 'a:1'])
    expect(names('a:1 down', 1)).toEqual(['none'])
  })

  it('lowers the effective weight on failure and lets it creep back', () => {
    const list = parseUpstream('a:1 weight=4 max_fails=2; b:1')
    const rr = createRoundRobinState(list)
    penalizeFailure(rr, list, 0)
    expect(rr.effective).toEqual([2, 1]) // 4 - 4/2
    penalizeFailure(rr, list, 0)
    penalizeFailure(rr, list, 0)
    expect(rr.effective[0]).toBe(0) // never below 0
    const view = { servers: list, isFailed: () => false }
    roundRobinPick(rr, view, new Set())
    expect(rr.effective[0]).toBe(1) // +1 per pick until back at the weight
  })

  it('applies no penalty when max_fails=0, and recordFailure applies it', () => {
    const list = parseUpstream('a:1 weight=3 max_fails=0; b:1 weight=3')
    const rr = createRoundRobinState(list)
    penalizeFailure(rr, list, 0)
    expect(rr.effective[0]).toBe(3)
    recordFailure(createPeerHealth(list), 1, 0, rr)
    expect(rr.effective[1]).toBe(0)
  })

  it('refreshes the selected peer\'s check stamp through the view', () => {
    const list = parseUpstream('a:1; b:1')
    const health = createPeerHealth(list)
    roundRobinPick(createRoundRobinState(list), peerViewAt(health, 5_000), new Set())
    expect(health.peers[0]?.checkedSec).toBe(5)
  })
})
