// Each scenario's claim: the sentence of the article it demonstrates. Read at build time only, for
// the scenario's static page and its oEmbed text (src/embed/build/scenarioPages.ts, vite.config.ts);
// the lab itself never shows it, so no page downloads it.

import type { ScenarioId } from '../../sim/scenarios/index.ts'

export const SCENARIO_CLAIMS: Readonly<Record<ScenarioId, string>> = {
  'scale-out-no-affinity':
    'One server is fine; several servers with sessions in memory and no affinity log users out at random.',
  'cookie-affinity':
    'An LB cookie keeps each user on one server: no logouts, and balanced even when many users share one IP.',
  'affinity-ttl-expiry':
    'Affinity has a TTL; when it expires a user can move and lose an in-memory session (none if the TTL outlives the session).',
  'ip-hash-nat-hotspot':
    'IP hash pins everyone behind one NAT/CGNAT address (or one /24) to one server.',
  'mobile-ip-change':
    'IP affinity breaks when a user’s IP changes.',
  'header-spoofing':
    'Header affinity is powerful, but a client-set header can be forged; a gateway-injected one cannot.',
  'crash-sticky-memory':
    'Stickiness can’t save state in a dead server’s memory.',
  'heavy-users-hotspot':
    'A few heavy users stuck to one backend overload it; without stickiness the load is even.',
  'autoscale-sticky':
    'New instances get little traffic while old affinities live.',
  'rolling-deploy':
    'With stickiness, deploys drag out (drain) or drop sessions (kill); a stateless deploy is quick and loses nothing.',
  'one-hot-backend':
    'Averages hide one overloaded instance.',
  'shared-store':
    'Move sessions to a shared store: any server serves anyone, and crashes lose nothing.',
  'database-store':
    'A database works as a session store but costs latency.',
  'store-outage':
    'The shared store becomes the new single point of failure.',
  'jwt-tokens':
    'Tokens remove auth state but not carts; revocation needs a deny list.',
  'consistent-hash-scaling':
    'nginx hash … consistent vs modulo when a server is added; a missing cookie falls back to round robin.',
  'retry-duplicates':
    'Without stickiness retries and failovers happen more; make requests idempotent.',
  'migration-plan':
    'The five-step path from sticky to stateless keeps users logged in.',
  'websocket-affinity':
    'Long-lived connections are a case where affinity is reasonable — and a crash forces a reconnect storm.',
}
