import { at, type Scenario } from './scenario.ts'

export const sharedStore: Scenario = {
  id: 'shared-store',
  title: 'Sessions in a shared store',
  watch: 'Sessions live in the store, not on the servers. At 0:30 B crashes — and nobody is logged out.',
  claim: 'Move sessions to a shared store: any server serves anyone, and crashes lose nothing.',
  lesson: 'better-alternatives',
  // Same seed as crash-sticky-memory, so the two runs can be compared.
  seed: 1,
  config: { servers: 3, users: 18, lb: 'nginx', policy: 'round-robin', storage: 'shared' },
  script: [at(30_000, { kind: 'crashServer', server: 'B' })],
  durationMs: 90_000,
}
