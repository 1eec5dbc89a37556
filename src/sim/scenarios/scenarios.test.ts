// The teaching contract (DESIGN.md §6): each scenario's claim, asserted with numbers.

import { describe, expect, it } from 'vitest'
import { lab } from '../harness.ts'
import { imbalance, latency, serverMetrics } from '../metrics.ts'
import { liveSessionCount } from '../servers.ts'
import type { ServerId, SimState } from '../types.ts'
import { SCENARIOS, SCENARIO_IDS, SCENARIO_LIST } from './index.ts'

const logoutsOf = (s: SimState) => new Set(s.users.filter((u) => u.logouts > 0).map((u) => u.id))
const util = (s: SimState, id: ServerId, windowMs = 60_000) => serverMetrics(s, windowMs).find((m) => m.id === id)!.utilization
const requestsOn = (s: SimState, id: ServerId) => s.servers.find((x) => x.id === id)!.requests

describe('scenario catalog', () => {
  it('has all 19 scenarios with stable ids, a title, a one-line watch and a lesson', () => {
    expect(SCENARIO_LIST).toHaveLength(19)
    for (const id of SCENARIO_IDS) {
      const sc = SCENARIOS[id]
      expect(sc.id).toBe(id)
      expect(sc.title.length).toBeGreaterThan(5)
      expect(sc.watch).not.toContain('\n')
      expect(sc.lesson).toMatch(/^[a-z-]+$/)
      expect(sc.durationMs).toBeGreaterThan(0)
    }
  })
})

describe('scale-out-no-affinity', () => {
  it('one server: no unexpected logouts', () => {
    const s = lab().scenario('scale-out-no-affinity').servers(1).run(120_000)
    expect(s.counters.requests).toBeGreaterThan(300)
    expect(s.counters.unexpectedLogouts).toBe(0)
  })
  it('three servers, memory sessions, no affinity: many logouts', () => {
    const s = lab().scenario('scale-out-no-affinity').run(120_000)
    expect(s.counters.unexpectedLogouts).toBeGreaterThan(100)
    // Almost every user is hit.
    expect(logoutsOf(s).size).toBeGreaterThanOrEqual(11)
  })
  it('cookie affinity on the same traffic stops them', () => {
    const s = lab().scenario('scale-out-no-affinity').policy('cookie').run(120_000)
    expect(s.counters.unexpectedLogouts).toBe(0)
  })
})

describe('cookie-affinity', () => {
  const s = lab().scenario('cookie-affinity').run(120_000)
  it('no unexpected logouts while servers are up', () => {
    expect(s.counters.unexpectedLogouts).toBe(0)
    expect(s.counters.affinityRemaps).toBe(0)
  })
  it('balanced, even with eight users behind one NAT address', () => {
    expect(s.users.filter((u) => u.ip === '198.51.100.23')).toHaveLength(8)
    expect(imbalance(s, 60_000)).toBeLessThan(1.35)
    // The NAT group is spread over every server.
    const natServers = new Set(s.users.filter((u) => u.natGroup === 0).map((u) => u.jar.affinity?.server))
    expect(natServers.size).toBe(3)
  })
})

describe('affinity-ttl-expiry', () => {
  it('logouts appear only after the 60 s TTL has passed', () => {
    const s = lab().scenario('affinity-ttl-expiry').run(480_000)
    expect(s.counters.unexpectedLogouts).toBeGreaterThanOrEqual(5)
    const first = s.trace.find((e) => e.kind === 'logout')!
    expect(first.t).toBeGreaterThan(60_000)
    expect(s.counters.affinityRemaps).toBeGreaterThanOrEqual(s.counters.unexpectedLogouts)
  })
  it('none when the TTL outlives the session (30 min idle timeout)', () => {
    const s = lab().scenario('affinity-ttl-expiry').config({ cookie: { ttlMs: 1_800_000 } }).run(480_000)
    expect(s.counters.unexpectedLogouts).toBe(0)
  })
})

