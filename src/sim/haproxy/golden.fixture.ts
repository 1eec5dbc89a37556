// Test fixtures: decisions of real HAProxy 2.6.12 (Debian bookworm) recorded by
// conformance/haproxy.conformance.ts (which replays them every run), used by the unit and CLI tests.

export const GOLDEN_BACKEND = 'web1 weight 2 id 7; web2 id 3; web3 weight 3 id 9; web4; web5'
export const GOLDEN_BACKEND_STATES = 'web1 weight 2 id 7; web2 id 3 maint; web3 weight 3 id 9 drain; web4; web5'

export const GOLDEN_IPS = [
  '203.0.113.7',
  '198.51.100.23',
  '10.0.0.1',
  '192.168.1.10',
  '8.8.8.8',
  '2001:db8::1',
  '::1',
  '::ffff:192.0.2.128',
  'fd00::abcd:1',
  '2a02:c7f:abcd:10::5',
] as const

export const GOLDEN_KEYS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'session-1', 'session-2', '42', '/index.html'] as const

export interface GoldenCase {
  balance: 'source' | 'hdr(X-User-Id)'
  hashType: string
  backend: string
  /** The server HAProxy chose for each of GOLDEN_IPS (source) or GOLDEN_KEYS (hdr), in order. */
  expected: readonly string[]
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { balance: 'source', hashType: 'map-based', backend: GOLDEN_BACKEND, expected: ['web5', 'web5', 'web2', 'web3', 'web1', 'web2', 'web2', 'web5', 'web2', 'web3'] },
  { balance: 'source', hashType: 'consistent', backend: GOLDEN_BACKEND, expected: ['web3', 'web2', 'web4', 'web3', 'web1', 'web1', 'web2', 'web5', 'web1', 'web3'] },
  { balance: 'source', hashType: 'map-based', backend: GOLDEN_BACKEND_STATES, expected: ['web5', 'web5', 'web1', 'web4', 'web1', 'web1', 'web1', 'web5', 'web1', 'web4'] },
  { balance: 'source', hashType: 'consistent', backend: GOLDEN_BACKEND_STATES, expected: ['web4', 'web5', 'web4', 'web4', 'web1', 'web1', 'web1', 'web5', 'web1', 'web1'] },
  { balance: 'hdr(X-User-Id)', hashType: 'map-based', backend: GOLDEN_BACKEND, expected: ['web1', 'web3', 'web2', 'web3', 'web3', 'web3', 'web3', 'web1', 'web4', 'web4'] },
  { balance: 'hdr(X-User-Id)', hashType: 'consistent', backend: GOLDEN_BACKEND, expected: ['web3', 'web3', 'web1', 'web1', 'web4', 'web4', 'web1', 'web3', 'web1', 'web4'] },
  { balance: 'hdr(X-User-Id)', hashType: 'map-based', backend: GOLDEN_BACKEND_STATES, expected: ['web1', 'web1', 'web1', 'web1', 'web4', 'web4', 'web4', 'web5', 'web4', 'web4'] },
  { balance: 'hdr(X-User-Id)', hashType: 'consistent', backend: GOLDEN_BACKEND_STATES, expected: ['web4', 'web4', 'web1', 'web1', 'web4', 'web4', 'web1', 'web1', 'web1', 'web4'] },
  { balance: 'hdr(X-User-Id)', hashType: 'consistent djb2', backend: GOLDEN_BACKEND, expected: ['web3', 'web4', 'web3', 'web1', 'web1', 'web3', 'web2', 'web2', 'web3', 'web1'] },
  { balance: 'hdr(X-User-Id)', hashType: 'map-based crc32 avalanche', backend: GOLDEN_BACKEND, expected: ['web1', 'web3', 'web3', 'web4', 'web1', 'web3', 'web3', 'web3', 'web1', 'web3'] },
]
