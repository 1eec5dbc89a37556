// HAProxy 2.6 in the engine (docs/facts/haproxy.md): the SERVERID cookie as sent, maxidle/maxlife,
// retries and redispatch with their timing, checks (inter 2s, fall 3, rise 2), drain, and balance
// source / hdr() picking exactly what src/sim/haproxy picks for the lab's backend.

import { describe, expect, it } from 'vitest'
import { expectRun } from '../../expectRun.ts'
import { lab } from '../../harness.ts'
import { balancePick, createLb, createRrState, parseBackend, parseIp, viewOf } from '../../haproxy/index.ts'
import { setCookieText, SESSION_COOKIE } from './cookies.ts'
import { runCollecting } from './sameCrash.ts'

const haproxy = (seed = 3) => lab(seed).lb('haproxy').servers(3).users(12).storage('memory')

describe('HAProxy: cookie SERVERID insert indirect nocache', () => {
  it('the first response sets SERVERID=<server>, a session cookie; later requests follow it and get no Set-Cookie', () => {
    const { s, requests } = runCollecting(haproxy().policy('cookie'), 30_000)
    const first = requests.find((r) => r.user === 0)!
    expect(first.decision).toMatch(/^no SERVERID cookie → balance roundrobin → ([A-C]), new cookie SERVERID=\1$/)
    expect(first.affinity).toEqual({ server: first.server, issued: true, value: first.server })
    const later = requests.filter((r) => r.user === 0).slice(1)
    expect(later.length).toBeGreaterThan(5)
    for (const r of later) expect(r).toMatchObject({ decision: `SERVERID=${first.server} → ${first.server}`, affinity: { issued: false }, pinned: true })
    const jar = s.users[0]!.jar.affinity!
    expect(jar.expiresAt).toBe(SESSION_COOKIE)
    expect(setCookieText(s.config, jar)).toBe(`SERVERID=${first.server}; path=/`)
  })

  it('maxidle (the lab’s sliding TTL): the dates ride in the value; a cookie idle too long is ignored and replaced', () => {
    const { s, requests } = runCollecting(lab().scenario('affinity-ttl-expiry'), 480_000)
    expect(s.config.lb).toBe('haproxy')
    const value = s.users.find((u) => u.jar.affinity)!.jar.affinity!.value!
    expect(value).toMatch(/^[A-C]\|[A-Za-z0-9+/]{5}$/)
    const expired = requests.filter((r) => r.decision.startsWith('SERVERID idle longer than maxidle 60s: ignored → balance roundrobin'))
    expect(expired.length).toBeGreaterThan(5)
    expectRun(s).counter('unexpectedLogouts').toBeGreaterThanOrEqual(5)
  })

  it('maxlife (a fixed TTL): FIRST is kept while LAST moves; the cookie is dropped a fixed time after it was first set', () => {
    const { requests } = runCollecting(haproxy().policy('cookie').config({ cookie: { ttlMs: 20_000, mode: 'fixed' } }), 60_000)
    const set = requests.filter((r) => r.user === 0 && r.affinity?.issued).map((r) => r.affinity!.value!)
    expect(set[0]).toMatch(/^[A-C]\|[A-Za-z0-9+/]{5}\|[A-Za-z0-9+/]{5}$/)
    expect(requests.some((r) => r.decision.startsWith('SERVERID older than maxlife 20s: ignored'))).toBe(true)
  })
})

