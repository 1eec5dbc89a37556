// Conformance: our nginx upstream model (src/sim/nginx) against a real nginx on loopback.
//
// Starts tiny Node backends and a private nginx (worker_processes 1, so failure state is deterministic),
// sends thousands of requests sequentially — random client IPs through realip for ip_hash, random `k`
// keys for `hash $arg_k [consistent]`, groups with dead backends for second choices and fail_timeout —
// and compares every answer (backend, status, full $upstream_addr) with the model fed the same inputs.
// Then it reloads nginx and checks that every group starts afresh (round robin, failure counts).
//
//   npx tsx conformance/nginx.conformance.ts        (npm run test:nginx)
//   SEED=123 …  replay a run;  REQUIRE_NGINX=1 …  fail instead of skipping without nginx;
//   NGINX=/path/to/nginx …  use that binary;  KEEP_DIR=1 …  keep the temp dir (config, error.log)

import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { createPeerHealth, createRoundRobinState, realIpFromHeader, type NginxMethod } from '../src/sim/nginx/index.ts'
import { closeServer, FlappingBackend, startBackends } from './lib/backends.ts'
import { findNginx } from './lib/checkConfig.ts'
import { closedPorts, freePort, portIsFree, sleep, waitForPort } from './lib/net.ts'
import { Cleanup, makeTempDir } from './lib/process.ts'
import { Random, runSeed } from './lib/random.ts'
import { elapsed, Tally } from './lib/report.ts'
import { GOLDEN_PORTS, goldenGroups } from './nginx/golden.ts'
import { entry, makeGroup, randomGroup, type Group } from './nginx/groups.ts'
import { randomInput, type Input } from './nginx/inputs.ts'
import { nginxConf, quitOnCleanup, readPid, runNginx, stopNginx } from './nginx/instance.ts'
import { firstChoice, predict, restore, same, send, snapshot, type Answer } from './nginx/traffic.ts'

interface Mismatch {
  group: Group
  input: Input
  expected: Answer
  actual: Answer
  steps: string[]
  flappyUp: boolean
  at: number
}

interface Ports {
  goldenFree: boolean
  live: number[]
  dead: number[]
  listen: number
}

/** The golden ports if free, plus random live ports, closed ("dead") ports and nginx's own. */
async function choosePorts(flappy: FlappingBackend): Promise<Ports> {
  const goldenFree = (await Promise.all(GOLDEN_PORTS.map(portIsFree))).every(Boolean)
  const live: number[] = goldenFree ? [...GOLDEN_PORTS] : []
  while (live.length < 10) {
    const p = await freePort()
    if (!live.includes(p)) live.push(p)
  }
  // Dead and flapping backends' ports are out of the kernel's reach (closedPorts): no other process may
  // start listening there while the backend is meant to be closed.
  const [d1, d2, d3, flap] = await closedPorts(4, live)
  const dead = [d1!, d2!, d3!]
  flappy.port = flap!
  const listen = await freePort()
  return { goldenFree, live, dead, listen }
}

/**
 * Plain hashing groups (exactness of the hash), groups with dead backends (second choice, fail_timeout
 * windows, effective-weight recovery), mostly-down groups, flapping-backend groups and all-dead groups.
 */
