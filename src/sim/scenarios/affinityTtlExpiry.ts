import type { Scenario } from './scenario.ts'

export const affinityTtlExpiry: Scenario = {
  id: 'affinity-ttl-expiry',
  title: 'When the affinity cookie expires',
  watch: 'Users step away for a minute or two; when they come back their 60-second cookie has expired and round robin may send them elsewhere.',
  claim: 'Affinity has a TTL; when it expires a user can move and lose an in-memory session (none if the TTL outlives the session).',
  lesson: 'techniques',
  // Seed 40: several users take breaks longer than the TTL within the first two minutes, and every
  // user is hit by the end (lesson 5 says so). Was 5 until servers got their own service-time streams.
  seed: 40,
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