describe('HAProxy: retries, redispatch, checks', () => {
  it('a SERVERID holder of a crashed server: 3 attempts 1 s apart (fewer once B is DOWN), then redispatch to another server, new cookie — no error', () => {
    const { s, requests } = runCollecting(lab().scenario('crash-sticky-memory'), 40_000)
    const moved = requests.filter((r) => r.refused.length > 0)
    expect(moved.map((r) => r.refused.length)).toEqual([2, 3, 3, 3])
    for (const r of moved) {
      expect(new Set(r.refused.map((h) => h.server))).toEqual(new Set(['B']))
      for (let i = 1; i < r.refused.length; i++) expect(r.refused[i]!.at - r.refused[i - 1]!.at).toBe(1_004)
      // Two attempts only when the checks marked B DOWN (at 36 s) before the third: redispatched at once.
      if (r.refused.length === 2) expect(r.refused[1]!.at + 1_004).toBeGreaterThan(36_000)
      expect(r.outcome).not.toBe('error')
      expect(r.server).not.toBe('B')
      expect(r.affinity).toMatchObject({ issued: true, value: r.server })
    }
    expectRun(s).firstTrace('health', /^HAProxy: B is DOWN \(3 checks failed, inter 2s\)/).time.toBe(36_000)
  })

  it('once B is DOWN, a cookie naming it is ignored without any retry (docs: DOWN by checks = stopped)', () => {
    // Users who were on a break when B crashed come back after it is DOWN.
    const { requests } = runCollecting(haproxy(4).users(30).policy('cookie').config({ breakChance: 0.6, breakMs: 30_000 }).at(30_000).crash('B'), 120_000)
    const late = requests.filter((r) => r.lbAt > 36_000 && /^SERVERID=B names a DOWN server → balance roundrobin → [AC], new cookie SERVERID=[AC]$/.test(r.decision))
    expect(late.length).toBeGreaterThan(0)
    for (const r of late) expect(r.refused).toEqual([])
  })

  it('a restarted server needs rise 2 checks to be UP again; an added one is UP as soon as its process answers', () => {
    const restarted = lab().scenario('crash-sticky-memory').at(40_000).restart('B').run(60_000)
    expectRun(restarted).firstTrace('health', /^HAProxy: B is UP \(2 checks passed/).time.toBe(46_000)
    // Set `ready` when its process answers at 13 s: UP, but one failed check from DOWN (health = rise).
    const added = haproxy().policy('round-robin').at(10_000).addServer().run(13_500)
    expect(added.servers[3]).toMatchObject({ status: 'up', healthy: true, probeFails: 2 })
    expect(haproxy().policy('round-robin').at(10_000).addServer().run(15_000).recent.some((r) => r.server === 'D' && r.lbAt < 15_000)).toBe(true)
  })
})

describe('HAProxy: drain and hashing', () => {
  it('drain: no new users from the balancer, but SERVERID holders are still served', () => {
    const { requests } = runCollecting(haproxy(9).users(18).policy('cookie').config({ drainTimeoutMs: 60_000 }).at(30_000).do({ kind: 'removeServer', server: 'A', mode: 'drain' }), 60_000)
    const toA = requests.filter((r) => r.lbAt > 30_000 && r.server === 'A')
    expect(toA.length).toBeGreaterThan(20)
    for (const r of toA) expect(r.decision).toBe('SERVERID=A → A')
    expect(requests.some((r) => r.lbAt > 30_000 && r.decision.includes('balance roundrobin → A'))).toBe(false)
  })

  it('balance source and hdr() pick what src/sim/haproxy picks for `server A id 1; server B id 2; server C id 3`', () => {
    const backend = parseBackend('A id 1; B id 2; C id 3')
    const source = createLb(viewOf(backend), { kind: 'source' }, { type: 'map-based', fn: 'sdbm', avalanche: false })
    const s = haproxy(5).policy('ip-hash').run(20_000)
    for (const r of s.recent) {
      const want = balancePick(source, { src: parseIp(s.users[r.user]!.ip).bytes }, createRrState()).server!
      expect(r.server).toBe(backend[want]!.name)
      expect(r.decision).toBe(`balance source (${s.users[r.user]!.ip}) → ${r.server}`)
    }
    const hdr = createLb(viewOf(backend), { kind: 'hdr', header: 'X-User-Id' }, { type: 'consistent', fn: 'sdbm', avalanche: true })
    const h = haproxy(5).policy('header').run(20_000)
    for (const r of h.recent) expect(r.server).toBe(backend[balancePick(hdr, { headers: [`user-${r.user}`] }, createRrState()).server!]!.name)
  })

  it('stick on src (the lab’s ClientIP): one entry per address, expiring after the idle timeout', () => {
    const s = haproxy(5).policy('client-ip').run(30_000)
    for (const u of s.users) expect(s.lb.clientIp.get(u.ip)?.server).toBe(u.lastServer)
    expect(s.recent.some((r) => r.decision.startsWith('stick table: '))).toBe(true)
  })
})

describe('HAProxy: balance roundrobin is its fast weighted round robin (src/sim/haproxy/fwrr.ts)', () => {
  it('a server the lab adds leaves maint when it answers and is not next: the others finish their turn first', () => {
    const { s, requests } = runCollecting(haproxy().policy('round-robin').storage('shared').at(20_000).addServer(), 60_000)
    const d = s.servers[3]!
    expect(d.status).toBe('up')
    const after = requests.filter((r) => r.server !== null && r.serverAt >= d.statusSince && r.refused.length === 0).sort((a, b) => a.serverAt - b.serverAt || a.id - b.id)
    const order = after.slice(0, 8).map((r) => r.server)
    expect(order[0]).not.toBe('D')
    expect(order.slice(0, 4).filter((x) => x === 'D')).toHaveLength(1)
    expect(order.slice(4, 8).filter((x) => x === 'D')).toHaveLength(1)
  })

  it('a redispatch after a refused connection avoids only the server that refused', () => {
    const { requests } = runCollecting(haproxy().policy('round-robin').storage('shared').at(10_000).crash('B'), 20_000)
    const redispatched = requests.filter((r) => r.refused.length === 1 && r.refused[0]!.server === 'B' && r.server !== null && r.status === 200)
    expect(redispatched.length).toBeGreaterThan(0)
    for (const r of redispatched) expect(r.decision).toMatch(/B refused, retry 1\/3 → redispatch · round robin → [AC]$/)
  })
})