describe('ip-hash-nat-hotspot', () => {
  const s = lab().scenario('ip-hash-nat-hotspot').run(120_000)
  it('every user behind the CGNAT address lands on one server', () => {
    const nat = s.users.filter((u) => u.ip === '100.64.10.7')
    expect(nat).toHaveLength(30)
    expect(new Set(nat.map((u) => u.lastServer)).size).toBe(1)
  })
  it('that server runs far above the mean; cookie affinity on the same traffic is balanced', () => {
    expect(imbalance(s, 60_000)).toBeGreaterThan(2.3)
    const hot = serverMetrics(s, 60_000).reduce((a, b) => (a.utilization > b.utilization ? a : b))
    expect(hot.utilization).toBeGreaterThan(0.6)
    const cookie = lab().scenario('ip-hash-nat-hotspot').policy('cookie').run(120_000)
    expect(imbalance(cookie, 60_000)).toBeLessThan(1.4)
  })
})

describe('mobile-ip-change', () => {
  it('the user whose IP changed moves server and is logged out; nobody else is', () => {
    const [before, after] = lab().scenario('mobile-ip-change').runAt([29_999, 60_000])
    const ana = (s: SimState) => s.users[0]!
    expect(ana(after).ip).not.toBe(ana(before).ip)
    expect(ana(after).lastServer).not.toBe(ana(before).lastServer)
    expect(ana(after).logouts).toBe(1)
    expect([...logoutsOf(after)]).toEqual([0])
  })
})

describe('header-spoofing', () => {
  it('client-set header: every forged request lands on the chosen backend B', () => {
    const s = lab().scenario('header-spoofing').run(90_000)
    expect(s.counters.forgedRouted).toBeGreaterThan(100)
    expect(s.counters.forgedOnTarget).toBe(s.counters.forgedRouted)
    expect(util(s, 'B')).toBeGreaterThan(0.8)
  })
  it('gateway-injected header: forging changes nothing', () => {
    const s = lab().scenario('header-spoofing').config({ header: { source: 'gateway' } }).run(90_000)
    expect(s.counters.forgedRouted).toBeGreaterThan(100)
    expect(s.counters.forgedOnTarget / s.counters.forgedRouted).toBeLessThan(0.5)
    expect(util(s, 'B')).toBeLessThan(0.8)
  })
})

describe('crash-sticky-memory', () => {
  it('exactly B’s sessions are lost and exactly their owners are logged out', () => {
    const [before, after] = lab().scenario('crash-sticky-memory').runAt([29_999, 240_000])
    const b = before.servers[1]!
    const owners = new Set([...b.memory.values()].filter((x) => before.now - x.lastSeen < before.config.sessionIdleMs).map((x) => x.user))
    expect(owners.size).toBeGreaterThan(3)
    expect(after.counters.sessionsLost).toBe(liveSessionCount(before, b))
    expect(logoutsOf(after)).toEqual(owners)
    expect(after.counters.unexpectedLogouts).toBe(owners.size)
    expect(logoutsOf(before).size).toBe(0)
  })
})

describe('heavy-users-hotspot', () => {
  it('under stickiness per-server utilisation is far apart; without it, even', () => {
    const sticky = lab().scenario('heavy-users-hotspot').run(120_000)
    const u = serverMetrics(sticky, 60_000).map((m) => m.utilization)
    expect(Math.max(...u)).toBeGreaterThan(0.9)
    expect(Math.max(...u) / Math.min(...u)).toBeGreaterThan(5)
    const even = lab().scenario('heavy-users-hotspot').policy('round-robin').storage('shared').run(120_000)
    const v = serverMetrics(even, 60_000).map((m) => m.utilization)
    expect(Math.max(...v) / Math.min(...v)).toBeLessThan(1.3)
  })
})