function buildGroups(rnd: Random, ports: Ports, flappyAddr: string): { fast: Group[]; timed: Group[] } {
  const { live, dead } = ports
  const fast: Group[] = []
  const timed: Group[] = []
  let n = 0
  const plan: [NginxMethod, number, number][] = [
    ['ip-hash', 6, 3],
    ['hash', 5, 2],
    ['hash-consistent', 5, 2],
    ['round-robin', 2, 1],
  ]
  for (const [policy, fastCount, timedCount] of plan) {
    for (let i = 0; i < fastCount; i++) fast.push(randomGroup(rnd, `g${n++}`, policy, live, dead, 0))
    for (let i = 0; i < timedCount; i++) timed.push(randomGroup(rnd, `g${n++}`, policy, live, dead, rnd.int(1, 2)))
  }
  const deadAddr = (i: number): string => `127.0.0.1:${dead[i] ?? 0}`
  const liveAddr = (i: number): string => `127.0.0.1:${live[i] ?? 0}`
  // Mostly-down groups: heavy `down` servers make hashing miss often enough to hit the >20-tries
  // fallback to round robin (and its interplay with the shared round-robin weights).
  for (const policy of ['ip-hash', 'hash', 'hash-consistent'] as const) {
    const order = rnd.shuffle([0, 1, 2, 3, 4, 5])
    const entries = order.map((k, j) => (j < 4 ? `${liveAddr(k)} weight=5 down` : `${liveAddr(k)} weight=${rnd.int(1, 2)}`))
    fast.push(makeGroup(`g${n++}`, policy, rnd.shuffle(entries), new Set()))
  }
  // Flapping backend groups: fails (max_fails 1–3), recoveries, fail counts reset only after a re-check.
  for (const policy of ['ip-hash', 'hash', 'hash-consistent', 'round-robin', 'ip-hash', 'hash', 'hash-consistent'] as const) {
    const others = rnd.shuffle([...live]).slice(0, rnd.int(1, 3))
    const flap = `${flappyAddr} max_fails=${rnd.int(1, 3)} fail_timeout=${rnd.int(1, 2)}s weight=${rnd.int(1, 3)}`
    const entries = rnd.shuffle([flap, ...others.map((p) => entry(rnd, `127.0.0.1:${p}`, { failures: true }))])
    timed.push(makeGroup(`g${n++}`, policy, entries, new Set(), flappyAddr))
  }
  // All non-down servers dead: the request's try budget (non-down servers) ends it with a 502.
  timed.push(
    makeGroup('downalldead', 'ip-hash', [`${liveAddr(2)} down`, `${deadAddr(0)} fail_timeout=1s`, `${deadAddr(1)} fail_timeout=1s`], new Set([deadAddr(0), deadAddr(1)])),
  )
  timed.push(makeGroup('alldead', 'ip-hash', [deadAddr(0), deadAddr(1)], new Set([deadAddr(0), deadAddr(1)])))
  timed.push(makeGroup('singledead', 'hash', [deadAddr(2)], new Set([deadAddr(2)])))
  timed.push(
    makeGroup('downdead', 'hash-consistent', [`${liveAddr(0)} down`, `${deadAddr(0)} fail_timeout=1s`, `${deadAddr(1)} max_fails=2 fail_timeout=2s`, liveAddr(1)], new Set([deadAddr(0), deadAddr(1)])),
  )
  return { fast, timed }
}

/** What the traffic exercised (from the model's own trace, which matched nginx). */
interface Seen {
  retried: number
  triesExhausted: number
  noLive: number
  probes: number
  recovered: number
  hashFallback: number
  emptyKey: number
  realipIgnored: number
}

/** Sends one request, predicts it, and records the comparison. */
class Checker {
  readonly tally = new Tally()
  readonly mismatches: Mismatch[] = []
  readonly seen: Seen = { retried: 0, triesExhausted: 0, noLive: 0, probes: 0, recovered: 0, hashFallback: 0, emptyKey: 0, realipIgnored: 0 }
  straddled = 0

  constructor(
    public agent: http.Agent,
    private readonly port: number,
    private readonly flappy: FlappingBackend,
  ) {}

  /** New connections from now on (a kept-alive one may lead to an old worker after a reload). */
  reconnect(): void {
    this.agent.destroy()
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  }

  async check(group: Group, input: Input, phase = ''): Promise<Answer> {
    if (group.timed) {
      // nginx reads the clock in whole seconds; keep each request inside one second so the model's
      // "now" is unambiguous (sleep past a boundary that is less than 60 ms away).
      const ms = Date.now() % 1000
      if (ms > 940) await sleep(1000 - ms + 5)
    }
    const before = Date.now()
    const snap = group.timed ? snapshot(group) : ''
    const failsBefore = group.health.peers.map((p) => p.fails > 0)
    const disabledBefore = group.health.peers.map((p, i) => {
      const max = group.servers[i]?.maxFails ?? 0
      return max > 0 && p.fails >= max
    })
    const actual = await send(this.agent, this.port, group, input)
    const after = Date.now()
    let { answer, result } = predict(group, input, before, this.flappy)
    if (!same(answer, actual) && group.timed && Math.floor(before / 1000) !== Math.floor(after / 1000)) {
      // The request straddled a second boundary: nginx may have seen the later second.
      this.straddled++
      restore(group, snap)
      ;({ answer, result } = predict(group, input, after, this.flappy))
    }
    const seen = this.seen
    if (result.tries.length > 1) seen.retried++
    if (result.outcome === 'tries-exhausted') seen.triesExhausted++
    if (result.outcome === 'no-live-upstreams') seen.noLive++
    if (result.tries.some((i) => disabledBefore[i])) seen.probes++
    if (result.served !== null && (group.health.peers[result.served]?.fails ?? 0) === 0 && failsBefore[result.served]) seen.recovered++
    if (result.explain.some((s) => s.kind === 'fallback')) seen.hashFallback++
    if (group.policy !== 'ip-hash' && group.policy !== 'round-robin' && !input.k) seen.emptyKey++
    if (group.policy === 'ip-hash' && input.ip && !realIpFromHeader(input.ip)) seen.realipIgnored++
    const ok = same(answer, actual)
    this.tally.count(`${group.policy}${group.timed ? ' (dead backends)' : ''}${phase}`, ok)
    if (!ok) {
      const steps = result.explain.map((s) => s.text)
      this.mismatches.push({ group, input, expected: answer, actual, steps, flappyUp: this.flappy.up, at: before })
    }
    return actual
  }
}

