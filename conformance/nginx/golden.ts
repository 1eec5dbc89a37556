// The golden vectors of src/sim/nginx/golden.fixture.ts (real nginx 1.22.1's choices) as conformance
// groups; used only when ports 18081–18084 are free, so the server strings (and the ring) are the same.

import { GOLDEN_HASH, GOLDEN_IP_HASH, GROUPS } from '../../src/sim/nginx/golden.fixture.ts'
import { makeGroup, type Group } from './groups.ts'
import type { Input } from './inputs.ts'

export const GOLDEN_PORTS = [18081, 18082, 18083, 18084]

export function goldenGroups(): { groups: Group[]; checks: { group: Group; input: Input; port: string }[] } {
  const none = new Set<string>()
  const entries = (text: string): string[] => text.split('; ')
  const g = {
    iph3: makeGroup('goldiph3', 'ip-hash', entries(GROUPS.iph3), none),
    iph3d: makeGroup('goldiph3d', 'ip-hash', entries(GROUPS.iph3d), none),
    iphw: makeGroup('goldiphw', 'ip-hash', entries(GROUPS.iphw), none),
    mod3: makeGroup('goldmod3', 'hash', entries(GROUPS.mod3), none),
    mod2: makeGroup('goldmod2', 'hash', entries(GROUPS.mod2), none),
    ch3: makeGroup('goldch3', 'hash-consistent', entries(GROUPS.ch3), none),
    ch2: makeGroup('goldch2', 'hash-consistent', entries(GROUPS.ch2), none),
    ch4: makeGroup('goldch4', 'hash-consistent', entries(GROUPS.ch4), none),
  }
  const checks: { group: Group; input: Input; port: string }[] = []
  for (const [ip, a, b, c] of GOLDEN_IP_HASH) {
    checks.push({ group: g.iph3, input: { ip }, port: a }, { group: g.iph3d, input: { ip }, port: b })
    checks.push({ group: g.iphw, input: { ip }, port: c })
  }
  for (const [k, m3, m2, c3, c2, c4] of GOLDEN_HASH) {
    checks.push({ group: g.mod3, input: { k }, port: m3 }, { group: g.mod2, input: { k }, port: m2 })
    checks.push({ group: g.ch3, input: { k }, port: c3 }, { group: g.ch2, input: { k }, port: c2 })
    checks.push({ group: g.ch4, input: { k }, port: c4 })
  }
  return { groups: Object.values(g), checks }
}
