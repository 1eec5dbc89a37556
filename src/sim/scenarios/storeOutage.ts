import { at, type Scenario } from './scenario.ts'

export const storeOutage: Scenario = {
  id: 'store-outage',
  title: 'When the shared store goes down',
  lesson: 'better-alternatives',
  // Seed 12: a steady stream of logged-in traffic when the outage begins.
  seed: 12,
  config: { servers: 3, users: 18, lb: 'nginx', policy: 'round-robin', storage: 'shared', store: { persistent: true } },
  script: [at(30_000, { kind: 'storeDown' }), at(45_000, { kind: 'storeUp' })],
  durationMs: 90_000,
}
