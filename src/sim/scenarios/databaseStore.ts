import type { Scenario } from './scenario.ts'

export const databaseStore: Scenario = {
  id: 'database-store',
  title: 'Sessions in the database',
  watch: 'Every request reads and touches its session in the database (≈5 ms a trip instead of ≈1 ms): watch p50 latency.',
  claim: 'A database works as a session store but costs latency.',
  lesson: 'better-alternatives',
  // Same seed as shared-store, so the latency difference comes from the store alone.
  seed: 1,
  config: { servers: 3, users: 18, lb: 'nginx', policy: 'round-robin', storage: 'database' },
  script: [],
  durationMs: 90_000,
}