/** A whole /24 through one ip_hash group (all on one backend), then random traffic, shuffled. */
async function fastPhase(rnd: Random, checker: Checker, fast: Group[]): Promise<void> {
  const jobs: [Group, Input][] = []
  const ipGroup = fast.find((g) => g.policy === 'ip-hash')
  if (ipGroup) for (let i = 1; i <= 254; i++) jobs.push([ipGroup, { ip: `10.20.30.${i}` }])
  const quota: Record<NginxMethod, number> = { 'ip-hash': 230, hash: 160, 'hash-consistent': 160, 'round-robin': 60 }
  for (const g of fast) for (let i = 0; i < quota[g.policy]; i++) jobs.push([g, randomInput(rnd, g.policy)])
  for (const [g, input] of rnd.shuffle(jobs)) await checker.check(g, input)
}

/**
 * Dead-backend groups, paced over ~12 s so fail_timeout windows (1–3 s) open and close. Each group reuses
 * a small pool of keys so the same client meets its failed first choice again and again.
 */
async function timedPhase(rnd: Random, checker: Checker, timed: Group[], flappy: FlappingBackend): Promise<void> {
  const pools = new Map<Group, Input[]>()
  for (const g of timed) {
    const pool: Input[] = []
    const size = g.policy === 'round-robin' ? 1 : 10
    // Flapping groups: most keys should have the flapping server as their first choice.
    for (let tries = 0; g.flappy >= 0 && pool.length < 6 && tries < 500; tries++) {
      const input = randomInput(rnd, g.policy)
      if (firstChoice(g, input) === g.flappy) pool.push(input)
    }
    while (pool.length < size) pool.push(randomInput(rnd, g.policy))
    if (g.policy === 'hash' || g.policy === 'hash-consistent') pool.push({ k: '' }, { k: null })
    pools.set(g, pool)
  }
  const timedJobs: [Group, Input][] = []
  for (const g of timed) for (let i = 0; i < 75; i++) timedJobs.push([g, randomInput(rnd, g.policy, pools.get(g))])
  rnd.shuffle(timedJobs)
  const paceMs = 12_000 / timedJobs.length
  const phaseStart = Date.now()
  let nextFlap = phaseStart + rnd.int(300, 1500)
  for (const [i, [g, input]] of timedJobs.entries()) {
    const due = phaseStart + i * paceMs
    if (Date.now() < due) await sleep(due - Date.now())
    if (Date.now() >= nextFlap) {
      await flappy.set(!flappy.up)
      nextFlap = Date.now() + rnd.int(300, 1500)
    }
    await checker.check(g, input)
  }
}

/**
 * A reload (what the lab's operator does when a server joins or is drained): new workers build every
 * upstream afresh — round robin from zero weights, failure counts and windows cleared — while the old
 * worker only finishes what it holds (docs/facts/nginx-products.md §4). The model's groups start afresh
 * too; the same kind of traffic must give the same answers. (Without the reset in the model, the round
 * robin groups' weights and the dead backends' windows carried over would disagree with nginx.)
 */
async function reloadPhase(rnd: Random, checker: Checker, bin: string, dir: string, fast: Group[], timed: Group[]): Promise<void> {
  const errorLog = path.join(dir, 'error.log')
  const quits = (): number => fs.readFileSync(errorLog, 'utf8').split('gracefully shutting down').length - 1
  const before = quits()
  const r = runNginx(bin, dir, ['-s', 'reload'])
  if (!r.ok) throw new Error(`nginx -s reload failed:\n${r.output}`)
  // The master signals the old worker 100 ms after starting the new one; until then it may still accept.
  const deadline = Date.now() + 10_000
  while (quits() <= before) {
    if (Date.now() > deadline) throw new Error('the old nginx worker never began its graceful shutdown')
    await sleep(20)
  }
  checker.reconnect()
  for (const g of [...fast, ...timed]) {
    g.rr = createRoundRobinState(g.servers)
    g.health = createPeerHealth(g.servers)
  }
  const jobs: [Group, Input][] = []
  for (const g of fast) for (let i = 0; i < 12; i++) jobs.push([g, randomInput(rnd, g.policy)])
  for (const g of timed) for (let i = 0; i < 4; i++) jobs.push([g, randomInput(rnd, g.policy)])
  for (const [g, input] of rnd.shuffle(jobs)) await checker.check(g, input, ' reloaded')
}

