// Conformance of "Config for this design" (src/sim/products/config/) against the real binaries:
//
// 1. Loads: for nginx and HAProxy, every routing policy × several random designs (2–10 servers, random
//    weights and states, random cookie / check / passive / retry settings), plus the four-server design
//    the unit tests print — each generated text must pass `nginx -t` / `haproxy -c` with no warning.
// 2. Routes: some generated configs are started as written on 127.0.0.1 in front of live loopback
//    backends, and every answer must be the server the engine's exact models pick.
//
//   npx tsx conformance/configs.conformance.ts        (npm run test:configs)
//   SEED=123 …  replay;  REQUIRE_NGINX=1 / REQUIRE_HAPROXY=1 …  fail instead of skipping without a binary

import { configText } from '../src/sim/products/config/index.ts'
import { designFor } from '../src/sim/products/config/testFixtures.ts'
import { POLICY_IDS } from '../src/sim/types.ts'
import { checkHaproxyConfig, checkNginxConfig, findHaproxy, findNginx, type ConfigCheck } from './lib/checkConfig.ts'
import { Cleanup, makeTempDir } from './lib/process.ts'
import { Random, runSeed } from './lib/random.ts'
import { elapsed, Tally } from './lib/report.ts'
import { randomDesign } from './configs/fleets.ts'
import { HAPROXY_ROUTED, NGINX_ROUTED, routeHaproxy, routeNginx, type Mismatch } from './configs/routed.ts'

const LOADS_PER_POLICY = 6
const ROUTED_PER_POLICY = 2
const REQUESTS = 60

type Lb = 'nginx' | 'haproxy'
const CHECK: Record<Lb, (text: string) => ConfigCheck> = { nginx: checkNginxConfig, haproxy: checkHaproxyConfig }

function loads(rnd: Random, lb: Lb, tally: Tally, bad: Mismatch[]): void {
  for (const policy of POLICY_IDS) {
    const designs = [designFor(lb, policy), ...Array.from({ length: LOADS_PER_POLICY }, () => randomDesign(rnd, lb, policy))]
    for (const d of designs) {
      const text = configText(d).text
      const r = CHECK[lb](text)
      const ok = r.status === 'valid' && !/warning|\[warn\]/i.test(r.output)
      tally.count(`${lb} loads: ${policy}`, ok)
      if (!ok) bad.push({ what: `${lb} ${policy} did not load cleanly`, config: text, detail: r.output })
    }
  }
}

async function main(): Promise<number> {
  const started = Date.now()
  const seed = runSeed()
  const rnd = new Random(seed)
  const bins: Record<Lb, string | null> = { nginx: findNginx(), haproxy: findHaproxy() }
  for (const lb of ['nginx', 'haproxy'] as const) {
    if (bins[lb] !== null) continue
    const env = lb === 'nginx' ? 'REQUIRE_NGINX' : 'REQUIRE_HAPROXY'
    if (process.env[env] === '1') {
      console.error(`${lb} not installed (Debian package "${lb}") — ${env}=1, failing`)
      return 1
    }
    console.log(`${lb} not installed (Debian package "${lb}") — its generated configs are not checked`)
  }
  console.log(`generated-config conformance: nginx ${bins.nginx ?? '—'}, haproxy ${bins.haproxy ?? '—'}, seed ${seed} (replay with SEED=${seed})`)
  const tally = new Tally()
  const bad: Mismatch[] = []
  const cleanup = new Cleanup()
  cleanup.install()
  try {
    if (bins.nginx) {
      loads(rnd, 'nginx', tally, bad)
      const dir = makeTempDir('config-nginx-', cleanup)
      for (const policy of NGINX_ROUTED) for (let i = 0; i < ROUTED_PER_POLICY; i++) await routeNginx(bins.nginx, dir, rnd, policy, REQUESTS, tally, bad)
    }
    if (bins.haproxy) {
      loads(rnd, 'haproxy', tally, bad)
      const dir = makeTempDir('config-haproxy-', cleanup)
      for (const policy of HAPROXY_ROUTED) for (let i = 0; i < ROUTED_PER_POLICY; i++) await routeHaproxy(bins.haproxy, dir, rnd, policy, REQUESTS, tally, bad, cleanup)
    }
  } finally {
    cleanup.dispose()
  }
  tally.print('generated config', 44)
  console.log(`run time ${elapsed(started)}`)
  for (const m of bad.slice(0, 3)) {
    console.log(`\nFAILED: ${m.what}\n  ${m.detail.trim().split('\n').join('\n  ')}\n--- config ---\n${m.config}`)
  }
  return bad.length === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    process.exit(1)
  },
)
