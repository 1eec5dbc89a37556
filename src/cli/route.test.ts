import { describe, expect, it } from 'vitest'
import { GOLDEN_HASH, GOLDEN_IP_HASH, GROUPS } from '../sim/nginx/golden.fixture.ts'
import { routeCommand } from './route.ts'

const UP = '10.0.0.1:80 weight=2; 10.0.0.2:80 down; 10.0.0.3:80'

const run = (...args: string[]) => routeCommand(args)
const lines = (...args: string[]): string[] => {
  const r = routeCommand(args)
  expect(r).toMatchObject({ code: 0, stderr: '' })
  return r.stdout.trimEnd().split('\n')
}
const keyArgs = (keys: readonly string[]): string[] => keys.flatMap((k) => ['--key', k])
const ports = (out: string[]): (string | undefined)[] => out.map((l) => l.split(':')[1])

describe('route: output', () => {
  it('prints one server per key, exactly as written, in key order', () => {
    const r = run('--policy', 'ip-hash', '--upstream', UP, '--key', '203.0.113.7', '--key', '198.51.100.1')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout).toMatch(/^10\.0\.0\.[13]:80\n10\.0\.0\.[13]:80\n$/)
  })

  it('accepts --flag=value', () => {
    expect(lines('--policy=hash', `--upstream=${GROUPS.mod3}`, '--key=alice')).toEqual(['127.0.0.1:18082'])
  })

  it('round-robins empty keys with one shared state, like nginx (O10)', () => {
    expect(ports(lines('--policy', 'hash', '--upstream', GROUPS.mod3, ...keyArgs(['', '', '', ''])))).toEqual([
      '18081',
      '18082',
      '18083',
      '18081',
    ])
  })

  it('prints "no live upstreams" when nothing is usable, still exiting 0', () => {
    const r = run('--policy', 'hash', '--upstream', 'a:1; b:1', '--key', 'x', '--failed', 'a:1', '--failed', 'b:1')
    expect(r).toEqual({ stdout: 'no live upstreams\n', stderr: '', code: 0 })
  })

  it('prints usage for --help', () => {
    const r = run('--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('usage: route [--lb nginx] --policy')
  })
})

describe('route: golden vectors of real nginx 1.22.1', () => {
  const ips = GOLDEN_IP_HASH.map((row) => row[0])
  it.each([
    ['iph3', GROUPS.iph3, 1],
    ['iph3d', GROUPS.iph3d, 2],
    ['iphw', GROUPS.iphw, 3],
  ] as const)('ip-hash %s', (_, upstream, column) => {
    expect(ports(lines('--policy', 'ip-hash', '--upstream', upstream, ...keyArgs(ips)))).toEqual(GOLDEN_IP_HASH.map((row) => row[column]))
  })

  const keys = GOLDEN_HASH.map((row) => row[0])
  it.each([
    ['hash', 'mod3', GROUPS.mod3, 1],
    ['hash', 'mod2', GROUPS.mod2, 2],
    ['hash-consistent', 'ch3', GROUPS.ch3, 3],
    ['hash-consistent', 'ch2', GROUPS.ch2, 4],
    ['hash-consistent', 'ch4', GROUPS.ch4, 5],
  ] as const)('%s %s', (policy, _, upstream, column) => {
    expect(ports(lines('--policy', policy, '--upstream', upstream, ...keyArgs(keys)))).toEqual(GOLDEN_HASH.map((row) => row[column]))
  })
})

describe('route: --failed', () => {
  it('applies nginx\'s next choice (failed behaves like down for routing)', () => {
    const ips = GOLDEN_IP_HASH.map((row) => row[0])
    const failed = lines('--policy', 'ip-hash', '--upstream', GROUPS.iph3, '--failed', '127.0.0.1:18082', ...keyArgs(ips))
    expect(ports(failed)).toEqual(GOLDEN_IP_HASH.map((row) => row[2])) // = the iph3d column
  })

  it('is ignored for a one-server group (nginx never fails it)', () => {
    expect(lines('--policy', 'hash', '--upstream', 'a:1', '--failed', 'a:1', '--key', 'k')).toEqual(['a:1'])
  })
})

