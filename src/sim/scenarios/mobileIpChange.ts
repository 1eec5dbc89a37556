import { at, type Scenario } from './scenario.ts'

export const mobileIpChange: Scenario = {
  id: 'mobile-ip-change',
  title: 'A phone changes networks',
  watch: 'At 0:30 Ana walks out of the café: her phone leaves Wi-Fi, gets a new IP, and ip_hash sends her to another server.',
  claim: 'IP affinity breaks when a user’s IP changes.',
  lesson: 'techniques',
  // Seed 2: Ana's new address hashes to a different server than her old one.
  seed: 2,
  config: { servers: 3, users: 9, lb: 'nginx', policy: 'ip-hash', storage: 'memory', breakChance: 0 },
  script: [at(30_000, { kind: 'changeUserIp', user: 0 })],
  durationMs: 60_000,
}
