import type { Scenario } from './scenario.ts'

export const affinityTtlExpiry: Scenario = {
  id: 'affinity-ttl-expiry',
  title: 'When the affinity cookie expires',
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
