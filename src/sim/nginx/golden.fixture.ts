// Test fixtures: decisions of real nginx 1.22.1 (docs/facts/nginx.md, "Reference answers from real
// nginx"), used by the unit and CLI tests. The O-numbers in test names (O7, O9, O10, …) are the
// observations listed on that page.

import { createPeerHealth, peerViewAt } from './peerHealth.ts'
import { createPicker, type NginxMethod } from './picker.ts'
import { createRoundRobinState } from './roundRobin.ts'
import { parseUpstream, type UpstreamServer } from './upstream.ts'

export const B1 = '127.0.0.1:18081'
export const B2 = '127.0.0.1:18082'
export const B3 = '127.0.0.1:18083'
export const B4 = '127.0.0.1:18084'

/** The upstream groups of docs/facts/nginx.md ("Reference answers from real nginx"), in the lab's one-line syntax. */
export const GROUPS = {
  iph3: `${B1}; ${B2}; ${B3}`,
  iph3d: `${B1}; ${B2} down; ${B3}`,
  iph2: `${B1}; ${B3}`,
  iphw: `${B1} weight=3; ${B2}; ${B3} weight=2`,
  mod3: `${B1}; ${B2}; ${B3}`,
  mod2: `${B1}; ${B3}`,
  ch3: `${B1}; ${B2}; ${B3}`,
  ch2: `${B1}; ${B3}`,
  ch4: `${B1}; ${B2}; ${B3}; ${B4}`,
} as const

/** client IP → port chosen by nginx for iph3, iph3d, iphw. */
export const GOLDEN_IP_HASH: readonly [string, string, string, string][] = [
  ['1.2.3.4', '18082', '18083', '18081'],
  ['1.2.3.200', '18082', '18083', '18081'],
  ['8.8.8.8', '18083', '18083', '18083'],
  ['10.0.0.1', '18081', '18081', '18082'],
  ['100.64.0.1', '18082', '18081', '18081'],
  ['172.16.5.4', '18082', '18083', '18083'],
  ['192.168.1.10', '18082', '18083', '18083'],
  ['203.0.113.7', '18081', '18081', '18081'],
  ['2001:db8::1', '18083', '18083', '18081'],
  ['::1', '18083', '18083', '18083'],
]

/** `?k=` key → port chosen by nginx for mod3, mod2, ch3, ch2, ch4. */
export const GOLDEN_HASH: readonly [string, string, string, string, string, string][] = [
  ['alice', '18082', '18081', '18083', '18083', '18084'],
  ['bob', '18083', '18083', '18083', '18083', '18083'],
  ['carol', '18081', '18081', '18081', '18081', '18081'],
  ['dave', '18081', '18081', '18081', '18081', '18084'],
  ['erin', '18082', '18081', '18083', '18083', '18083'],
  ['frank', '18083', '18083', '18081', '18081', '18084'],
  ['session-1', '18083', '18081', '18083', '18083', '18084'],
  ['session-2', '18082', '18083', '18082', '18081', '18084'],
  ['42', '18083', '18081', '18081', '18081', '18081'],
  ['/index.html', '18083', '18081', '18083', '18083', '18083'],
]

export function servers(text: string): UpstreamServer[] {
  return parseUpstream(text)
}

/** The server a fresh upstream (no failures, round robin at rest) picks first for `key`. */
export function firstPick(method: NginxMethod, list: readonly UpstreamServer[], key: string): string | null {
  const picker = createPicker(method, peerViewAt(createPeerHealth(list), 0), key, createRoundRobinState(list))
  const { index } = picker.next()
  return index === null ? null : (list[index]?.name ?? null)
}

/** Port part of "127.0.0.1:18082". */
export const port = (name: string | null): string | undefined => name?.split(':')[1]

/** Deterministic pseudo-random 32-bit integers for bulk tests (xorshift32). */
export function* pseudoRandom(seed: number): Generator<number, never> {
  let x = seed >>> 0 || 1
  for (;;) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    yield x
  }
}
