import { describe, expect, it } from 'vitest'
import { isCacheable } from './cacheable.ts'
import { matchCookie, parseCookieDirective, readCookie, setCookieHeader, type CookieRead } from './cookie.ts'
import { b64tos30, encodeDate, s30tob64 } from './cookieDate.ts'
import { parseBackend } from './servers.ts'
import { viewOf } from './view.ts'

const NOW = 1_796_000_000 // a second in 2026
const plain = parseCookieDirective('SERVERID insert indirect nocache')
const servers = parseBackend('web1 cookie web1; web2 cookie web2 drain; web3 cookie web3 maint; web4 cookie web4; web5')
const none: CookieRead = { serverPart: null, lastDate: 0, firstDate: 0, verdict: 'absent' }

describe('cookie directive', () => {
  it('reads insert options, domains and attributes', () => {
    const c = parseCookieDirective('SRV insert indirect nocache httponly secure domain .a.com domain .b.com attr SameSite=Lax attr Max-Age=60 maxidle 30m maxlife 1h')
    expect(c).toMatchObject({ name: 'SRV', indirect: true, nocache: true, httponly: true, secure: true, domains: ['.a.com', '.b.com'], attrs: ['SameSite=Lax', 'Max-Age=60'], maxidle: 1800, maxlife: 3600 })
  })

  it.each([
    ['SRV', 'only "cookie <name> insert …" is modelled'],
    ['SRV rewrite', 'cookie mode "rewrite" is not modelled (only insert)'],
    ['SRV insert maxidle x', 'cookie maxidle needs a duration in seconds (e.g. 30m), got "x"'],
    ['SRV insert attr a;b', 'cookie attr needs a value without ";"'],
  ])('%s → %s', (text, message) => {
    expect(() => parseCookieDirective(text)).toThrow(message)
  })
})

describe('dates in the value', () => {
  it('are seconds / 4 in 5 base64 digits, written as now rounded up to a 4-second step', () => {
    expect(s30tob64(0)).toBe('AAAAA')
    expect(b64tos30(s30tob64(123456789))).toBe(123456789)
    expect(b64tos30('!!!!!')).toBe(-1)
    expect(b64tos30(encodeDate(NOW)) << 2).toBe(NOW) // NOW is a multiple of 4
  })

  it('are ignored on HAProxy’s side once too old (maxlife) or idle too long (maxidle)', () => {
    const c = parseCookieDirective('S insert maxidle 30 maxlife 300')
    expect(readCookie(c, `web1|${encodeDate(NOW - 10)}`, NOW)).toMatchObject({ serverPart: 'web1', verdict: 'read' })
    expect(readCookie(c, `web1|${encodeDate(NOW - 60)}`, NOW)).toMatchObject({ serverPart: null, verdict: 'expired' })
    expect(readCookie(c, `web1|${encodeDate(NOW - 10)}|${encodeDate(NOW - 400)}`, NOW)).toMatchObject({ serverPart: null, verdict: 'old' })
    expect(readCookie(c, `web1|${encodeDate(NOW + 90000)}`, NOW)).toMatchObject({ verdict: 'expired' }) // > 1 day ahead
    expect(readCookie(plain, `web1|${encodeDate(NOW - 9999)}`, NOW)).toMatchObject({ serverPart: 'web1', verdict: 'read' }) // no maxidle: kept
  })
})

describe('matchCookie', () => {
  const view = viewOf(servers, new Set([3]))
  const read = (v: string | null) => readCookie(plain, v, NOW)
  it('follows a running server, drain included; maint and DOWN only with option persist', () => {
    expect(matchCookie(read('web1'), view, false)).toEqual({ kind: 'valid', server: 0 })
    expect(matchCookie(read('web2'), view, false)).toEqual({ kind: 'valid', server: 1 })
    expect(matchCookie(read('web3'), view, false)).toEqual({ kind: 'down' })
    expect(matchCookie(read('web3'), view, true)).toEqual({ kind: 'down-persist', server: 2 })
    expect(matchCookie(read('web4'), view, false)).toEqual({ kind: 'down' })
    expect(matchCookie(read('nope'), view, false)).toEqual({ kind: 'invalid' })
    expect(matchCookie(read(''), view, false)).toEqual({ kind: 'none' })
    expect(matchCookie(read(null), view, false)).toEqual({ kind: 'none' })
  })
})

