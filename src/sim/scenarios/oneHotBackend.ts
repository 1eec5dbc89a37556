import type { Scenario } from './scenario.ts'

export const oneHotBackend: Scenario = {
  id: 'one-hot-backend',
  title: 'The average hides one hot server',
  lesson: 'the-four-risks',
  // Seed 10. Users 2, 8, 14, 20 are heavy; arriving in order, round robin pins each 6th user to C.
  seed: 10,
  config: { servers: 6, users: 36, lb: 'haproxy', policy: 'cookie', storage: 'memory', heavyIds: [2, 8, 14, 20], arrivalSpreadMs: 6_000 },
  script: [],
  durationMs: 120_000,
}
