import { describe, expect, it } from 'vitest'
import { GOLDEN_CASES, GOLDEN_IPS, GOLDEN_KEYS } from '../sim/haproxy/golden.fixture.ts'
import { routeCommand } from './route.ts'

const BACKEND = 'web1 weight 2 id 7; web2 id 3 maint; web3 id 9 drain; web4'

const run = (...args: string[]) => routeCommand(['--lb', 'haproxy', ...args])
const lines = (...args: string[]): string[] => {
  const r = run(...args)
  expect(r).toMatchObject({ code: 0, stderr: '' })
  return r.stdout.trimEnd().split('\n')
}
const keyArgs = (keys: readonly string[]): string[] => keys.flatMap((k) => ['--key', k])

describe('route --lb haproxy: golden vectors of real HAProxy 2.6.12', () => {
  it.each(GOLDEN_CASES.map((c, i) => [i, c] as const))('case %i', (_, c) => {
    const keys = c.balance === 'source' ? GOLDEN_IPS : GOLDEN_KEYS
    expect(lines('--balance', c.balance, '--hash-type', c.hashType, '--backend', c.backend, ...keyArgs(keys))).toEqual(c.expected)
  })
})

describe('route --lb haproxy: output', () => {
  it('prints one server per key, named as written, in key order (the documented example)', () => {
    const r = run('--balance', 'source', '--hash-type', 'consistent', '--backend', BACKEND, '--key', '203.0.113.7', '--key', '2001:db8::1')
    expect(r).toEqual({ stdout: 'web4\nweb1\n', stderr: '', code: 0 })
  })

  it('accepts --lb=haproxy and --flag=value anywhere', () => {
    expect(routeCommand(['--balance=hdr(X-User-Id)', '--lb=haproxy', '--backend=a; b; c', '--key=alice'])).toMatchObject({ code: 0, stdout: 'c\n' })
  })

  it('falls back to one shared round robin for empty header values', () => {
    expect(lines('--balance', 'hdr(X-User-Id)', '--backend', 'a; b; c', ...keyArgs(['', '', '', '']))).toEqual(['a', 'b', 'c', 'a'])
  })

  it('--down removes a server from the map (the map is rebuilt over the others)', () => {
    const all = lines('--balance', 'source', '--backend', 'a; b; c', ...keyArgs(['10.0.0.1', '10.0.0.2', '10.0.0.3']))
    expect(all).toEqual(['c', 'a', 'b'])
    expect(lines('--balance', 'source', '--backend', 'a; b; c', '--down', 'b', ...keyArgs(['10.0.0.1', '10.0.0.2', '10.0.0.3']))).toEqual(['c', 'a', 'c'])
  })

  it('--explain shows the hash, the avalanche and the ring point', () => {
    const out = lines('--balance', 'source', '--hash-type', 'consistent', '--backend', BACKEND, '--key', '203.0.113.7', '--explain')
    expect(out).toEqual([
      'web4',
      '  source address as a 32-bit number = 0xcb007107',
      '  avalanche → 0xf213c4cf',
      expect.stringMatching(/^ {2}ring of 48 points: between 0x[0-9a-f]{8} \(.*\) and 0x[0-9a-f]{8} \(.*\), nearer 0xf3672849 \(web4 \(id 4\) point 7\)$/),
    ])
  })

  it('--explain shows the map slot for map-based', () => {
    const out = lines('--balance', 'hdr(X-User-Id)', '--backend', 'a; b weight 2', '--key', 'alice', '--explain')
    expect(out[1]).toMatch(/^ {2}sdbm\("alice"\) = 0x[0-9a-f]{8}$/)
    expect(out[2]).toMatch(/^ {2}map slot 0x[0-9a-f]{8} mod 3 = \d → [ab] \(id \d\)$/)
  })

  it('prints usage for --help', () => {
    expect(run('--help').stdout).toContain('usage: route --lb haproxy')
  })

  it('leaves the nginx route unchanged as the default and with --lb nginx', () => {
    const nginx = ['--policy', 'hash', '--upstream', '127.0.0.1:18081; 127.0.0.1:18082; 127.0.0.1:18083', '--key', 'alice']
    expect(routeCommand(nginx)).toEqual({ stdout: '127.0.0.1:18082\n', stderr: '', code: 0 })
    expect(routeCommand(['--lb', 'nginx', ...nginx])).toEqual(routeCommand(nginx))
  })
})

