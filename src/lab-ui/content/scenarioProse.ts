// Each scenario's prose: what to watch while it plays (one line, under the lab's picker and on the
// compare page) and the claim of the article it demonstrates (its static page and oEmbed text).
// Kept out of the scenario data in src/sim so a lab or an embed that shows one scenario does not
// download all nineteen's sentences with the engine (first-load budget, docs/DECISIONS.md
// 2026-11-30 "Products load on demand"); only the picker, the compare page and the build read it.

import type { ScenarioId } from '../../sim/scenarios/index.ts'

export interface ScenarioProse {
  /** One line: what to watch while it plays. */
  readonly watch: string
  /** The claim of the article it demonstrates. */
  readonly claim: string
}

export const SCENARIO_PROSE: Readonly<Record<ScenarioId, ScenarioProse>> = {
  'scale-out-no-affinity': {
    watch: 'Each request lands on a random-looking server; a server that never saw the login answers with the login page.',
    claim: 'One server is fine; several servers with sessions in memory and no affinity log users out at random.',
  },
  'cookie-affinity': {
    watch: 'The AWSALB cookie in each jar names a server; every later request follows it — even the eight users behind one office NAT spread out.',
    claim: 'An LB cookie keeps each user on one server: no logouts, and balanced even when many users share one IP.',
  },
  'affinity-ttl-expiry': {
    watch: 'Users step away for a minute or two; when they come back their 60-second cookie has expired and round robin may send them elsewhere.',
    claim: 'Affinity has a TTL; when it expires a user can move and lose an in-memory session (none if the TTL outlives the session).',
  },
  'ip-hash-nat-hotspot': {
    watch: 'Thirty users share one mobile-carrier address; nginx ip_hash sends every one of them to the same server.',
    claim: 'IP hash pins everyone behind one NAT/CGNAT address (or one /24) to one server.',
  },
  'mobile-ip-change': {
    watch: 'At 0:30 Ana walks out of the café: her phone leaves Wi-Fi, gets a new IP, and ip_hash sends her to another server.',
    claim: 'IP affinity breaks when a user’s IP changes.',
  },
  'header-spoofing': {
    watch: 'At 0:20 six busy bots send X-User-Id values they chose because they hash to B — and the load balancer believes them.',
    claim: 'Header affinity is powerful, but a client-set header can be forged; a gateway-injected one cannot.',
  },
  'crash-sticky-memory': {
    watch: 'At 0:30 server B crashes. Its session chips vanish, and exactly the users whose sessions were on B get logged out.',
    claim: 'Stickiness can’t save state in a dead server’s memory.',
  },
  'heavy-users-hotspot': {
    watch: 'Five power users from one office subnet all hash to the same server; its utilisation bar runs hot while the others idle.',
    claim: 'A few heavy users stuck to one backend overload it; without stickiness the load is even.',
  },
  'autoscale-sticky': {
    watch: 'At 1:00 two servers are added to relieve the load, but every existing user stays pinned to the old three: D and E sit almost idle.',
    claim: 'New instances get little traffic while old affinities live.',
  },
  'rolling-deploy': {
    watch: 'At 0:30 a deploy drains A, B, C in turn. Pinned users keep each draining server busy until the 60-second drain timeout — then its sessions go anyway.',
    claim: 'With stickiness, deploys drag out (drain) or drop sessions (kill); a stateless deploy is quick and loses nothing.',
  },
  'one-hot-backend': {
    watch: 'Mean utilisation looks comfortable, but C carries all four heavy users: its queue grows and its users wait several times longer.',
    claim: 'Averages hide one overloaded instance.',
  },
  'shared-store': {
    watch: 'Sessions live in the store, not on the servers. At 0:30 B crashes — and nobody is logged out.',
    claim: 'Move sessions to a shared store: any server serves anyone, and crashes lose nothing.',
  },
  'database-store': {
    watch: 'Every request reads and touches its session in the database (≈5 ms a trip instead of ≈1 ms): watch p50 latency.',
    claim: 'A database works as a session store but costs latency.',
  },
  'store-outage': {
    watch: 'From 0:30 to 0:45 the store is down: every request that needs a session fails. It comes back with every session intact.',
    claim: 'The shared store becomes the new single point of failure.',
  },
  'jwt-tokens': {
    watch: 'At 0:30 B crashes: nobody is logged out (tokens), but carts kept in B’s memory vanish. At 1:00 Ana logs out — and a stolen copy of her token still works.',
    claim: 'Tokens remove auth state but not carts; revocation needs a deny list.',
  },
  'consistent-hash-scaling': {
    watch: 'nginx `hash $cookie_uid`: at 0:30 a fourth server joins. With modulo hashing most users move (and lose their session); switch to consistent to move only about a quarter.',
    claim: 'nginx hash … consistent vs modulo when a server is added; a missing cookie falls back to round robin.',
  },
  'retry-duplicates': {
    watch: 'Some responses get lost and browsers retry; a retried checkout without an idempotency key places the order twice. Turn keys on and the duplicates stop.',
    claim: 'Without stickiness retries and failovers happen more; make requests idempotent.',
  },
  'migration-plan': {
    watch: 'Sticky cookie + memory → sessions copied to a shared store → idempotency keys → shorter TTL and a 20% canary without affinity → affinity off. Unexpected logouts stay at 0 throughout.',
    claim: 'The five-step path from sticky to stateless keeps users logged in.',
  },
  'websocket-affinity': {
    watch: 'Each logged-in user holds a WebSocket to one server — affinity for free. At 0:40 B crashes and all its connections reconnect in the same second.',
    claim: 'Long-lived connections are a case where affinity is reasonable — and a crash forces a reconnect storm.',
  },
}
