import { at, type Scenario } from './scenario.ts'

export const autoscaleSticky: Scenario = {
  id: 'autoscale-sticky',
  title: 'Autoscaling while users are pinned',
  lesson: 'the-four-risks',
  // Seed 8: steady traffic; ten newcomers at 1:30 are the only ones the new servers can get.
  seed: 8,
  config: { servers: 3, users: 30, lb: 'haproxy', policy: 'cookie', storage: 'memory', arrivalSpreadMs: 10_000 },
  script: [
    at(60_000, { kind: 'addServer' }),
    at(60_000, { kind: 'addServer' }),
    at(90_000, { kind: 'setUsers', count: 40 }),
  ],
  durationMs: 240_000,
}
