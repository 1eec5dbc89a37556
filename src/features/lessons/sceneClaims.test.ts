// What the lessons say their scenes show, checked against the engine: the numbers and sentences the
// explanations quote. If the engine changes, this fails and points at the lesson to reword.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectRun } from '../../sim/expectRun.ts'
import { lab } from '../../sim/harness.ts'
import { latency, serverMetrics } from '../../sim/metrics.ts'
import { runCollecting, sameCrash } from '../../sim/products/engine/sameCrash.ts'

describe('lesson 1 (the-problem)', () => {
  it('one server: nobody logged out; three: all twelve users, over two hundred times', () => {
    expectRun(lab().scenario('scale-out-no-affinity').servers(1).run(120_000), 'one server').logouts(0)
    const three = expectRun(lab().scenario('scale-out-no-affinity').run(120_000), 'three servers').failed(0)
    three.loggedOut().toHaveLength(12)
    three.counter('unexpectedLogouts').toBeGreaterThan(200)
    three.counter('cartsLost').toBeGreaterThan(0)
  })
})

describe('lessons 2–4 (cookie affinity)', () => {
  it('zero logouts, balanced even for the eight users behind one address, with the quoted decisions', () => {
    const s = lab().scenario('cookie-affinity').run(120_000)
    expectRun(s).logouts(0).users((u) => u.ip === '198.51.100.23').toHaveLength(8)
    expect(s.config.cookie).toMatchObject({ name: 'AWSALB', ttlMs: 86_400_000, mode: 'sliding' })
    expectRun(lab().scenario('cookie-affinity').run(15_000)).someDecision(/^no AWSALB cookie → round robin → ([A-C]) · set AWSALB=\1$/)
    expectRun(s).someDecision(/^cookie AWSALB says ([A-C]) → \1$/)
  })
})

describe('crash under affinity (lessons 4, 6, 8, 11, 13, 14)', () => {
  it('B’s users — Bea among them — get a login page, not an error; HAProxy marks B DOWN within ~6 s', () => {
    const [before, after] = lab().scenario('crash-sticky-memory').runAt([29_999, 90_000])
    const onB = new Set([...expectRun(before).server('B').memory.values()].map((x) => x.user))
    const run = expectRun(after).failed(0)
    run.loggedOutIds().toEqual(onB)
    run.loggedOut().toContain('Bea')
    run.counter('retried').toBeGreaterThan(0)
    // HAProxy `check`: inter 2s, fall 3 — three failed checks after the crash (docs/facts/haproxy.md).
    run.firstTrace('health', /HAProxy: B is DOWN \(3 checks failed, inter 2s\)/).time.toBeLessThanOrEqual(30_000 + 6_000)
  })
})

describe('lesson 5 (techniques)', () => {
  it('TTL expiry: nobody out in the first minute, every user hit by the end, none with a 30-minute TTL', () => {
    const run = expectRun(lab().scenario('affinity-ttl-expiry').run(480_000))
    run.firstTrace('logout').time.toBeGreaterThan(60_000)
    run.loggedOut().toHaveLength(12)
    expectRun(lab().scenario('affinity-ttl-expiry').config({ cookie: { ttlMs: 1_800_000 } }).run(480_000), '30-minute TTL').logouts(0)
  })
  it('a new IP logs out Ana, and only Ana', () => {
    expectRun(lab().scenario('mobile-ip-change').run(60_000)).loggedOut().toEqual(['Ana'])
  })
  it('forged headers: six bots, all on B, which saturates', () => {
    const run = expectRun(lab().scenario('header-spoofing').run(90_000))
    run.users((u) => u.forgedHeader !== null).toHaveLength(6)
    run.counter('forgedOnTarget').toBe(run.state.counters.forgedRouted)
    run.utilization('B').toBeGreaterThan(0.9)
  })
  it('the NAT hot spot disappears under cookie affinity (and appears under Kubernetes ClientIP, lesson 11)', () => {
    expectRun(lab().scenario('ip-hash-nat-hotspot').lb('haproxy').policy('cookie').run(120_000), 'cookie').imbalance().toBeLessThan(1.4)
    expectRun(lab().scenario('ip-hash-nat-hotspot').lb('kube-proxy').policy('client-ip').run(120_000), 'client-ip').imbalance().toBeGreaterThan(2)
  })
})

