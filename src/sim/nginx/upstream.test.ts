import { describe, expect, it } from 'vitest'
import { parseNginxSeconds } from './duration.ts'
import { parseUpstream, UpstreamParseError } from './upstream.ts'

describe('parseUpstream', () => {
  it('parses the lab syntax with nginx defaults', () => {
    expect(parseUpstream('10.0.0.1:80 weight=2; 10.0.0.2:80 down; 10.0.0.3:80')).toEqual([
      { name: '10.0.0.1:80', weight: 2, down: false, maxFails: 1, failTimeoutMs: 10_000 },
      { name: '10.0.0.2:80', weight: 1, down: true, maxFails: 1, failTimeoutMs: 10_000 },
      { name: '10.0.0.3:80', weight: 1, down: false, maxFails: 1, failTimeoutMs: 10_000 },
    ])
  })

  it('tolerates "server", a trailing ";", newlines and extra spaces', () => {
    const list = parseUpstream('server 10.0.0.1:80;\n  server   10.0.0.2:80  max_fails=3 fail_timeout=30s ;')
    expect(list.map((s) => s.name)).toEqual(['10.0.0.1:80', '10.0.0.2:80'])
    expect(list[1]).toMatchObject({ maxFails: 3, failTimeoutMs: 30_000 })
  })

  it('keeps names exactly as written (the consistent-hash ring depends on them)', () => {
    expect(parseUpstream('backend1.example.com:8080; [2001:db8::1]:80; unix:/tmp/app.sock; app').map((s) => s.name)).toEqual([
      'backend1.example.com:8080',
      '[2001:db8::1]:80',
      'unix:/tmp/app.sock',
      'app',
    ])
  })

  it('reads fail_timeout like nginx: bare seconds, units, combinations, 0', () => {
    const ft = (v: string): number | undefined => parseUpstream(`a:1 fail_timeout=${v}`)[0]?.failTimeoutMs
    expect(ft('10')).toBe(10_000)
    expect(ft('10s')).toBe(10_000)
    expect(ft('2m')).toBe(120_000)
    expect(ft('1m30s')).toBe(90_000)
    expect(ft('1h')).toBe(3_600_000)
    expect(ft('0')).toBe(0)
    expect(parseUpstream('a:1 max_fails=0')[0]?.maxFails).toBe(0)
  })

  it.each([
    ['', 'no servers in upstream'],
    [' ; ;', 'no servers in upstream'],
    ['server ;', '"server" needs an address, e.g. "server 10.0.0.1:80;"'],
    ['10.0.0.1:80 weight=0', 'invalid parameter "weight=0" (weight must be a whole number from 1)'],
    ['10.0.0.1:80 weight=-1', 'invalid parameter "weight=-1" (weight must be a whole number from 1)'],
    ['10.0.0.1:80 weight=abc', 'invalid parameter "weight=abc" (weight must be a whole number from 1)'],
    ['10.0.0.1:80 weight=1001', 'invalid parameter "weight=1001" (the simulator allows weights up to 1000)'],
    ['10.0.0.1:80 weight', 'invalid parameter "weight"'],
    ['10.0.0.1:80 max_fails=x', 'invalid parameter "max_fails=x" (max_fails must be a whole number, 0 or more)'],
    ['10.0.0.1:80 fail_timeout=soon', 'invalid parameter "fail_timeout=soon" (expected a time such as 10s or 1m)'],
    ['10.0.0.1:80 fail_timeout=500ms', 'invalid parameter "fail_timeout=500ms" (nginx counts fail_timeout in whole seconds)'],
    ['10.0.0.1:80 backup', 'balancing method does not support parameter "backup"'],
    ['10.0.0.1:80 max_conns=10', 'parameter "max_conns=10" is not supported by the simulator'],
    ['10.0.0.1:80 heavy', 'invalid parameter "heavy"'],
    ['weight=2', '"weight=2" is not a server address (expected host:port before the parameters)'],
    ['10.0.0.1:99999', 'invalid port in upstream "10.0.0.1:99999"'],
    ['10.0.0.1:0', 'invalid port in upstream "10.0.0.1:0"'],
    ['10.0.0.1:http', 'invalid port in upstream "10.0.0.1:http"'],
    ['unix:', 'no path in "unix:"'],
  ])('rejects %j', (text, message) => {
    expect(() => parseUpstream(text)).toThrow(UpstreamParseError)
    expect(() => parseUpstream(text)).toThrow(message)
  })
})

describe('parseNginxSeconds', () => {
  it('accepts what `nginx -t` accepts and refuses the rest', () => {
    expect(parseNginxSeconds('1d2h')).toBe(93_600)
    expect(parseNginxSeconds('1m30')).toBe(90)
    expect(parseNginxSeconds('30s1m')).toBeNull() // units must shrink
    expect(parseNginxSeconds('1500ms')).toBeNull()
    expect(parseNginxSeconds('')).toBeNull()
    expect(parseNginxSeconds('1 s')).toBeNull()
  })
})
