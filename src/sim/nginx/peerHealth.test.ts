import { describe, expect, it } from 'vitest'
import { createPeerHealth, isFailed, recordFailure, recordSelected, recordSuccess } from './peerHealth.ts'
import { createRoundRobinState } from './roundRobin.ts'
import { parseUpstream } from './upstream.ts'

const setup = (text: string) => {
  const servers = parseUpstream(text)
  return { health: createPeerHealth(servers), rr: createRoundRobinState(servers) }
}

describe('peer health (max_fails / fail_timeout)', () => {
  it('disables a peer after max_fails failures for fail_timeout, counted in whole seconds', () => {
    const { health, rr } = setup('a:1; b:1')
    expect(recordFailure(health, 0, 3_700, rr)).toBe(true)
    expect(isFailed(health, 0, 3_700)).toBe(true)
    expect(isFailed(health, 0, 13_999)).toBe(true) // second 13 - second 3 = 10 ≤ 10
    expect(isFailed(health, 0, 14_000)).toBe(false)
    expect(isFailed(health, 1, 3_700)).toBe(false)
  })

  it('needs max_fails failures inside the window', () => {
    const { health, rr } = setup('a:1 max_fails=2; b:1')
    expect(recordFailure(health, 0, 0, rr)).toBe(false)
    expect(isFailed(health, 0, 0)).toBe(false)
    expect(recordFailure(health, 0, 1_000, rr)).toBe(true)
    expect(isFailed(health, 0, 1_000)).toBe(true)
  })

  it('clears the count on success only after the peer was re-checked', () => {
    const { health, rr } = setup('a:1 max_fails=2 fail_timeout=10s; b:1')
    recordFailure(health, 0, 0, rr)
    recordSelected(health, 0, 2_000) // inside the window: no re-check
    recordSuccess(health, 0)
    expect(health.peers[0]?.fails).toBe(1) // a success right after a failure does not clear it
    recordFailure(health, 0, 3_000, rr)
    expect(isFailed(health, 0, 3_000)).toBe(true)
    recordSelected(health, 0, 14_000) // window over: this selection is a probe
    recordSuccess(health, 0)
    expect(health.peers[0]?.fails).toBe(0)
  })

  it('never fails a one-server group or a max_fails=0 peer', () => {
    const one = setup('a:1')
    expect(recordFailure(one.health, 0, 0, one.rr)).toBe(false)
    expect(isFailed(one.health, 0, 0)).toBe(false)
    const off = setup('a:1 max_fails=0; b:1')
    for (let t = 0; t < 5; t++) recordFailure(off.health, 0, 0, off.rr)
    expect(isFailed(off.health, 0, 0)).toBe(false)
  })

  it('treats fail_timeout=0 as "skip only within the same second"', () => {
    const { health, rr } = setup('a:1 fail_timeout=0; b:1')
    recordFailure(health, 0, 5_100, rr)
    expect(isFailed(health, 0, 5_900)).toBe(true)
    expect(isFailed(health, 0, 6_000)).toBe(false)
  })
})
