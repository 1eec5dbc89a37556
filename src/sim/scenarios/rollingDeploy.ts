import { at, type Scenario } from './scenario.ts'

export const rollingDeploy: Scenario = {
  id: 'rolling-deploy',
  title: 'A rolling deploy with sticky sessions',
  lesson: 'the-four-risks',
  // Seed 9: users are mid-journey on every server when the deploy starts.
  seed: 9,
  config: { servers: 3, users: 18, lb: 'haproxy', policy: 'cookie', storage: 'memory', drainTimeoutMs: 60_000 },
  script: [at(30_000, { kind: 'rollingDeploy', mode: 'drain' })],
  durationMs: 300_000,
}
