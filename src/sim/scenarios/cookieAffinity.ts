import type { Scenario } from './scenario.ts'

export const cookieAffinity: Scenario = {
  id: 'cookie-affinity',
  title: 'Cookie affinity keeps each user home',
  lesson: 'how-they-work',
  // Seed 11: the NAT group's arrival order interleaves with the others, as in real traffic.
  seed: 11,
  config: {
    servers: 3,
    users: 16,
    // Lesson 4 reads the AWSALB cookie: an ALB's duration-based stickiness, as AWS documents it.
    lb: 'alb',
    policy: 'cookie',
    storage: 'memory',
    natGroups: [{ size: 8, ip: '198.51.100.23' }],
  },
  script: [],
  durationMs: 120_000,
}