describe('lesson 7 (when-sticky-helps)', () => {
  it('a crash drops eight WebSockets at once and logs nobody out', () => {
    expectRun(lab().scenario('websocket-affinity').run(90_000)).logouts(0).counter('maxReconnectBurst').toBe(8)
  })
})

describe('lesson 8 (the-four-risks)', () => {
  it('heavy office users: D near 100 %, the rest below 10 %', () => {
    const s = lab().scenario('heavy-users-hotspot').run(120_000)
    expectRun(s).utilization('D').toBeGreaterThan(0.9)
    for (const x of serverMetrics(s, 60_000).filter((x) => x.id !== 'D')) expectRun(s).utilization(x.id).toBeLessThan(0.1)
  })
  it('rolling deploy: drain takes over three minutes and still logs out nearly everyone; kill and stateless take under 20 s', () => {
    const drain = expectRun(lab().scenario('rolling-deploy').run(300_000), 'drain')
    drain.deployDuration().toBeGreaterThan(180_000)
    expect(drain.state.users.filter((u) => u.logouts > 0).length).toBeGreaterThanOrEqual(16)
    const kill = lab().scenario('rolling-deploy').withoutScript().at(30_000).do({ kind: 'rollingDeploy', mode: 'kill' }).run(300_000)
    expectRun(kill, 'kill').deployDuration().toBeLessThan(20_000)
    // "Switch the design to Stateless and play it again": the Design toggle at 0:00.
    const stateless = lab().scenario('rolling-deploy').at(0).do({ kind: 'setStorage', storage: 'shared' }).do({ kind: 'setPolicy', policy: 'round-robin' }).run(300_000)
    expectRun(stateless, 'stateless').logouts(0).deployDuration().toBeLessThan(20_000)
  })
  it('one hot backend: the mean near a quarter, C close to 90 %', () => {
    const s = lab().scenario('one-hot-backend').run(120_000)
    const m = serverMetrics(s, 60_000)
    const mean = m.reduce((a, x) => a + x.utilization, 0) / m.length
    expect(mean).toBeGreaterThan(0.2)
    expect(mean).toBeLessThan(0.32)
    expectRun(s).utilization('C').toBeGreaterThan(0.8)
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
    const run = expectRun(lab().scenario('jwt-tokens').run(90_000))
    expect(run.state.users[0]?.name).toBe('Ana')
    run.counter('revokedTokenAccepted').toBeGreaterThan(0)
  })
})

describe('lesson 10 (nginx)', () => {
  it('adding a 4th server logs out 42 of 60 users with modulo hashing, 15 with consistent', () => {
    expectRun(lab().scenario('consistent-hash-scaling').policy('hash').run(90_000), 'hash').loggedOut().toHaveLength(42)
    expectRun(lab().scenario('consistent-hash-scaling').policy('hash-consistent').run(90_000), 'hash consistent').loggedOut().toHaveLength(15)
  })
  it('the first page view has no uid cookie and goes round robin', () => {
    expectRun(lab().scenario('consistent-hash-scaling').run(2_000)).someDecision(/^no uid cookie/)
  })
})

describe('lesson 5 (techniques): HAProxy maxidle is the sliding limit', () => {
  it('the TTL scene is HAProxy with maxidle 60s: dates inside a session cookie, a stale one ignored', () => {
    const { s, requests } = runCollecting(lab().scenario('affinity-ttl-expiry'), 480_000)
    expect(s.config.lb).toBe('haproxy')
    expect(s.config.cookie).toMatchObject({ name: 'SERVERID', ttlMs: 60_000, mode: 'sliding' })
    const decisions = requests.map((r) => r.decision)
    // "the cookie reads SERVERID=A|<last seen>" — one 5-character date, no Expires anywhere.
    expect(decisions.some((d) => /new cookie SERVERID=[A-C]\|[A-Za-z0-9+/]{5}$/.test(d))).toBe(true)
    expect(decisions.some((d) => /^SERVERID idle longer than maxidle 60s: ignored → balance roundrobin/.test(d))).toBe(true)
  })
})

