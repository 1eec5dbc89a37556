// Cloudflare Load Balancing in the engine (docs/facts/cloudflare.md): 521 and the single
// zero-downtime retry, 520 for a death mid-request, 60 s monitors, the fixed 23 h __cflb cookie, the
// fallback pool, drain_duration and header affinity kept server-side.

import { describe, expect, it } from 'vitest'
import { expectRun } from '../../expectRun.ts'
import { lab } from '../../harness.ts'
import { setCookieText } from './cookies.ts'
import { runCollecting } from './sameCrash.ts'

const cf = (seed = 3) => lab(seed).lb('cloudflare').servers(3).users(12).storage('shared')

describe('Cloudflare: an endpoint refuses', () => {
  it('unpinned traffic: 521, then one retry on another healthy endpoint — the user sees no error', () => {
    const { requests } = runCollecting(cf().policy('random').at(10_000).crash('B'), 60_000)
    // Requests refused by B (one in service at the crash died with it: 520, its own test below).
    const refused = requests.filter((r) => r.refused.some((h) => h.server === 'B') && r.status !== 520)
    expect(refused.length).toBeGreaterThan(10)
    for (const r of refused) {
      expect(r.refused).toHaveLength(1)
      expect(r.outcome).not.toBe('error')
      expect(r.decision).toContain('✕ B refused (521) → zero-downtime failover: one retry')
    }
  })

  it('a __cflb session with zero_downtime_failover none (the default): 521 until the monitor marks it unhealthy', () => {
    const { s, requests } = runCollecting(lab().scenario('crash-sticky-memory').config({ lb: 'cloudflare' }), 90_000)
    // The add-to-cart in service on B at the crash died with it: 520, not retried (test below).
    const errors = requests.filter((r) => r.outcome === 'error' && r.status !== 520)
    expect(errors.length).toBe(71)
    for (const r of errors) expect(r).toMatchObject({ status: 521, detail: 'B refused → 521 (pinned session, zero_downtime_failover: none)' })
    expectRun(s).firstTrace('health', /^Cloudflare monitor: endpoint B unhealthy/).time.toBe(60_000)
    expect(Math.max(...errors.map((r) => r.lbAt))).toBeLessThan(60_000)
  })

  it('zero_downtime_failover sticky (the lab’s failover "re-pin"): the pinned session is retried elsewhere and re-pinned', () => {
    const { requests } = runCollecting(lab().scenario('crash-sticky-memory').config({ lb: 'cloudflare', failover: 'repin' }), 90_000)
    // Only the request in service on B at the crash fails (520: zero-downtime failover retries refusals, not deaths).
    expect(requests.filter((r) => r.outcome === 'error').map((r) => [r.status, r.lbAt < 30_000])).toEqual([[520, true]])
    expect(requests.some((r) => r.refused.length === 1 && r.affinity?.issued === true && r.server !== 'B')).toBe(true)
  })

  it('an endpoint dying with the request in service: 520, not retried', () => {
    const s = cf(4).policy('random').run(20_000)
    const busy = s.inflight.find((r) => r !== null && r.server === 'A' && r.startAt >= 0 && r.doneAt === -1)
    const at = s.now
    const { requests } = runCollecting(cf(4).policy('random').at(at).crash('A'), at + 2_000)
    if (busy) expect(requests.find((r) => r.id === busy.id)).toMatchObject({ status: 520, outcome: 'error' })
    expect(requests.filter((r) => r.status === 520).every((r) => r.refused.length === 1)).toBe(true)
  })

  it('every endpoint unhealthy: the fallback pool is used, health ignored (521s, not 530)', () => {
    const { requests } = runCollecting(cf().policy('random').at(10_000).crash('A').crash('B').crash('C'), 80_000)
    const after = requests.filter((r) => r.lbAt > 60_100)
    expect(after.length).toBeGreaterThan(5)
    for (const r of after) expect(r.status).toBe(521)
  })
})

describe('Cloudflare: __cflb, drain, header affinity', () => {
  it('__cflb is fixed: 23 h from when it was issued, not moved by later requests; HttpOnly', () => {
    const s = cf().policy('cookie').run(60_000)
    expect(s.config.cookie).toEqual({ name: '__cflb', ttlMs: 82_800_000, mode: 'fixed' })
    for (const u of s.users) {
      const jar = u.jar.affinity!
      expect(jar.expiresAt).toBe(jar.firstAt + 82_800_000)
      expect(jar.firstAt).toBeLessThan(10_000)
    }
    expect(setCookieText(s.config, s.users[0]!.jar.affinity!)).toMatch(/^__cflb=<opaque, names [A-C]>; SameSite=Lax; path=\/; expires=<0:0\d\.\d+ \+ 23 h>; HttpOnly$/)
  })

  it('drain_duration: pinned sessions keep reaching the disabled endpoint until it ends, new ones never', () => {
    const { requests } = runCollecting(lab(9).lb('cloudflare').servers(3).users(18).policy('cookie').storage('memory').config({ drainTimeoutMs: 20_000 }).at(30_000).do({ kind: 'removeServer', server: 'A', mode: 'drain' }), 70_000)
    const toA = requests.filter((r) => r.lbAt > 30_000 && r.server === 'A')
    expect(toA.length).toBeGreaterThan(10)
    for (const r of toA) {
      expect(r.lbAt).toBeLessThan(50_000)
      expect(r.decision).toBe('cookie __cflb says A → A')
    }
  })

  it('header affinity: a table Cloudflare keeps (first pick random); a forged value cannot be aimed at a server', () => {
    const s = lab().scenario('header-spoofing').config({ lb: 'cloudflare' }).run(90_000)
    expect(s.lb.headerTable.size).toBeGreaterThan(10)
    expect(s.recent.some((r) => r.decision.includes("in Cloudflare's session table"))).toBe(true)
    const forged = s.users.find((u) => u.forgedHeader !== null)!.forgedHeader!
    expect(s.trace.some((e) => e.text.includes(`forges X-User-Id: ${forged} (aiming at B, but Cloudflare places a new header value by random steering)`))).toBe(true)
    expect(s.lb.headerTable.get(forged)).toBeDefined()
  })
})
