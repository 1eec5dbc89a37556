import { describe, expect, it } from 'vitest'
import { parseIp } from '../nginx/ip.ts'
import { createRrState, parseBalance, parseHashType } from './balance.ts'
import { parseCookieDirective } from './cookie.ts'
import { simulateHaproxyRequest, type BackendConfig, type BackendState, type HaproxyRequest } from './request.ts'
import { parseBackend } from './servers.ts'
import { createStickTable } from './stickTable.ts'

// The backend of the experiment in docs/facts/haproxy.md (§Experiments): web1 up with check, web2 dead
// with check (DOWN), web3 up without check, web4 dead without check, web5 up but maint, web6 up but drain.
// Client 203.0.113.7 hashes (balance source, map-based) to web4. Outcomes are real haproxy 2.6.12's.
const servers = parseBackend('web1 cookie web1; web2 cookie web2; web3 cookie web3; web4 cookie web4; web5 cookie web5 maint; web6 cookie web6 drain')
const DEAD = new Set([1, 3])
const cfg = (over: Partial<BackendConfig> = {}): BackendConfig => ({
  servers,
  balance: parseBalance('source'),
  hashType: parseHashType('map-based'),
  cookie: parseCookieDirective('SERVERID insert indirect nocache'),
  persist: false,
  redispatch: true,
  retries: 3,
  ...over,
})
const state = (): BackendState => ({ down: new Set([1]), rr: createRrState(), table: null })
const req = (over: Partial<HaproxyRequest> = {}): HaproxyRequest => ({
  src: parseIp('203.0.113.7').bytes,
  cookie: null,
  nowMs: 1_796_000_000_000,
  connects: (i) => !DEAD.has(i),
  ...over,
})
const name = (i: number | null): string | null => (i === null ? null : (servers[i]?.name ?? null))

describe('insert cookie through a request', () => {
  it('a valid cookie goes to its server with no Set-Cookie (drain servers keep their holders)', () => {
    for (const c of ['web1', 'web3', 'web6']) {
      const r = simulateHaproxyRequest(cfg(), state(), req({ cookie: c }))
      expect([name(r.server), r.status, r.setCookie, r.via]).toEqual([c, 200, null, 'cookie'])
    }
  })

  it('a cookie naming a DOWN or maint server is ignored: the balancer picks (here the dead web4: 503)', () => {
    for (const c of ['web2', 'web5', 'nosuch', '']) {
      const r = simulateHaproxyRequest(cfg(), state(), req({ cookie: c }))
      expect([r.status, r.attempts.map(name)]).toEqual([503, ['web4', 'web4', 'web4', 'web4']])
    }
  })

  it('without check, a dead cookie server gets the connection and 3 retries; with map-based hashing the redispatch lands on it again', () => {
    const withRedispatch = simulateHaproxyRequest(cfg(), state(), req({ cookie: 'web4' }))
    expect([withRedispatch.status, withRedispatch.redispatched, withRedispatch.attempts.length]).toEqual([503, true, 4])
    const without = simulateHaproxyRequest(cfg({ redispatch: false }), state(), req({ cookie: 'web4' }))
    expect([without.status, without.redispatched, without.attempts.map(name)]).toEqual([503, false, ['web4', 'web4', 'web4', 'web4']])
  })

  it('with consistent hashing the redispatch walks the ring to another server and sets a new cookie', () => {
    const r = simulateHaproxyRequest(cfg({ hashType: parseHashType('consistent') }), state(), req({ cookie: 'web4' }))
    expect(r.attempts.slice(0, 3).map(name)).toEqual(['web4', 'web4', 'web4'])
    expect(r.redispatched).toBe(true)
    expect(r.status).toBe(200)
    expect(r.setCookie).toBe(`SERVERID=${name(r.server)}; path=/`)
  })

  it('option persist follows a maint server (it answers), and leaves a DOWN one at the first failure when redispatch is on', () => {
    const maint = simulateHaproxyRequest(cfg({ persist: true }), state(), req({ cookie: 'web5' }))
    expect([name(maint.server), maint.status, maint.setCookie]).toEqual(['web5', 200, null])
    const down = simulateHaproxyRequest(cfg({ persist: true }), state(), req({ cookie: 'web2' }))
    expect(down.attempts.map(name)).toEqual(['web2', 'web4', 'web4', 'web4'])
    const noRedispatch = simulateHaproxyRequest(cfg({ persist: true, redispatch: false }), state(), req({ cookie: 'web2' }))
    expect(noRedispatch.attempts.map(name)).toEqual(['web2', 'web2', 'web2', 'web2'])
  })

  it('a new client gets a cookie; nocache adds Cache-control: private only if the response is cacheable', () => {
    const up = req({ src: parseIp('10.0.0.2').bytes }) // map [web1, web3, web4]: 0x0a000002 mod 3 = 0 → web1
    const plain = simulateHaproxyRequest(cfg(), state(), up)
    expect([plain.status, plain.setCookie, plain.cacheControl]).toEqual([200, `SERVERID=${name(plain.server)}; path=/`, null])
    const cacheable = simulateHaproxyRequest(cfg(), state(), { ...up, response: { status: 200, headers: [['Cache-Control', 'max-age=60']] } })
    expect(cacheable.cacheControl).toBe('private')
  })

  it('retries N means N + 1 connection attempts', () => {
    const r = simulateHaproxyRequest(cfg({ redispatch: false, retries: 1 }), state(), req({ cookie: 'web4' }))
    expect(r.attempts).toHaveLength(2)
  })
})

describe('stick on src through a request', () => {
  it('stores the first server and keeps the client there even when the hash would change', () => {
    const c = cfg({ cookie: null, balance: parseBalance('hdr(X-Key)') })
    const s: BackendState = { down: new Set([1]), rr: createRrState(), table: createStickTable('ip', 30_000) }
    const first = simulateHaproxyRequest(c, s, req({ headers: ['alice'], connects: (i) => !DEAD.has(i), nowMs: 0 }))
    const again = simulateHaproxyRequest(c, s, req({ headers: ['bob-and-others'], nowMs: 1000 }))
    if (first.status === 200) {
      expect(again.server).toBe(first.server)
      expect(again.via).toBe('stick')
    }
    const later = simulateHaproxyRequest(c, s, req({ headers: ['zed'], nowMs: 40_000 }))
    expect(later.via).toBe('balance')
  })

  it('a cookie wins over the stick table', () => {
    const s: BackendState = { down: new Set([1]), rr: createRrState(), table: createStickTable('ip', 30_000) }
    simulateHaproxyRequest(cfg(), s, req({ cookie: 'web3' }))
    const r = simulateHaproxyRequest(cfg(), s, req({ cookie: 'web1' }))
    expect([name(r.server), r.via]).toEqual(['web1', 'cookie'])
  })
})
