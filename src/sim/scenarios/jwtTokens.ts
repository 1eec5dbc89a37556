import { at, type Scenario } from './scenario.ts'

export const jwtTokens: Scenario = {
  id: 'jwt-tokens',
  title: 'JWT: stateless identity, stateful carts',
  watch: 'At 0:30 B crashes: nobody is logged out (tokens), but carts kept in B’s memory vanish. At 1:00 Ana logs out — and a stolen copy of her token still works.',
  claim: 'Tokens remove auth state but not carts; revocation needs a deny list.',
  lesson: 'better-alternatives',
  // Seed 1, like the other crash scenarios.
  seed: 1,
  config: { servers: 3, users: 18, lb: 'haproxy', policy: 'cookie', storage: 'jwt', jwt: { ttlMs: 900_000, denyList: false, carts: 'memory' } },
  script: [at(30_000, { kind: 'crashServer', server: 'B' }), at(60_000, { kind: 'revokeToken', user: 0 })],
  durationMs: 90_000,
}
