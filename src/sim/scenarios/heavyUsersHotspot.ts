import type { Scenario } from './scenario.ts'

export const heavyUsersHotspot: Scenario = {
  id: 'heavy-users-hotspot',
  title: 'Heavy users stuck together',
  lesson: 'the-four-risks',
  // Seed 6: the office /24 shares a server with a normal share of other users.
  seed: 6,
  config: {
    servers: 4,
    users: 20,
    lb: 'nginx',
    policy: 'ip-hash',
    storage: 'memory',
    natGroups: [{ size: 5, ip: '192.0.2.10', subnet: true, heavy: true }],
  },
  script: [],
  durationMs: 120_000,
}
