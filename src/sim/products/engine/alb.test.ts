// AWS ALB in the engine (docs/facts/alb.md): 502 without retry, health checks 30 s / 2 / 5 (a new
// target 1), fail-open, deregistration, the AWSALB cookie (1 day sliding inside, Expires 7 days).

import { describe, expect, it } from 'vitest'
import { expectRun } from '../../expectRun.ts'
import { lab } from '../../harness.ts'
import { setCookieText } from './cookies.ts'
import { runCollecting } from './sameCrash.ts'

const alb = (seed = 3) => lab(seed).lb('alb').servers(3).users(12).storage('shared')

describe('ALB: a target that refuses', () => {
  it('every request routed to it gets a 502, not retried, until 2 failed checks 30 s apart mark it unhealthy', () => {
    const { s, requests } = runCollecting(alb().policy('round-robin').at(31_000).crash('B'), 100_000)
    const toB = requests.filter((r) => r.lbAt > 31_000 && r.refused.some((h) => h.server === 'B'))
    expect(toB.length).toBeGreaterThan(50)
    for (const r of toB) {
      expect(r).toMatchObject({ status: 502, outcome: 'error' })
      expect(r.refused).toHaveLength(1)
      expect(r.detail).toBe('B refused the connection → 502 (an ALB does not retry)')
    }
    // Checks at 60 s and 90 s fail: unhealthy at 90 s; nothing reaches B afterwards.
    expectRun(s).firstTrace('health', /^ALB: target B unhealthy \(2 failed checks, 30 s apart\)/).time.toBe(90_000)
    expect(Math.max(...toB.map((r) => r.lbAt))).toBeLessThan(90_000)
  })

  it('a restarted target needs 5 passed checks (150 s); a newly registered one needs 1', () => {
    const restarted = lab().scenario('crash-sticky-memory').config({ lb: 'alb' }).at(100_000).restart('B').run(300_000)
    // Up at 103 s; checks at 120, 150, 180, 210, 240 s.
    expectRun(restarted).firstTrace('health', /^ALB: target B healthy \(5 passed checks, 30 s apart\)/).time.toBe(240_000)
    const added = alb().policy('round-robin').at(10_000).addServer().run(40_000)
    expectRun(added).firstTrace('health', /^ALB: target D healthy \(1 passed check, a new target\)/).time.toBe(30_000)
  })

  it('every target unhealthy: it fails open and keeps routing to all of them (502s, never a 503)', () => {
    const { requests } = runCollecting(alb().policy('round-robin').at(31_000).crash('A').crash('B').crash('C'), 100_000)
    const after = requests.filter((r) => r.lbAt > 90_100)
    expect(after.length).toBeGreaterThan(10)
    for (const r of after) expect(r.status).toBe(502)
  })
})

describe('ALB: AWSALB and deregistration', () => {
  it('AWSALB: re-sent on every response with Expires = now + 7 days; the 1-day stickiness slides inside', () => {
    const s = lab().scenario('cookie-affinity').run(60_000)
    expect(s.config).toMatchObject({ lb: 'alb', cookie: { name: 'AWSALB', ttlMs: 86_400_000, mode: 'sliding' } })
    const u = s.users.find((x) => x.jar.affinity && x.lastActive > 55_000)!
    const jar = u.jar.affinity!
    expect(jar.expiresAt).toBe(jar.setAt + 86_400_000)
    expect(jar.setAt).toBeGreaterThan(55_000)
    expect(setCookieText(s.config, jar)).toMatch(/^AWSALB=<opaque, names [A-C]>; Expires=<0:5\d\.\d+ \+ 7 days>; Path=\/$/)
  })

  it('deregistration: no request reaches the target, sticky users are re-pinned at once; done when idle', () => {
    const { s, requests } = runCollecting(lab(9).lb('alb').servers(3).users(18).policy('cookie').storage('memory').at(30_000).do({ kind: 'removeServer', server: 'A', mode: 'drain' }), 60_000)
    expect(requests.filter((r) => r.lbAt > 30_000 && r.server === 'A')).toEqual([])
    expect(requests.some((r) => r.lbAt > 30_000 && r.decision.startsWith('cookie says A, A is out of rotation → re-pin to'))).toBe(true)
    expectRun(s).firstTrace('server', /^Server A drained after 1 s/).time.toBe(31_000)
  })
})
