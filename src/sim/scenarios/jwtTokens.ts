import { at, type Scenario } from './scenario.ts'

export const jwtTokens: Scenario = {
  id: 'jwt-tokens',
  title: 'JWT: stateless identity, stateful carts',
  lesson: 'better-alternatives',
  // Seed 1, like the other crash scenarios.
  seed: 1,
  config: { servers: 3, users: 18, lb: 'haproxy', policy: 'cookie', storage: 'jwt', jwt: { ttlMs: 900_000, denyList: false, carts: 'memory' } },
  script: [at(30_000, { kind: 'crashServer', server: 'B' }), at(60_000, { kind: 'revokeToken', user: 0 })],
  durationMs: 90_000,
}
