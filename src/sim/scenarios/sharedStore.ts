import { at, type Scenario } from './scenario.ts'

export const sharedStore: Scenario = {
  id: 'shared-store',
  title: 'Sessions in a shared store',
  lesson: 'better-alternatives',
  // Same seed as crash-sticky-memory, so the two runs can be compared.
  seed: 1,
  config: { servers: 3, users: 18, lb: 'nginx', policy: 'round-robin', storage: 'shared' },
  script: [at(30_000, { kind: 'crashServer', server: 'B' })],
  durationMs: 90_000,
}
