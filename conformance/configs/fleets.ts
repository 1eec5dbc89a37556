// Random designs for the generated-config conformance run: 2–10 of the lab's servers (a random subset
// of A–J, so HAProxy's explicit ids have gaps), random weights and states, and random settings within
// what the lab can hold (cookie name, lifetime, sliding or fixed; ClientIP timeout; check timings;
// nginx's passive limits; retries; failover). Seeded: SEED replays the same designs.

import { SERVER_IDS, type LbProductId, type PolicyId } from '../../src/sim/types.ts'
import type { ConfigDesign, ConfigServer, ConfigServerState } from '../../src/sim/products/config/index.ts'
import { settingsFor } from '../../src/sim/products/config/testFixtures.ts'
import type { Random } from '../lib/random.ts'

export interface FleetOptions {
  /** Leave out `stopped` servers (a routed check needs every listed server to answer). */
  readonly live?: boolean
  /** Ports to give the servers in order (default: 20001, 20002 …; nothing listens for a load check). */
  readonly ports?: readonly number[]
  /** At least one ready server of weight 1 (so HAProxy's map GCD is 1 whatever the drained weights). */
  readonly unitWeight?: boolean
}

export function randomServers(rnd: Random, opts: FleetOptions = {}): ConfigServer[] {
  const n = rnd.int(2, 10)
  const letters = rnd.shuffle([...SERVER_IDS.keys()]).slice(0, n).sort((a, b) => a - b)
  const states: ConfigServerState[] = opts.live ? ['ready', 'ready', 'ready', 'ready', 'drain', 'maint'] : ['ready', 'ready', 'ready', 'drain', 'maint', 'stopped']
  const servers = letters.map((i, k): ConfigServer => ({
    id: SERVER_IDS[i]!,
    index: i + 1,
    host: '127.0.0.1',
    port: opts.ports?.[k] ?? 20_001 + k,
    weight: rnd.chance(0.35) ? rnd.int(2, 6) : 1,
    state: rnd.pick(states),
  }))
  // At least one server the balancer can pick.
  const first = rnd.int(0, servers.length - 1)
  servers[first] = { ...servers[first]!, state: 'ready', ...(opts.unitWeight ? { weight: 1 } : {}) }
  return servers
}

export function randomDesign(rnd: Random, lb: LbProductId, policy: PolicyId, opts: FleetOptions = {}, listenPort = 18_000): ConfigDesign {
  const settings = settingsFor(lb, policy, {
    cookie: { name: rnd.pick(['SERVERID', 'LB', 'AWSALB', '__cflb']), ttlMs: rnd.pick([0, 1_500, 60_000, 3_600_000, 86_400_000]), mode: rnd.pick(['sliding', 'fixed'] as const) },
    clientIpTimeoutMs: rnd.pick([1_000, 600_000, 10_800_000, 90_000_000]),
    header: { name: rnd.pick(['X-User-Id', 'X-Tenant', 'Session']), source: rnd.pick(['gateway', 'client'] as const) },
    health: { intervalMs: rnd.pick([500, 1_000, 2_000, 2_500, 30_000]), unhealthyThreshold: rnd.int(1, 5), healthyThreshold: rnd.int(1, 5) },
    passive: { maxFails: rnd.int(0, 3), failTimeoutMs: rnd.pick([1_000, 1_500, 10_000, 30_000]) },
    failover: rnd.pick(['repin', 'fail'] as const),
    lbRetry: rnd.chance(0.7),
  })
  return { settings, servers: randomServers(rnd, opts), listen: { host: '127.0.0.1', port: listenPort } }
}
