import { describe, expect, it } from 'vitest'
import { createLabStore } from '../store/labStore.ts'
import { drainText, formatCountdown, pinnedUsers, userStatusText } from './format.ts'
import { userLabel } from './stage/UsersColumn.tsx'

const run = (scenario: Parameters<typeof createLabStore>[0]['scenario'], ms: number, lb?: 'haproxy') => {
  const store = createLabStore({ scenario, ...(lb ? { overrides: { lb } } : {}) })
  store.getState().seek(ms)
  return store
}

describe('what a user is said to be (issue 14, item 6)', () => {
  it('nobody who has never logged in reads "logged out" — at 0:00 or in lesson 1’s scene', () => {
    for (const [scenario, at] of [['scale-out-no-affinity', 0], ['cookie-affinity', 0], ['cookie-affinity', 20_000], ['crash-sticky-memory', 5_000]] as const) {
      const { sim } = run(scenario, at).getState()
      for (const u of sim.users) {
        const text = userStatusText(u, sim)
        if (u.logouts === 0) expect(text, `${scenario} at ${at}: ${u.name}`).not.toMatch(/logged out/)
      }
    }
  })

  it('a login page after believing to be logged in reads "logged out unexpectedly" until the next login', () => {
    // HAProxy tries B three times, 1 s apart, before redispatching: the first surprises come after 0:33.
    const { sim } = run('crash-sticky-memory', 36_000).getState()
    const surprised = sim.users.filter((u) => u.lastLogoutAt >= 0 && !u.believesLoggedIn)
    expect(surprised.length).toBeGreaterThan(0)
    for (const u of surprised) expect(userStatusText(u, sim)).toBe('logged out unexpectedly')
    const others = sim.users.filter((u) => !u.believesLoggedIn && u.logouts === 0 && u.active)
    for (const u of others) expect(['on the login page', 'opening the shop']).toContain(userStatusText(u, sim))
  })

  it('an accessible name never says "logged in" and "just logged out" as if both were now', () => {
    const label = userLabel({ name: 'Eli', status: 'logged in', cart: 0, cookie: 'A', loggedIn: true, loggedOutMark: true, cartMark: false, heavy: false })
    expect(label).toBe('Eli, logged in, cookie points to A, logged in again after an unexpected logout moments ago')
    const fresh = userLabel({ name: 'Eli', status: 'logged out unexpectedly', cart: 0, cookie: 'B', loggedIn: false, loggedOutMark: true, cartMark: false, heavy: false })
    expect(fresh).toBe('Eli, logged out unexpectedly, cookie points to B')
  })
})

describe('a draining server says how long and for whom (issue 14, item 17)', () => {
  it('counts the users pinned by a live cookie and the time left to the drain timeout', () => {
    // HAProxy keeps cookie holders on a draining server (an ALB sends them elsewhere at once).
    const store = run('cookie-affinity', 20_000, 'haproxy')
    store.getState().intervene({ kind: 'removeServer', server: 'A', mode: 'drain' })
    store.getState().seek(25_000)
    const { sim } = store.getState()
    const a = sim.servers.find((x) => x.id === 'A')!
    expect(a.status).toBe('draining')
    const pinned = pinnedUsers(sim, 'A')
    expect(pinned).toBe(sim.users.filter((u) => !u.left && u.jar.affinity?.server === 'A' && u.jar.affinity.expiresAt > sim.now).length)
    expect(pinned).toBeGreaterThan(0)
    expect(drainText(a, sim)).toBe(`draining: ${pinned} pinned user${pinned === 1 ? '' : 's'}, ${formatCountdown(a.drainDeadline - sim.now)} to the drain timeout`)
    expect(formatCountdown(a.drainDeadline - sim.now)).toBe('4:55')
    expect(drainText(sim.servers.find((x) => x.id === 'B')!, sim)).toBeNull()
  })

  it('formats countdowns as m:ss, rounding up and never below zero', () => {
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(1)).toBe('0:01')
    expect(formatCountdown(61_000)).toBe('1:01')
    expect(formatCountdown(-5)).toBe('0:00')
  })
})