describe('route --lb haproxy: errors', () => {
  it.each([
    [['--backend', 'a', '--key', 'k'], 'error: missing --balance (source or "hdr(NAME)")'],
    [['--balance', 'source', '--key', '1.2.3.4'], 'error: missing --backend, e.g. --backend "web1 weight 2; web2 id 3"'],
    [['--balance', 'source', '--backend', 'a'], 'error: missing --key (give one --key per request)'],
    [['--balance', 'roundrobin', '--backend', 'a', '--key', 'k'], 'error: balance must be "source" or "hdr(<name>)", got "roundrobin"'],
    [['--balance', 'hdr()', '--backend', 'a', '--key', 'k'], 'error: hdr() needs a header name, got ""'],
    [['--balance', 'source', '--hash-type', 'ring', '--backend', 'a', '--key', '1.2.3.4'], 'error: hash-type must be "map-based" or "consistent", got "ring"'],
    [['--balance', 'source', '--hash-type', 'consistent md5', '--backend', 'a', '--key', '1.2.3.4'], 'error: hash function must be one of sdbm, djb2, wt6, crc32, got "md5"'],
    [['--balance', 'source', '--backend', 'a weight 300', '--key', '1.2.3.4'], 'error: --backend: server a: weight must be a whole number from 0 to 256, got "300"'],
    [['--balance', 'source', '--backend', 'a weight x', '--key', '1.2.3.4'], 'error: --backend: server a: weight must be a whole number from 0 to 256, got "x"'],
    [['--balance', 'source', '--backend', 'a id 0', '--key', '1.2.3.4'], 'error: --backend: server a: id must be a whole number from 1 to 2147483647, got "0"'],
    [['--balance', 'source', '--backend', 'a id 3; b id 3', '--key', '1.2.3.4'], 'error: --backend: server b: id 3 is already used by server a'],
    [['--balance', 'source', '--backend', 'a; a', '--key', '1.2.3.4'], 'error: --backend: another server named "a" was already defined; use distinct names'],
    [['--balance', 'source', '--backend', 'a backup', '--key', '1.2.3.4'], 'error: --backend: server a: unknown or unmodelled keyword "backup" (known: weight, id, cookie, maint, disabled, drain, enabled, check)'],
    [['--balance', 'source', '--backend', 'a maint; b drain; c weight 0', '--key', '1.2.3.4'], 'error: no server is ready: every server is in maint or drain, has weight 0, or is --down'],
    [['--balance', 'source', '--backend', 'a; b', '--down', 'a', '--down', 'b', '--key', '1.2.3.4'], 'error: no server is ready: every server is in maint or drain, has weight 0, or is --down'],
    [['--balance', 'source', '--backend', 'a', '--down', 'z', '--key', '1.2.3.4'], 'error: --down "z" is not a server of the backend (servers: a)'],
    [['--balance', 'source', '--backend', 'a', '--key', 'alice'], 'error: --key: "alice" is not an IP address (IPv4 needs 4 dot-separated numbers)'],
    [['--balance', 'source', '--hash-type', 'consistent', '--backend', 'a id 1; b id 1048577', '--key', '1.2.3.4'], 'error: servers a and b have ids that differ by a multiple of 1048576: their ring points collide'],
    [['--balance', 'source', '--backend', 'a', '--key', '1.2.3.4', '--policy', 'hash'], 'error: unknown option "--policy" (see route --lb haproxy --help)'],
    [['--balance', 'source', '--balance', 'source', '--backend', 'a', '--key', '1.2.3.4'], 'error: --balance given twice'],
    [['--balance', 'source', '--backend', 'a', '--key', '1.2.3.4', '--explain=1'], 'error: --explain takes no value'],
    [['--balance', 'source', '--backend', 'a', 'stray'], 'error: unexpected argument "stray"'],
  ])('%j', (args, message) => {
    expect(run(...args)).toEqual({ stdout: '', stderr: `${message}\n`, code: 2 })
  })

  it.each([
    [['--lb', 'envoy', '--policy', 'hash'], 'error: unknown --lb "envoy" (expected nginx or haproxy)'],
    [['--lb'], 'error: --lb needs a value (nginx or haproxy)'],
    [['--lb', 'haproxy', '--lb', 'nginx'], 'error: --lb given twice'],
  ])('%j', (args, message) => {
    expect(routeCommand(args)).toEqual({ stdout: '', stderr: `${message}\n`, code: 2 })
  })
})
