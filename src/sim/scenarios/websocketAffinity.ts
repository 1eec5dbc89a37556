import { at, type Scenario } from './scenario.ts'

export const websocketAffinity: Scenario = {
  id: 'websocket-affinity',
  title: 'Long-lived connections',
  lesson: 'when-sticky-helps',
  // Seed 16: B holds about a third of the connections.
  seed: 16,
  config: { servers: 3, users: 24, lb: 'haproxy', policy: 'cookie', storage: 'shared', websockets: true },
  script: [at(40_000, { kind: 'crashServer', server: 'B' })],
  durationMs: 90_000,
}
