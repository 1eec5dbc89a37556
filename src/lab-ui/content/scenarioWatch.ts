// Each scenario's "what to watch": one line under the lab's scenario picker and on the compare page.
// Display text, kept out of the scenario data in src/sim so a lab or an embed that shows one scenario
// does not download all nineteen sentences with the engine (first-load budget, docs/DECISIONS.md
// 2026-11-30 "Products load on demand"); only the picker and the compare page fetch it.

import type { ScenarioId } from '../../sim/scenarios/index.ts'

export const SCENARIO_WATCH: Readonly<Record<ScenarioId, string>> = {
  'scale-out-no-affinity':
    'Each request lands on a random-looking server; a server that never saw the login answers with the login page.',
  'cookie-affinity':
    'The AWSALB cookie in each jar names a server; every later request follows it — even the eight users behind one office NAT spread out.',
  'affinity-ttl-expiry':
    'Users step away for a minute or two; when they come back their 60-second cookie has expired and round robin may send them elsewhere.',
  'ip-hash-nat-hotspot':
    'Thirty users share one mobile-carrier address; nginx ip_hash sends every one of them to the same server.',
  'mobile-ip-change':
    'At 0:30 Ana walks out of the café: her phone leaves Wi-Fi, gets a new IP, and ip_hash sends her to another server.',
  'header-spoofing':
    'At 0:20 six busy bots send X-User-Id values they chose because they hash to B — and the load balancer believes them.',
  'crash-sticky-memory':
    'At 0:30 server B crashes. Its session chips vanish, and exactly the users whose sessions were on B get logged out.',
  'heavy-users-hotspot':
    'Five power users from one office subnet all hash to the same server; its utilisation bar runs hot while the others idle.',
  'autoscale-sticky':
    'At 1:00 two servers are added to relieve the load, but every existing user stays pinned to the old three: D and E sit almost idle.',
  'rolling-deploy':
    'At 0:30 a deploy drains A, B, C in turn. Pinned users keep each draining server busy until the 60-second drain timeout — then its sessions go anyway.',
  'one-hot-backend':
    'Mean utilisation looks comfortable, but C carries all four heavy users: its queue grows and its users wait several times longer.',
  'shared-store':
    'Sessions live in the store, not on the servers. At 0:30 B crashes — and nobody is logged out.',
  'database-store':
    'Every request reads and touches its session in the database (≈5 ms a trip instead of ≈1 ms): watch p50 latency.',
  'store-outage':
    'From 0:30 to 0:45 the store is down: every request that needs a session fails. It comes back with every session intact.',
  'jwt-tokens':
    'At 0:30 B crashes: nobody is logged out (tokens), but carts kept in B’s memory vanish. At 1:00 Ana logs out — and a stolen copy of her token still works.',
  'consistent-hash-scaling':
    'nginx `hash $cookie_uid`: at 0:30 a fourth server joins. With modulo hashing most users move (and lose their session); switch to consistent to move only about a quarter.',
  'retry-duplicates':
    'Some responses get lost and browsers retry; a retried checkout without an idempotency key places the order twice. Turn keys on and the duplicates stop.',
  'migration-plan':
    'Sticky cookie + memory → sessions copied to a shared store → idempotency keys → shorter TTL and a 20% canary without affinity → affinity off. Unexpected logouts stay at 0 throughout.',
  'websocket-affinity':
    'Each logged-in user holds a WebSocket to one server — affinity for free. At 0:40 B crashes and all its connections reconnect in the same second.',
}