describe('autoscale-sticky', () => {
  const share = (a: SimState, b: SimState) => {
    const gained = (id: ServerId) => requestsOn(b, id) - (a.servers.find((x) => x.id === id)?.requests ?? 0)
    const total = (['A', 'B', 'C', 'D', 'E'] as const).reduce((n, id) => n + gained(id), 0)
    return (gained('D') + gained('E')) / total
  }
  it('new servers get a small share for minutes with stickiness, a fair share at once without', () => {
    const [a, b] = lab().scenario('autoscale-sticky').runAt([70_000, 240_000])
    expect(share(a!, b!)).toBeLessThan(0.12)
    const [c, d] = lab().scenario('autoscale-sticky').policy('round-robin').storage('shared').runAt([70_000, 240_000])
    expect(share(c!, d!)).toBeGreaterThan(0.35)
  })
})

describe('rolling-deploy', () => {
  it('sticky drain drags out and still loses sessions; kill is quick but drops them; stateless is quick and loses nothing', () => {
    const drain = lab().scenario('rolling-deploy').run(300_000)
    expect(drain.deploy!.finishedAt! - drain.deploy!.startedAt).toBeGreaterThan(150_000)
    expect(drain.deploy!.sessionsLost).toBeGreaterThan(5)

    const kill = lab().scenario('rolling-deploy').withoutScript().at(30_000).do({ kind: 'rollingDeploy', mode: 'kill' }).run(300_000)
    expect(kill.deploy!.finishedAt! - kill.deploy!.startedAt).toBeLessThan(40_000)
    expect(kill.deploy!.sessionsLost).toBeGreaterThan(10)

    const stateless = lab().scenario('rolling-deploy').policy('round-robin').storage('shared').run(300_000)
    expect(stateless.deploy!.finishedAt! - stateless.deploy!.startedAt).toBeLessThan(40_000)
    expect(stateless.deploy!.sessionsLost).toBe(0)
    expect(stateless.counters.unexpectedLogouts).toBe(0)
  })
})

describe('one-hot-backend', () => {
  it('mean utilisation looks fine while C is saturated and its users wait much longer', () => {
    const s = lab().scenario('one-hot-backend').run(120_000)
    const m = serverMetrics(s, 60_000)
    const mean = m.reduce((a, x) => a + x.utilization, 0) / m.length
    const c = m.find((x) => x.id === 'C')!
    expect(mean).toBeLessThan(0.35)
    expect(c.utilization).toBeGreaterThan(0.8)
    const others = m.filter((x) => x.id !== 'C').map((x) => x.p95)
    expect(c.p95).toBeGreaterThan(2.5 * Math.max(...others))
  })
})

describe('shared-store', () => {
  it('a crash loses no session and logs nobody out', () => {
    const s = lab().scenario('shared-store').run(90_000)
    expect(s.servers[1]!.status).toBe('crashed')
    expect(s.counters.sessionsLost).toBe(0)
    expect(s.counters.unexpectedLogouts).toBe(0)
    expect(s.sessionStore.sessions.size).toBeGreaterThan(10)
  })
})

describe('database-store', () => {
  it('p50 latency is clearly above the shared-store run on the same traffic', () => {
    const db = lab().scenario('database-store').run(90_000)
    const shared = lab().scenario('database-store').storage('shared').run(90_000)
    expect(latency(db).p50 - latency(shared).p50).toBeGreaterThanOrEqual(6)
    expect(db.counters.unexpectedLogouts).toBe(0)
  })
})

describe('store-outage', () => {
  it('while the store is down, session requests fail; it comes back with sessions intact', () => {
    const [before, during, after] = lab().scenario('store-outage').runAt([29_999, 45_000, 90_000])
    expect(before.counters.failed).toBe(0)
    expect(during.counters.failed).toBeGreaterThan(30)
    expect(after.counters.failed - during.counters.failed).toBeLessThan(10)
    expect(after.counters.unexpectedLogouts).toBe(0)
    expect(after.counters.sessionsLost).toBe(0)
  })
  it('if the store was not persistent, its sessions are lost on recovery', () => {
    const s = lab().scenario('store-outage').config({ store: { persistent: false } }).run(90_000)
    expect(s.counters.sessionsLost).toBeGreaterThan(10)
    expect(s.counters.unexpectedLogouts).toBeGreaterThan(10)
  })
})