function report(checker: Checker, goldenTotal: number, goldenBad: number, started: number): void {
  checker.tally.print('policy', 44)
  if (goldenTotal > 0) console.log(`golden vectors (docs/facts/nginx.md): ${goldenTotal - goldenBad}/${goldenTotal} as recorded`)
  else console.log('golden vectors skipped (ports 18081–18084 busy)')
  const seen = checker.seen
  console.log(
    `exercised: ${seen.retried} second-choice retries, ${seen.triesExhausted} 502 after all tries, ` +
      `${seen.noLive} 502 no live upstreams, ${seen.probes} re-probes after fail_timeout, ` +
      `${seen.recovered} fail counts cleared by a success, ` +
      `${seen.hashFallback} hash→round-robin fallbacks (>20 tries), ${seen.emptyKey} empty keys, ` +
      `${seen.realipIgnored} X-Real-IP values nginx ignores`,
  )
  if (checker.straddled > 0) console.log(`requests re-evaluated at the next second (crossed a second boundary): ${checker.straddled}`)
  console.log(`run time ${elapsed(started)}`)
  for (const m of checker.mismatches.slice(0, 5)) {
    console.log('')
    console.log(`MISMATCH in ${m.group.name} (${m.group.policy}): upstream "${m.group.text}"`)
    console.log(`  dead: ${[...m.group.dead].map((i) => m.group.servers[i]?.name).join(', ') || 'none'}`)
    if (m.group.flappy >= 0) console.log(`  flapping: ${m.group.servers[m.group.flappy]?.name} (up: ${m.flappyUp})`)
    console.log(`  input: ${JSON.stringify(m.input)} at ${new Date(m.at).toISOString()}`)
    console.log(`  nginx: ${JSON.stringify(m.actual)}`)
    console.log(`  model: ${JSON.stringify(m.expected)}`)
    for (const s of m.steps) console.log(`    ${s}`)
  }
}

async function main(): Promise<number> {
  const started = Date.now()
  const bin = findNginx()
  if (!bin) {
    if (process.env.REQUIRE_NGINX === '1') {
      console.error('nginx not installed (Debian package "nginx") — REQUIRE_NGINX=1, failing')
      return 1
    }
    console.log('nginx not installed (Debian package "nginx": apt-get install nginx) — conformance skipped')
    return 0
  }
  const seed = runSeed()
  console.log(`nginx conformance: ${bin}, seed ${seed} (replay with SEED=${seed})`)
  const rnd = new Random(seed)
  const cleanup = new Cleanup()
  cleanup.install()
  const dir = makeTempDir('nginx-conformance-', cleanup)
  fs.mkdirSync(path.join(dir, 'tmp'))
  quitOnCleanup(bin, dir, cleanup)
  let backends: http.Server[] = []
  const flappy = new FlappingBackend()
  const checker0: { c: Checker | null } = { c: null }
  try {
    const ports = await choosePorts(flappy)
    backends = await startBackends(ports.live)
    await flappy.set(true)
    const { fast, timed } = buildGroups(rnd, ports, `127.0.0.1:${flappy.port}`)
    const golden = ports.goldenFree ? goldenGroups() : { groups: [], checks: [] }
    const groups = [...golden.groups, ...fast, ...timed]

    fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(dir, ports.listen, groups))
    const test = runNginx(bin, dir, ['-t'])
    if (!test.ok) {
      console.error(`nginx -t failed:\n${test.output}`)
      return 1
    }
    const start = runNginx(bin, dir, [])
    if (!start.ok) {
      console.error(`nginx failed to start:\n${start.output}`)
      return 1
    }
    await waitForPort(ports.listen, 5000, 'nginx')

    const checker = new Checker(new http.Agent({ keepAlive: true, maxSockets: 1 }), ports.listen, flappy)
    checker0.c = checker
    // 1. Golden vectors: nginx must agree with the table measured earlier, and so must the model.
    let goldenBad = 0
    for (const { group, input, port } of golden.checks) {
      const actual = await checker.check(group, input)
      if (actual.body !== port) goldenBad++
    }
    // 2. Plain hashing groups, 3. dead-backend groups.
    await fastPhase(rnd, checker, fast)
    await timedPhase(rnd, checker, timed, flappy)
    // 4. A reload: everything starts afresh.
    await reloadPhase(rnd, checker, bin, dir, fast, timed)

    report(checker, golden.checks.length, goldenBad, started)
    return checker.mismatches.length === 0 && goldenBad === 0 ? 0 : 1
  } finally {
    checker0.c?.agent.destroy()
    if (readPid(dir) !== null) await stopNginx(bin, dir)
    if (flappy.server) backends.push(flappy.server)
    await Promise.all(backends.map(closeServer))
    cleanup.dispose()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    process.exit(1)
  },
)
