import { describe, expect, it } from 'vitest'
import { advanceTo, advanceToItem, advanceToNextTraced } from './engine.ts'
import { expectRun } from './expectRun.ts'
import { lab } from './harness.ts'
import { StateGuard, assertSameState, fingerprint } from './testkit.ts'
import type { SimState } from './types.ts'

describe('engine', () => {
  it('is deterministic: same seed, config and script ⇒ identical trace', () => {
    const run = () => lab().scenario('crash-sticky-memory').run(60_000)
    assertSameState(run(), run())
  })

  it('different seeds give different runs', () => {
    const a = lab().scenario('scale-out-no-affinity').run(30_000)
    const b = lab().scenario('scale-out-no-affinity').seed(99).run(30_000)
    expect(fingerprint(a)).not.toBe(fingerprint(b))
  })

  it('never mutates its input (state in, state out)', () => {
    const b = lab().scenario('crash-sticky-memory')
    const guard = new StateGuard()
    const start = guard.track(b.start(), 'start')
    const s0 = guard.track(advanceTo(start, 25_000, b.scriptItems), 's0')
    // Every kind of transition, from the same input, across the crash at 30 s; outputs too.
    guard.track(advanceTo(s0, 60_000, b.scriptItems), 'advanceTo 60 s')
    guard.track(advanceToNextTraced(s0, b.scriptItems), 'advanceToNextTraced')
    guard.track(advanceToItem(s0, s0.itemCount + 500, b.scriptItems), 'advanceToItem')
    guard.track(advanceTo(s0, 35_000, [...b.scriptItems, { at: 31_000, do: { kind: 'addServer' } }]), 'another future')
    guard.expectUnchanged()
  })

  it('advancing in small steps equals advancing at once', () => {
    const b = lab().scenario('rolling-deploy')
    let s = b.start()
    for (let t = 0; t <= 90_000; t += 16) s = advanceTo(s, t, b.scriptItems)
    assertSameState(advanceTo(b.start(), 90_000, b.scriptItems), s)
  })

  it('step forward jumps to the next traced event', () => {
    const b = lab().scenario('cookie-affinity')
    const s0 = advanceTo(b.start(), 10_000, b.scriptItems)
    const s1 = advanceToNextTraced(s0, b.scriptItems)
    expect(s1.traceSeq).toBe(s0.traceSeq + 1)
    expect(s1.now).toBeGreaterThanOrEqual(s0.now)
  })

  it('a user’s belief and the server’s knowledge disagree exactly at an unexpected logout', () => {
    const b = lab().scenario('scale-out-no-affinity')
    const end = b.run(20_000)
    const logouts = end.trace.filter((e) => e.kind === 'logout')
    // Every logout is in the trace (the trace keeps far more than 20 s of them).
    expect(logouts.length).toBeGreaterThan(3)
    expectRun(end).logouts(logouts.length)
    let s = b.start()
    for (const e of logouts) {
      expect(e.text).toMatch(/logged out unexpectedly/)
      expect(e.user).toBeTypeOf('number')
      // Just before: the user believes they are logged in, with a session id the server that
      // answered does not hold, while another server's memory does — belief and knowledge disagree.
      s = advanceToItem(s, e.item - 1, b.scriptItems)
      const user = s.users[e.user!]!
      const req = s.inflight[user.id]
      expect(user.believesLoggedIn).toBe(true)
      expect(req?.outcome).toBe('notLoggedIn')
      expect(user.jar.sid).not.toBeNull()
      const holders = s.servers.filter((x) => x.memory.has(user.jar.sid!)).map((x) => x.id)
      expect(holders).toHaveLength(1)
      expect(holders).not.toContain(req!.server)
      // Just after: the user knows it too (a login page) — and it counted as one more logout.
      const after = advanceToItem(s, e.item, b.scriptItems)
      expect(after.users[user.id]!.believesLoggedIn).toBe(false)
      expect(after.users[user.id]!.logouts).toBe(user.logouts + 1)
      expect(after.counters.unexpectedLogouts).toBe(s.counters.unexpectedLogouts + 1)
    }
  })

  it('counts heavy users, NAT groups and whole /24s', () => {
    const s = lab().users(4).config({ heavyUsers: 2, natGroups: [{ size: 3, ip: '100.64.1.1' }, { size: 3, ip: '203.0.113.9', subnet: true }] }).start()
    expect(s.users).toHaveLength(10)
    expect(s.users.filter((u) => u.heavy)).toHaveLength(2)
    expect(new Set(s.users.slice(4, 7).map((u) => u.ip))).toEqual(new Set(['100.64.1.1']))
    const subnet = s.users.slice(7).map((u) => u.ip)
    expect(new Set(subnet).size).toBe(3)
    for (const ip of subnet) expect(ip.startsWith('203.0.113.')).toBe(true)
  })
})

