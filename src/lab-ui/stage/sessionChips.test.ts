import { describe, expect, it } from 'vitest'
import { createLabStore } from '../../store/labStore.ts'
import { hasStaleSessions, isStale, liveChips } from './sessionChips.ts'

describe('stale session chips (issue 14, item 13)', () => {
  it('round robin with sessions in memory leaves older sessions of a user on a server: they are stale', () => {
    const store = createLabStore({ scenario: 'scale-out-no-affinity' })
    store.getState().seek(40_000)
    const { sim } = store.getState()
    expect(hasStaleSessions(sim)).toBe(true)
    const chips = sim.servers.flatMap((srv) => liveChips(srv.memory, sim, sim.config.sessionIdleMs))
    const stale = chips.filter((x) => x.stale)
    expect(stale.length).toBeGreaterThan(0)
    // A stale chip is one whose owner's browser holds another session id (or none).
    for (const x of stale) expect(sim.users[x.user]!.jar.sid).not.toBe(x.sid)
    for (const x of chips.filter((c) => !c.stale)) expect(sim.users[x.user]!.jar.sid).toBe(x.sid)
  })

  it('cookie affinity keeps one session per user: nothing stale', () => {
    const store = createLabStore({ scenario: 'cookie-affinity' })
    store.getState().seek(40_000)
    expect(hasStaleSessions(store.getState().sim)).toBe(false)
  })

  it('a JWT cart belongs to the token and is never stale', () => {
    expect(isStale({ sid: 'cart:3', user: 3 }, [])).toBe(false)
    expect(isStale({ sid: 's1', user: 0 }, [{ jar: { affinity: null, uid: null, sid: 's2', jwt: null } }])).toBe(true)
  })
})
