// What the lessons say their scenes show, checked against the engine: the numbers and sentences the
// explanations quote. If the engine changes, this fails and points at the lesson to reword.

import { describe, expect, it } from 'vitest'
import { lab } from '../../sim/harness.ts'
import { imbalance, latency, serverMetrics } from '../../sim/metrics.ts'
import type { SimState } from '../../sim/types.ts'

const loggedOut = (s: SimState) => s.users.filter((u) => u.logouts > 0)
const decisions = (s: SimState) => s.recent.map((r) => r.decision)

describe('lesson 1 (the-problem)', () => {
  it('one server: nobody logged out; three: all twelve users, over two hundred times', () => {
    expect(lab().scenario('scale-out-no-affinity').servers(1).run(120_000).counters.unexpectedLogouts).toBe(0)
    const s = lab().scenario('scale-out-no-affinity').run(120_000)
    expect(loggedOut(s)).toHaveLength(12)
    expect(s.counters.unexpectedLogouts).toBeGreaterThan(200)
    expect(s.counters.cartsLost).toBeGreaterThan(0)
    expect(s.counters.failed).toBe(0)
  })
})

describe('lessons 2–4 (cookie affinity)', () => {
  it('zero logouts, balanced even for the eight users behind one address, with the quoted decisions', () => {
    const s = lab().scenario('cookie-affinity').run(120_000)
    expect(s.counters.unexpectedLogouts).toBe(0)
    expect(s.users.filter((u) => u.ip === '198.51.100.23')).toHaveLength(8)
    expect(s.config.cookie).toMatchObject({ name: 'AWSALB', ttlMs: 86_400_000, mode: 'sliding' })
    const early = lab().scenario('cookie-affinity').run(15_000)
    expect(decisions(early).some((d) => /^no AWSALB cookie → round robin → ([A-C]) · set AWSALB=\1$/.test(d))).toBe(true)
    expect(decisions(s).some((d) => /^cookie AWSALB says ([A-C]) → \1$/.test(d))).toBe(true)
  })
})

describe('crash under affinity (lessons 4, 6, 8, 11, 13, 14)', () => {
  it('B’s users — Bea among them — get a login page, not an error; B is out within ~4 s', () => {
    const [before, after] = lab().scenario('crash-sticky-memory').runAt([29_999, 90_000])
    const onB = new Set([...before.servers[1]!.memory.values()].map((x) => x.user))
    expect(new Set(loggedOut(after).map((u) => u.id))).toEqual(onB)
    expect(loggedOut(after).map((u) => u.name)).toContain('Bea')
    expect(after.counters.failed).toBe(0)
    expect(after.counters.retried).toBeGreaterThan(0)
    const marked = after.trace.find((e) => e.kind === 'health' && /B failed 2× → marked unhealthy/.test(e.text))
    expect(marked!.t - 30_000).toBeLessThanOrEqual(4_000)
  })
})

describe('lesson 5 (techniques)', () => {
  it('TTL expiry: nobody out in the first minute, every user hit by the end, none with a 30-minute TTL', () => {
    const s = lab().scenario('affinity-ttl-expiry').run(480_000)
    expect(s.trace.find((e) => e.kind === 'logout')!.t).toBeGreaterThan(60_000)
    expect(loggedOut(s)).toHaveLength(12)
    expect(lab().scenario('affinity-ttl-expiry').config({ cookie: { ttlMs: 1_800_000 } }).run(480_000).counters.unexpectedLogouts).toBe(0)
  })
  it('a new IP logs out Ana, and only Ana', () => {
    const s = lab().scenario('mobile-ip-change').run(60_000)
    expect(loggedOut(s).map((u) => u.name)).toEqual(['Ana'])
  })
  it('forged headers: six bots, all on B, which saturates', () => {
    const s = lab().scenario('header-spoofing').run(90_000)
    expect(s.users.filter((u) => u.forgedHeader !== null)).toHaveLength(6)
    expect(s.counters.forgedOnTarget).toBe(s.counters.forgedRouted)
    expect(serverMetrics(s, 60_000).find((m) => m.id === 'B')!.utilization).toBeGreaterThan(0.9)
  })
  it('the NAT hot spot disappears under cookie affinity (and appears under Kubernetes ClientIP, lesson 11)', () => {
    expect(imbalance(lab().scenario('ip-hash-nat-hotspot').policy('cookie').run(120_000), 60_000)).toBeLessThan(1.4)
    expect(imbalance(lab().scenario('ip-hash-nat-hotspot').policy('client-ip').run(120_000), 60_000)).toBeGreaterThan(2)
  })
})

