import { at, type Scenario } from './scenario.ts'

const BOTS = [16, 17, 18, 19, 20, 21]

export const headerSpoofing: Scenario = {
  id: 'header-spoofing',
  title: 'Forging the affinity header',
  lesson: 'techniques',
  // Seed 4: B is not already the busiest server, so the flood is easy to see.
  seed: 4,
  config: {
    servers: 4,
    users: 22,
    heavyUsers: 6,
    lb: 'nginx',
    policy: 'header',
    storage: 'memory',
    header: { name: 'X-User-Id', source: 'client' },
  },
  script: BOTS.map((user) => at(20_000, { kind: 'forgeHeader', user, target: 'B' })),
  durationMs: 90_000,
}
