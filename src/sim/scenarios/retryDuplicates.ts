import { at, type Scenario } from './scenario.ts'

export const retryDuplicates: Scenario = {
  id: 'retry-duplicates',
  title: 'Retries and duplicate orders',
  lesson: 'migration-plan',
  // Seed 14: a few checkouts lose their response in the first minute.
  seed: 14,
  config: { servers: 3, users: 24, lb: 'nginx', policy: 'round-robin', storage: 'shared', responseLossRate: 0.05, idempotencyKeys: false },
  script: [at(60_000, { kind: 'crashServer', server: 'A' }), at(75_000, { kind: 'restartServer', server: 'A' })],
  durationMs: 150_000,
}
