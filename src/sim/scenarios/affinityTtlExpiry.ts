import type { Scenario } from './scenario.ts'

export const affinityTtlExpiry: Scenario = {
  id: 'affinity-ttl-expiry',
  title: 'When the affinity cookie expires',
  watch: 'Users step away for a minute or two; when they come back their 60-second cookie has expired and round robin may send them elsewhere.',
  claim: 'Affinity has a TTL; when it expires a user can move and lose an in-memory session (none if the TTL outlives the session).',
  lesson: 'techniques',
  // Seed 5: several users take breaks longer than the TTL within the first three minutes.
  seed: 5,
  config: {
    servers: 3,
    users: 12,
    lb: 'haproxy',
    policy: 'cookie',
    storage: 'memory',
    cookie: { ttlMs: 60_000, mode: 'sliding' },
    breakChance: 0.6,
    breakMs: 120_000,
  },
  script: [],
  durationMs: 480_000,
}
