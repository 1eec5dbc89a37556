// #/real — "How real is this?": which scenarios `npm run test:real` replays on real nginx, HAProxy,
// Node app servers, Redis and PostgreSQL with the same counters as the simulation, on which versions,
// which are simulation only and why, and the commands to do it yourself (README "Run it for real").

import { href } from '../../app/router.ts'
import { REAL_PROOF, REAL_VERSIONS, SEEDS_PER_DESIGN } from '../../lab-ui/proof/proof.ts'

export default function RealPage() {
  const proven = REAL_PROOF.filter((r) => r.proven)
  const simOnly = REAL_PROOF.filter((r) => !r.proven)
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 p-4 text-sm leading-relaxed">
      <h1 className="text-2xl font-semibold">Proven on real software</h1>
      <p>
        The lab’s engine is deterministic, so its runs can be replayed on the real thing. <code>npm run test:real</code> starts, on 127.0.0.1 only, Debian’s{' '}
        {REAL_VERSIONS.map((v) => `${v.name} ${v.version}`).join(', ')}, sends each simulated user’s requests as real HTTP with their own cookie jar and address, and kills,
        restarts, adds and drains real processes when the scenario says so.
      </p>
      <p>
        Time is the model’s: requests go out in the engine’s order and each app server holds its answer until the model’s finish time, so real software makes every
        routing, failure and session decision. Where real software keeps its own time, the replay keeps it in step:
      </p>
      <ul className="list-disc pl-5">
        <li>
          nginx reads the model’s clock (libfaketime), so its <code>fail_timeout</code> windows pass in model seconds;
        </li>
        <li>HAProxy’s 1 s wait before retrying a refused server runs on its own clock, so the replay watches each retry happen on HAProxy’s runtime API before it moves the model past it;</li>
        <li>
          127.0.0.1 refuses a connection to a killed server at once, so the replay holds that connection attempt in the kernel (its SYN, in an NFQUEUE) until the
          model’s load balancer hears of the refusal, and a round-robin redispatch takes its turn where the model’s does.
        </li>
      </ul>
      <p>
        The test passes only when the real run’s counters equal the simulation’s — requests, ok, failed, retried, unexpected logouts, carts lost, sessions lost,
        remaps and requests per server — for every row marked proven below, under {SEEDS_PER_DESIGN} seeds each. It runs in CI on every change.
      </p>
      <h2 className="text-lg font-semibold">Do it yourself</h2>
      <pre className="overflow-x-auto rounded-md border border-line bg-card p-3 text-xs">
        {`sudo apt-get install nginx haproxy redis-server postgresql faketime iptables python3
npm ci
npm run real -- --scenario ip-hash-nat-hotspot --compare                     # real and simulated side by side
npm run real -- --scenario crash-sticky-memory --lb nginx --clock real --hold  # watch it, curl it, kill -9 a server`}
      </pre>
      <h2 className="text-lg font-semibold">Replayed with equal counters ({proven.length})</h2>
      <ul className="list-disc pl-5">
        {proven.map((r) => (
          <li key={`${r.scenario}-${r.design}`}>
            <a className="text-accent underline" href={href('/lab', { scenario: r.scenario, lb: r.lb })}>
              {r.scenario}
            </a>{' '}
            — {r.design === 'default' ? 'its own design' : 'the opposite design'}: {r.lb}, {r.policy}, sessions {r.storage}
          </li>
        ))}
      </ul>
      <h2 className="text-lg font-semibold">Simulation only ({simOnly.length})</h2>
      <ul className="list-disc pl-5">
        {simOnly.map((r) => (
          <li key={`${r.scenario}-${r.design}`}>
            {r.scenario} — {r.design === 'default' ? 'its own design' : 'the opposite design'} ({r.lb}, {r.policy}, {r.storage}): {r.why}
          </li>
        ))}
      </ul>
      <p className="text-muted">
        Also simulation only in any scenario: Kubernetes’ <code>client-ip</code> affinity and the <code>random</code> policy — kube-proxy programs a cluster node’s
        iptables/IPVS, and no real balancer can share the model’s random stream — and the managed products (AWS ALB, Cloudflare), which cannot run on 127.0.0.1.
      </p>
    </main>
  )
}