describe('load balancer', () => {
  it('nginx: a crashed server is found by the request that dies on it (issue 17), retried elsewhere and skipped for 10 s — no refusal, no health checks', () => {
    const s = lab().users(30).lb('nginx').policy('round-robin').storage('shared').at(10_000).crash('B').run(20_000)
    const refused = s.recent.filter((r) => r.refused.some((h) => h.server === 'B'))
    // The GET in service on B at the crash: proxy_next_upstream marks B failed and retries it on C,
    // so no later request is refused by B within fail_timeout (the engine used to show one more).
    expect(refused.map((r) => [r.kind, r.outcome, r.decision])).toEqual([['browse', 'ok', 'round robin → B ✕ B died before the response header → next upstream · round robin → C']])
    expect(s.counters.retried).toBe(1)
    // nginx open source has no active checks: its view of B never changes, only the passive window.
    expect(s.servers[1]!.healthy).toBe(true)
    expect(s.trace.filter((e) => e.kind === 'health').map((e) => e.text)).toEqual([
      `nginx: B closed the connection before the response header → B skipped for 10 s (max_fails=1 fail_timeout=10s)`,
    ])
  })

  it('HAProxy: routes to a crashed server until 3 checks 2 s apart mark it DOWN, redispatching the failures', () => {
    const s = lab().users(30).lb('haproxy').policy('round-robin').storage('shared').at(10_000).crash('B').run(20_000)
    const refused = s.recent.filter((r) => r.refused.some((h) => h.server === 'B'))
    expect(refused.length).toBeGreaterThan(0)
    for (const r of refused) {
      expect(r.refused[0]!.at).toBeLessThanOrEqual(10_000 + 3 * 2_000 + 100)
      expect(r.refused).toHaveLength(1)
      // The one in service on B at the crash: only failed connections are retried → 502.
      if (r.refused[0]!.at === 10_000) expect([r.status, r.detail]).toEqual([502, expect.stringMatching(/B died while serving → 502/)])
      // Not persistent under balance roundrobin: redispatched at once, not retried on B.
      else expect(r.outcome).not.toBe('error')
    }
    expect(s.servers[1]!.healthy).toBe(false)
    expectRun(s).firstTrace('health', /HAProxy: B is DOWN/).time.toBe(16_000)
  })

  it('without LB retries those requests fail with 502', () => {
    const s = lab().users(30).policy('round-robin').storage('shared').config({ lbRetry: false }).at(10_000).crash('B').run(20_000)
    expect(s.recent.some((r) => r.status === 502)).toBe(true)
    expect(s.counters.failed).toBeGreaterThan(0)
  })

  it('HAProxy without option redispatch (failover "fail"): a SERVERID holder gets 503 after 4 attempts until B is DOWN', () => {
    const s = lab().users(12).lb('haproxy').policy('cookie').storage('shared').config({ failover: 'fail' }).at(10_000).crash('B').run(30_000)
    const failed = s.recent.filter((r) => r.status === 503)
    expect(failed.length).toBeGreaterThan(0)
    for (const r of failed) {
      expect(r.refused.map((h) => h.server)).toEqual(['B', 'B', 'B', 'B'])
      expect(r.lbAt).toBeLessThan(16_000)
    }
    // Once checks mark B DOWN, its cookie is ignored and the balancer re-pins.
    expect(s.recent.some((r) => r.lbAt > 16_000 && r.decision.startsWith('SERVERID=B names a DOWN server'))).toBe(true)
  })

  it('a restarted server boots, passes health checks and gets traffic again', () => {
    const s = lab().users(20).policy('round-robin').storage('shared').at(5_000).crash('A').at(15_000).restart('A').run(40_000)
    const a = s.servers[0]!
    expect(a.status).toBe('up')
    expect(a.healthy).toBe(true)
    expect(s.recent.some((r) => r.server === 'A' && r.lbAt > 25_000)).toBe(true)
  })

  it('draining: a sticky server keeps its pinned users until its sessions are gone or the timeout', () => {
    const s = lab().users(12).lb('haproxy').policy('cookie').config({ drainTimeoutMs: 20_000 }).at(10_000).do({ kind: 'removeServer', server: 'A', mode: 'drain' }).run(40_000)
    expect(s.servers[0]!.status).toBe('removed')
    const drainEnd = s.trace.find((e) => e.text.startsWith('Server A drain timed out'))
    expect(drainEnd?.t).toBe(30_000)
  })

  it('queueing: a saturated server’s latency grows', () => {
    const calm = lab().users(6).servers(1).run(60_000)
    const busy = lab().users(60).servers(1).run(60_000)
    expect(busy.latency.total).toBeGreaterThan(calm.latency.total)
    const p95 = (s: SimState) => {
      const lat = s.recent.map((r) => r.lbBackAt - r.lbAt).sort((a, b) => a - b)
      return lat[Math.floor(lat.length * 0.95)]!
    }
    expect(p95(busy)).toBeGreaterThan(3 * p95(calm))
  })
})