describe('lesson 7 (when-sticky-helps)', () => {
  it('a crash drops eight WebSockets at once and logs nobody out', () => {
    const s = lab().scenario('websocket-affinity').run(90_000)
    expect(s.counters.maxReconnectBurst).toBe(8)
    expect(s.counters.unexpectedLogouts).toBe(0)
  })
})

describe('lesson 8 (the-four-risks)', () => {
  it('heavy office users: D near 100 %, the rest below 10 %', () => {
    const m = serverMetrics(lab().scenario('heavy-users-hotspot').run(120_000), 60_000)
    expect(m.find((x) => x.id === 'D')!.utilization).toBeGreaterThan(0.9)
    for (const x of m.filter((x) => x.id !== 'D')) expect(x.utilization).toBeLessThan(0.1)
  })
  it('rolling deploy: drain takes over three minutes and still logs out nearly everyone; kill and stateless take under 20 s', () => {
    const drain = lab().scenario('rolling-deploy').run(300_000)
    expect(drain.deploy!.finishedAt! - drain.deploy!.startedAt).toBeGreaterThan(180_000)
    expect(loggedOut(drain).length).toBeGreaterThanOrEqual(16)
    const kill = lab().scenario('rolling-deploy').withoutScript().at(30_000).do({ kind: 'rollingDeploy', mode: 'kill' }).run(300_000)
    expect(kill.deploy!.finishedAt! - kill.deploy!.startedAt).toBeLessThan(20_000)
    // "Switch the design to Stateless and play it again": the Design toggle at 0:00.
    const stateless = lab().scenario('rolling-deploy').at(0).do({ kind: 'setStorage', storage: 'shared' }).do({ kind: 'setPolicy', policy: 'round-robin' }).run(300_000)
    expect(stateless.deploy!.finishedAt! - stateless.deploy!.startedAt).toBeLessThan(20_000)
    expect(stateless.counters.unexpectedLogouts).toBe(0)
  })
  it('one hot backend: the mean near a quarter, C close to 90 %', () => {
    const m = serverMetrics(lab().scenario('one-hot-backend').run(120_000), 60_000)
    const mean = m.reduce((a, x) => a + x.utilization, 0) / m.length
    expect(mean).toBeGreaterThan(0.2)
    expect(mean).toBeLessThan(0.32)
    expect(m.find((x) => x.id === 'C')!.utilization).toBeGreaterThan(0.8)
  })
})

describe('lesson 9 (better-alternatives)', () => {
  it('the database adds about 8 ms to the median request (≈71 vs ≈63 ms)', () => {
    const db = latency(lab().scenario('database-store').run(90_000)).p50
    const shared = latency(lab().scenario('database-store').storage('shared').run(90_000)).p50
    expect(db - shared).toBeGreaterThanOrEqual(6)
    expect(db - shared).toBeLessThanOrEqual(10)
  })
  it('JWT: Ana’s revoked token is still accepted without a deny list', () => {
    const s = lab().scenario('jwt-tokens').run(90_000)
    expect(s.users[0]!.name).toBe('Ana')
    expect(s.counters.revokedTokenAccepted).toBeGreaterThan(0)
  })
})

describe('lesson 10 (nginx)', () => {
  it('adding a 4th server logs out 42 of 60 users with modulo hashing, 15 with consistent', () => {
    expect(loggedOut(lab().scenario('consistent-hash-scaling').policy('hash').run(90_000))).toHaveLength(42)
    expect(loggedOut(lab().scenario('consistent-hash-scaling').policy('hash-consistent').run(90_000))).toHaveLength(15)
  })
  it('the first page view has no uid cookie and goes round robin', () => {
    const s = lab().scenario('consistent-hash-scaling').run(2_000)
    expect(decisions(s).some((d) => d.startsWith('no uid cookie'))).toBe(true)
  })
})