describe('setCookieHeader', () => {
  const web1 = servers[0]!
  it('is sent when the balancer chose, not when a valid cookie did (plain insert does not resend it)', () => {
    expect(setCookieHeader(plain, { server: web1, direct: false, read: none, nowSec: NOW, method: 'GET' })).toBe('SERVERID=web1; path=/')
    expect(setCookieHeader(plain, { server: web1, direct: true, read: readCookie(plain, 'web1', NOW), nowSec: NOW, method: 'GET' })).toBeNull()
  })

  it('writes domain, HttpOnly, Secure and attr in that order; a session cookie unless attr says otherwise', () => {
    const c = parseCookieDirective('SRV insert httponly secure domain .example.com attr SameSite=Lax attr Max-Age=3600')
    expect(setCookieHeader(c, { server: web1, direct: false, read: none, nowSec: NOW, method: 'GET' })).toBe(
      'SRV=web1; path=/; domain=.example.com; HttpOnly; Secure; SameSite=Lax; Max-Age=3600',
    )
  })

  it('with maxidle / maxlife, writes the dates and refreshes the cookie once its last date has passed', () => {
    const c = parseCookieDirective('S insert maxidle 30 maxlife 300')
    const d = encodeDate(NOW)
    expect(setCookieHeader(c, { server: web1, direct: false, read: none, nowSec: NOW, method: 'GET' })).toBe(`S=web1|${d}|${d}; path=/`)
    const stale = readCookie(c, `web1|${encodeDate(NOW - 10)}|${encodeDate(NOW - 100)}`, NOW)
    expect(setCookieHeader(c, { server: web1, direct: true, read: stale, nowSec: NOW, method: 'GET' })).toBe(`S=web1|${d}|${encodeDate(NOW - 100)}; path=/`)
    const fresh = readCookie(c, `web1|${encodeDate(NOW + 20)}|${encodeDate(NOW - 100)}`, NOW)
    expect(setCookieHeader(c, { server: web1, direct: true, read: fresh, nowSec: NOW, method: 'GET' })).toBeNull()
  })

  it('resends without dates a cookie that carries dates the config no longer asks for', () => {
    const dated = readCookie(plain, `web1|${encodeDate(NOW - 10)}`, NOW)
    expect(setCookieHeader(plain, { server: web1, direct: true, read: dated, nowSec: NOW, method: 'GET' })).toBe('SERVERID=web1; path=/')
  })

  it('tells the browser to drop the cookie for a server without a cookie value; postonly waits for a POST', () => {
    expect(setCookieHeader(plain, { server: servers[4]!, direct: false, read: none, nowSec: NOW, method: 'GET' })).toBe(
      'SERVERID=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/',
    )
    const post = parseCookieDirective('S insert postonly')
    expect(setCookieHeader(post, { server: web1, direct: false, read: none, nowSec: NOW, method: 'GET' })).toBeNull()
    expect(setCookieHeader(post, { server: web1, direct: false, read: none, nowSec: NOW, method: 'POST' })).toBe('S=web1; path=/')
  })
})

describe('isCacheable (nocache adds "Cache-control: private" only to cacheable responses)', () => {
  it.each([
    ['GET', 200, [], false], // no freshness and no validator: not cacheable
    ['GET', 200, [['Cache-Control', 'max-age=60']], true],
    ['GET', 200, [['ETag', '"x"']], true],
    ['GET', 200, [['Last-Modified', 'Wed, 21 Oct 2015 07:28:00 GMT']], true],
    ['GET', 200, [['Expires', 'Wed, 21 Oct 2037 07:28:00 GMT']], true],
    ['GET', 200, [['Cache-Control', 'private, max-age=60']], false],
    ['GET', 200, [['Cache-Control', 'max-age=0']], false],
    ['GET', 200, [['Pragma', 'no-cache'], ['Cache-Control', 'max-age=60']], false],
    ['POST', 200, [['Cache-Control', 'max-age=60']], false],
    ['POST', 200, [['Cache-Control', 'public, max-age=60']], true],
    ['GET', 302, [['Cache-Control', 'max-age=60']], false],
    ['HEAD', 404, [['ETag', '"x"']], true],
  ] as const)('%s %i %j → %s', (method, status, headers, expected) => {
    expect(isCacheable(method, status, headers)).toBe(expected)
  })
})
