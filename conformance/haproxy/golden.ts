// The golden vectors of src/sim/haproxy/golden.fixture.ts as conformance groups (each run re-checks that
// real haproxy still makes the recorded choices). Set RECORD_GOLDEN=1 to print haproxy's choices instead.

import {
  createRrState,
  parseBackend,
  parseBalance,
  parseHashType,
} from '../../src/sim/haproxy/index.ts'
import { GOLDEN_CASES, GOLDEN_IPS, GOLDEN_KEYS } from '../../src/sim/haproxy/golden.fixture.ts'
import type { Group } from './groups.ts'

export interface GoldenGroup {
  group: Group
  cases: { ip: string; keys: string[]; expected: string }[]
}

export function goldenGroups(live: readonly number[]): GoldenGroup[] {
  return GOLDEN_CASES.map((c, n) => {
    const servers = parseBackend(c.backend).map((s, i) => ({ ...s, address: `127.0.0.1:${live[i % live.length]}` }))
    const balance = parseBalance(c.balance)
    const group: Group = {
      name: `golden${n}`,
      kind: 'hash',
      cfg: { servers, balance, hashType: parseHashType(c.hashType), cookie: null, persist: false, redispatch: false, retries: 3 },
      state: { down: new Set(), rr: createRrState(), table: null },
      ports: servers.map((_, i) => live[i % live.length] as number),
      dead: new Set(),
      checked: new Set(),
      drainAtStart: new Set(servers.flatMap((s, i) => (s.state === 'drain' ? [i] : []))),
      disabledInConfig: new Set(servers.flatMap((s, i) => (s.state === 'maint' ? [i] : []))),
      cookieText: null,
      stick: null,
      timed: false,
    }
    const source = balance.kind === 'source'
    const cases = (source ? GOLDEN_IPS : GOLDEN_KEYS).map((k, i) => ({
      ip: source ? k : '127.0.0.1',
      keys: source ? [] : [k],
      expected: c.expected[i] ?? '(not recorded)',
    }))
    return { group, cases }
  })
}

export function checkGolden(actual: string, expected: string): boolean {
  return process.env.RECORD_GOLDEN === '1' || actual === expected
}