describe('lesson 11 (kubernetes-and-managed-lbs)', () => {
  it('HAProxy: B’s users land elsewhere after about three seconds of retries; B is DOWN after 6 s', () => {
    const run = expectRun(lab().scenario('crash-sticky-memory').lb('haproxy').run(90_000)).failed(0)
    run.firstTrace('logout').time.toBeGreaterThanOrEqual(32_000)
    run.firstTrace('logout').time.toBeLessThan(34_000)
    run.firstTrace('health', /HAProxy: B is DOWN/).time.toBe(36_000)
  })

  it('ALB scene: a minute of 502s for B’s six users (198, retries included), nobody logged out by 1:30, all six within seconds after', () => {
    const { s, requests } = runCollecting(lab().scenario('crash-sticky-memory').lb('alb'), 90_000)
    const run = expectRun(s, 'ALB at 1:30').failed(198).logouts(0).sessionsLost(6)
    expect(requests.filter((r) => r.outcome === 'error').every((r) => r.status === 502)).toBe(true)
    run.firstTrace('health', /ALB: target B unhealthy \(2 failed checks, 30 s apart\)/).time.toBe(90_000)
    const bea = s.users.find((u) => u.name === 'Bea')!
    // Her requests fail with 502, and so does the browser's one retry after each error.
    expect(requests.some((r) => r.user === bea.id && r.status === 502 && r.attempt === 1)).toBe(true)
    expect(requests.some((r) => r.user === bea.id && r.status === 502 && r.attempt === 2)).toBe(true)
    const later = expectRun(lab().scenario('crash-sticky-memory').lb('alb').run(105_000), 'ALB at 1:45')
    later.logouts(6).loggedOut().toContain('Bea')
  })

  it('Cloudflare scene: 50 requests get 521 until the monitor round at 1:00 (30 s after the crash), then Bea gets a login page', () => {
    const { s, requests } = runCollecting(lab().scenario('crash-sticky-memory').lb('cloudflare'), 90_000)
    const run = expectRun(s, 'Cloudflare at 1:30').failed(50)
    expect(requests.filter((r) => r.outcome === 'error').every((r) => r.status === 521)).toBe(true)
    expect(s.config.failover).toBe('fail') // zero_downtime_failover none, the default
    run.firstTrace('health', /Cloudflare monitor: endpoint B unhealthy/).time.toBe(60_000)
    run.firstTrace('logout').time.toBeGreaterThan(60_000)
    run.loggedOut().toContain('Bea')
  })

  it('the "Same crash, five load balancers" table says what the engine measures over three minutes', () => {
    const rows = sameCrashTable()
    const ids = ['nginx', 'haproxy', 'alb', 'kube-proxy', 'cloudflare'] as const
    expect(rows.get('')).toEqual(['nginx 1.22', 'HAProxy 2.6', 'AWS ALB', 'Kubernetes Service', 'Cloudflare'])
    ids.forEach((lb, i) => {
      const f = sameCrash(lb)
      const failedCell = rows.get('Requests that failed')?.[i] ?? ''
      expect(leadingInt(failedCell), `${lb}: failed requests`).toBe(f.failed)
      const code = /all (\d{3})/.exec(failedCell)?.[1]
      if (f.failed > 0) expect(f.errors, `${lb}: "${failedCell}"`).toEqual({ [code ?? (failedCell.includes('connection errors') ? '0' : '?')]: f.failed })
      expect(leadingInt(rows.get('B out of rotation after')?.[i] ?? ''), `${lb}: seconds until B left the rotation`).toBe(f.outAfterS)
      expect(leadingInt(rows.get('Users logged out')?.[i] ?? ''), `${lb}: users logged out`).toBe(f.logouts)
      // "every user whose session was in B's memory is logged out, and nobody else"
      expect(f.logouts, lb).toBe(f.sessionsLost)
    })
  })
})

/** The cells of lesson 11's "Same crash, five load balancers" table, by row label. */
function sameCrashTable(): Map<string, string[]> {
  const text = readFileSync(join(import.meta.dirname, '../../../content/lessons/11-kubernetes-and-managed-lbs.mdx'), 'utf8')
  const section = text.slice(text.indexOf('{/*same-crash-five-load-balancers*/}'))
  const table = section.slice(section.indexOf('\n|'), section.indexOf('\n\n', section.indexOf('\n|') + 1))
  const rows = new Map<string, string[]>()
  for (const line of table.trim().split('\n')) {
    const cells = line.split('|').slice(1, -1).map((c) => c.trim())
    if (cells.every((c) => /^-+$/.test(c))) continue
    rows.set(cells[0] ?? '', cells.slice(1))
  }
  return rows
}

function leadingInt(cell: string): number {
  const m = /^(\d+)/.exec(cell)
  expect(m, `a number at the start of "${cell}"`).not.toBeNull()
  return Number(m![1])
}
