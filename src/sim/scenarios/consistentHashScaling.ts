import { at, type Scenario } from './scenario.ts'

export const consistentHashScaling: Scenario = {
  id: 'consistent-hash-scaling',
  title: 'Modulo vs consistent hashing on scale-out',
  lesson: 'nginx',
  // Seed 13: 60 users give stable fractions; the first request of each has no uid cookie yet.
  seed: 13,
  config: { servers: 3, users: 60, lb: 'nginx', policy: 'hash', storage: 'memory', breakChance: 0 },
  script: [at(30_000, { kind: 'addServer' })],
  durationMs: 90_000,
}
