import { at, type Scenario } from './scenario.ts'

export const crashStickyMemory: Scenario = {
  id: 'crash-sticky-memory',
  title: 'Stickiness can’t save a dead server’s memory',
  lesson: 'sticky-vs-stateless',
  // Seed 1: B holds a typical third of the sessions when it crashes.
  seed: 1,
  config: { servers: 3, users: 18, lb: 'haproxy', policy: 'cookie', storage: 'memory' },
  script: [at(30_000, { kind: 'crashServer', server: 'B' })],
  durationMs: 90_000,
}
