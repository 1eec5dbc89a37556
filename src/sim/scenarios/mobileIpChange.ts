import { at, type Scenario } from './scenario.ts'

export const mobileIpChange: Scenario = {
  id: 'mobile-ip-change',
  title: 'A phone changes networks',
  lesson: 'techniques',
  // Seed 2: Ana's new address hashes to a different server than her old one.
  seed: 2,
  config: { servers: 3, users: 9, lb: 'nginx', policy: 'ip-hash', storage: 'memory', breakChance: 0 },
  script: [at(30_000, { kind: 'changeUserIp', user: 0 })],
  durationMs: 60_000,
}
