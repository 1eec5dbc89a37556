import { describe, expect, it } from 'vitest'
import { parseIp } from '../nginx/ip.ts'
import { balancePick, createLb, createRrState, firstHeaderValue, formatHashType, parseBalance, parseHashType, sourceKey } from './balance.ts'
import { parseBackend } from './servers.ts'
import { viewOf } from './view.ts'

describe('hash-type and balance', () => {
  it('defaults: sdbm; a bare "consistent" adds avalanche, an explicit function does not', () => {
    expect(parseHashType('map-based')).toEqual({ type: 'map-based', fn: 'sdbm', avalanche: false })
    expect(parseHashType('consistent')).toEqual({ type: 'consistent', fn: 'sdbm', avalanche: true })
    expect(parseHashType('consistent sdbm')).toEqual({ type: 'consistent', fn: 'sdbm', avalanche: false })
    expect(parseHashType('map-based crc32 avalanche')).toEqual({ type: 'map-based', fn: 'crc32', avalanche: true })
    expect(formatHashType(parseHashType('consistent'))).toBe('consistent')
    expect(formatHashType(parseHashType('consistent sdbm'))).toBe('consistent sdbm')
  })

  it('parses source and hdr(name)', () => {
    expect(parseBalance('source')).toEqual({ kind: 'source' })
    expect(parseBalance('hdr(X-User-Id)')).toEqual({ kind: 'hdr', header: 'X-User-Id' })
    expect(parseBalance('roundrobin')).toEqual({ kind: 'roundrobin' })
    expect(() => parseBalance('uri')).toThrow('balance must be "source", "hdr(<name>)" or "roundrobin"')
  })
})

describe('keys', () => {
  it('source: IPv4 is the address as a number; IPv6 XORs its four words', () => {
    expect(sourceKey(parseIp('203.0.113.7').bytes)).toBe(0xcb007107)
    expect(sourceKey(parseIp('2001:db8::1').bytes)).toBe((0x20010db8 ^ 1) >>> 0)
    expect(sourceKey(parseIp('::ffff:1.2.3.4').bytes)).toBe((0xffff ^ 0x01020304) >>> 0)
  })

  it('hdr: the first occurrence, its first comma-separated element, blanks trimmed, quotes respected', () => {
    expect(firstHeaderValue(['alice'])).toBe('alice')
    expect(firstHeaderValue(['  alice , bob'])).toBe('alice')
    expect(firstHeaderValue(['"a,b", c'])).toBe('"a,b"')
    expect(firstHeaderValue(['a b'])).toBe('a b')
    expect(firstHeaderValue([', bob'])).toBe('')
    expect(firstHeaderValue(['first', 'second'])).toBe('first')
    expect(firstHeaderValue([])).toBeNull()
  })
})

describe('balancePick', () => {
  const servers = parseBackend('a; b; c')
  it('does not hash when only one server is usable (hash 0)', () => {
    const lb = createLb(viewOf(servers, new Set([0, 1])), { kind: 'hdr', header: 'X' }, parseHashType('consistent'))
    const pick = balancePick(lb, { headers: [] }, createRrState())
    expect(pick.server).toBe(2)
    expect(pick.steps[0]).toBe('only one usable server: no hashing (hash 0)')
  })

  it('falls back to round robin when the header is absent or empty', () => {
    const lb = createLb(viewOf(servers), { kind: 'hdr', header: 'X' }, parseHashType('map-based'))
    const rr = createRrState()
    expect([balancePick(lb, { headers: [] }, rr).server, balancePick(lb, { headers: [''] }, rr).server]).toEqual([0, 1])
  })

  it('returns no server when none is usable', () => {
    const lb = createLb(viewOf(parseBackend('a maint; b drain')), { kind: 'source' }, parseHashType('map-based'))
    expect(balancePick(lb, { src: parseIp('1.2.3.4').bytes }, createRrState()).server).toBeNull()
  })

  it('map-based ignores the server to avoid; consistent walks past it', () => {
    const src = parseIp('10.0.0.1').bytes
    const map = createLb(viewOf(servers), { kind: 'source' }, parseHashType('map-based'))
    const first = balancePick(map, { src }, createRrState()).server
    expect(balancePick(map, { src }, createRrState(), first).server).toBe(first)
    const ring = createLb(viewOf(servers), { kind: 'source' }, parseHashType('consistent'))
    const home = balancePick(ring, { src }, createRrState()).server
    expect(balancePick(ring, { src }, createRrState(), home).server).not.toBe(home)
  })
})
