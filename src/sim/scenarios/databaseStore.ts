import type { Scenario } from './scenario.ts'

export const databaseStore: Scenario = {
  id: 'database-store',
  title: 'Sessions in the database',
  lesson: 'better-alternatives',
  // Same seed as shared-store, so the latency difference comes from the store alone.
  seed: 1,
  config: { servers: 3, users: 18, lb: 'nginx', policy: 'round-robin', storage: 'database' },
  script: [],
  durationMs: 90_000,
}
