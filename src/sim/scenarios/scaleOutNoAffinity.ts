import type { Scenario } from './scenario.ts'

export const scaleOutNoAffinity: Scenario = {
  id: 'scale-out-no-affinity',
  title: 'Scale out, and users get logged out',
  lesson: 'the-problem',
  // Any seed shows it; 7 gives a first logout within the first ten seconds.
  seed: 7,
  // HAProxy: its one-click Sticky is the classic cookie (SERVERID), replayable on Debian's HAProxy.
  config: { servers: 3, users: 12, lb: 'haproxy', policy: 'round-robin', storage: 'memory' },
  script: [],
  durationMs: 120_000,
}
