import { at, type Scenario } from './scenario.ts'

export const migrationPlan: Scenario = {
  id: 'migration-plan',
  title: 'From sticky to stateless in five steps',
  lesson: 'migration-plan',
  // Seed 15: every server holds sessions before step 2.
  seed: 15,
  config: { servers: 3, users: 18, lb: 'haproxy', policy: 'cookie', storage: 'memory' },
  script: [
    at(30_000, { kind: 'setStorage', storage: 'shared' }),
    at(45_000, { kind: 'setIdempotency', on: true }),
    at(60_000, { kind: 'setAffinityTtl', ttlMs: 300_000 }),
    at(60_000, { kind: 'setCanary', percent: 20 }),
    at(80_000, { kind: 'setPolicy', policy: 'round-robin' }),
  ],
  durationMs: 120_000,
}
