import { at, type Scenario } from './scenario.ts'

export const storeOutage: Scenario = {
  id: 'store-outage',
  title: 'When the shared store goes down',
  watch: 'From 0:30 to 0:45 the store is down: every request that needs a session fails. It comes back with every session intact.',
  claim: 'The shared store becomes the new single point of failure.',
  lesson: 'better-alternatives',
  // Seed 12: a steady stream of logged-in traffic when the outage begins.
  seed: 12,
  config: { servers: 3, users: 18, lb: 'nginx', policy: 'round-robin', storage: 'shared', store: { persistent: true } },
  script: [at(30_000, { kind: 'storeDown' }), at(45_000, { kind: 'storeUp' })],
  durationMs: 90_000,
}