describe('route: --explain', () => {
  it('indents the steps under each result', () => {
    const out = lines('--policy', 'ip-hash', '--upstream', GROUPS.iph3d, '--key', '1.2.3.4', '--key', '10.0.0.1', '--explain')
    expect(out[0]).toBe('127.0.0.1:18083')
    expect(out.slice(1, 6)).toEqual([
      '  key bytes 1.2.3 (first 3 octets of the IPv4 address)',
      expect.stringMatching(/^ {2}hash\(1\.2\.3\.x\) = \d+ → weight slot \d+ mod 3 = 1 → 127\.0\.0\.1:18082$/),
      '  127.0.0.1:18082 is marked down → hash again',
      expect.stringMatching(/^ {2}hash again = \d+ → weight slot \d+ mod 3 = 2 → 127\.0\.0\.1:18083$/),
      '  → 127.0.0.1:18083',
    ])
    expect(out[6]).toBe('127.0.0.1:18081')
    expect(out.slice(7).every((l) => l.startsWith('  '))).toBe(true)
  })

  it('explains failed servers and the round-robin fallback for empty keys', () => {
    const out = lines('--policy', 'hash', '--upstream', GROUPS.mod3, '--failed', '127.0.0.1:18082', '--key', 'alice', '--key', '', '--explain')
    expect(out).toContain('  127.0.0.1:18082 is failing (disabled for fail_timeout) → rehash')
    expect(out).toContain('  the key is empty → round robin')
  })
})

describe('route: errors', () => {
  it.each([
    [['--upstream', UP, '--key', 'k'], 'error: missing --policy (ip-hash, hash or hash-consistent)'],
    [['--policy', 'least-conn', '--upstream', UP, '--key', 'k'], 'error: unknown policy "least-conn" (expected ip-hash, hash, hash-consistent or round-robin)'],
    [['--policy', 'hash', '--key', 'k'], 'error: missing --upstream, e.g. --upstream "10.0.0.1:80; 10.0.0.2:80"'],
    [['--policy', 'hash', '--upstream', UP], 'error: missing --key (give one --key per request)'],
    [['--policy', 'hash', '--upstream', '10.0.0.1:80 weight=0', '--key', 'k'], 'error: --upstream: invalid parameter "weight=0" (weight must be a whole number from 1)'],
    [['--policy', 'hash', '--upstream', '10.0.0.1:80 backup', '--key', 'k'], 'error: --upstream: balancing method does not support parameter "backup"'],
    [['--policy', 'hash', '--upstream', '', '--key', 'k'], 'error: --upstream: no servers in upstream'],
    [['--policy', 'ip-hash', '--upstream', UP, '--key', '1.2.3'], 'error: --key: "1.2.3" is not an IP address (IPv4 needs 4 dot-separated numbers)'],
    [['--policy', 'ip-hash', '--upstream', UP, '--key', ''], 'error: --key: empty IP address'],
    [['--policy', 'hash', '--upstream', UP, '--key', 'k', '--failed', '10.0.0.9:80'], 'error: --failed "10.0.0.9:80" is not a server of the upstream (servers: 10.0.0.1:80, 10.0.0.2:80, 10.0.0.3:80)'],
    [['--policy', 'hash', '--upstream', UP, '--key', 'k', '--verbose'], 'error: unknown option "--verbose" (see route --help)'],
    [['--policy', 'hash', '--upstream', UP, 'stray'], 'error: unexpected argument "stray"'],
    [['--policy', 'hash', '--upstream', UP, '--key'], 'error: --key needs a value'],
    [['--policy', '--upstream', UP], 'error: --policy needs a value'],
    [['--policy', 'hash', '--policy', 'hash', '--upstream', UP, '--key', 'k'], 'error: --policy given twice'],
    [['--policy', 'hash', '--upstream', UP, '--key', 'k', '--explain=yes'], 'error: --explain takes no value'],
  ])('%j', (args, message) => {
    const r = routeCommand(args)
    expect(r).toEqual({ stdout: '', stderr: `${message}\n`, code: 2 })
  })
})