describe('jwt-tokens', () => {
  it('a crash logs nobody out but loses the carts kept in memory', () => {
    const s = lab().scenario('jwt-tokens').run(59_999)
    expect(s.counters.unexpectedLogouts).toBe(0)
    expect(s.counters.cartsLost).toBeGreaterThanOrEqual(1)
  })
  it('without a deny list a revoked token is still accepted; with one it is refused', () => {
    const open = lab().scenario('jwt-tokens').run(90_000)
    expect(open.counters.revokedTokenAccepted).toBeGreaterThan(0)
    const deny = lab().scenario('jwt-tokens').config({ jwt: { denyList: true } }).run(90_000)
    expect(deny.counters.revokedTokenAccepted).toBe(0)
    expect(deny.counters.revokedTokenRefused).toBeGreaterThan(0)
  })
})

describe('consistent-hash-scaling', () => {
  const moved = (policy: 'hash' | 'hash-consistent') => {
    const [before, after] = lab().scenario('consistent-hash-scaling').policy(policy).runAt([29_999, 90_000])
    const users = before!.users.filter((u) => u.lastServer !== null)
    return users.filter((u) => after!.users[u.id]!.lastServer !== u.lastServer).length / users.length
  }
  it('modulo hashing moves ≈ n/(n+1) of users when a 4th server joins; consistent ≈ 1/(n+1)', () => {
    const modulo = moved('hash')
    const ring = moved('hash-consistent')
    expect(modulo).toBeGreaterThan(0.6)
    expect(modulo).toBeLessThan(0.9)
    expect(ring).toBeGreaterThan(0.1)
    expect(ring).toBeLessThan(0.4)
  })
  it('the first request has no uid cookie yet, so it falls back to round robin', () => {
    const s = lab().scenario('consistent-hash-scaling').run(3_000)
    const firsts = s.recent.filter((r) => r.kind === 'landing')
    expect(firsts.length).toBeGreaterThan(10)
    for (const r of firsts) expect(r.decision).toContain('round robin')
  })
})

describe('retry-duplicates', () => {
  it('retried checkouts without idempotency keys create duplicate orders; with keys none', () => {
    const off = lab().scenario('retry-duplicates').run(150_000)
    expect(off.counters.retried).toBeGreaterThan(20)
    expect(off.counters.duplicateOrders).toBeGreaterThan(0)
    const on = lab().scenario('retry-duplicates').config({ idempotencyKeys: true }).run(150_000)
    expect(on.counters.retried).toBeGreaterThan(20)
    expect(on.counters.duplicateOrders).toBe(0)
  })
})

describe('migration-plan', () => {
  it('every step keeps unexpected logouts at 0 and it ends with affinity off', () => {
    const times = [29_999, 44_999, 59_999, 79_999, 120_000]
    const states = lab().scenario('migration-plan').runAt(times)
    for (const s of states) expect(s.counters.unexpectedLogouts).toBe(0)
    const end = states[states.length - 1]!
    expect(end.config.policy).toBe('round-robin')
    expect(end.config.storage).toBe('shared')
    expect(end.config.idempotencyKeys).toBe(true)
    expect(end.counters.cartsLost).toBe(0)
  })
})

describe('websocket-affinity', () => {
  it('a crash forces every connection on that server to reconnect at once', () => {
    const [before, after] = lab().scenario('websocket-affinity').runAt([39_999, 90_000])
    const onB = before!.servers[1]!.connections
    expect(onB).toBeGreaterThan(4)
    expect(after!.counters.reconnects).toBe(onB)
    expect(after!.counters.maxReconnectBurst).toBe(onB)
    expect(after!.counters.unexpectedLogouts).toBe(0)
  })
})
