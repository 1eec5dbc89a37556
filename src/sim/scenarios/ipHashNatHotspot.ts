import type { Scenario } from './scenario.ts'

export const ipHashNatHotspot: Scenario = {
  id: 'ip-hash-nat-hotspot',
  title: 'IP hash and the carrier-grade NAT',
  lesson: 'techniques',
  // Seed 3: the CGNAT address hashes to a different server than most individual users.
  seed: 3,
  config: {
    servers: 4,
    users: 16,
    lb: 'nginx',
    policy: 'ip-hash',
    storage: 'memory',
    natGroups: [{ size: 30, ip: '100.64.10.7' }],
  },
  script: [],
  durationMs: 120_000,
}
