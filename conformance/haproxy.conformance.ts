// Conformance: our HAProxy 2.6 model (src/sim/haproxy) against Debian's real haproxy on loopback.
//
// Starts tiny Node backends and a private haproxy (nbthread 1) with random backends — balance source and
// hdr() on map-based and consistent hashing (random hash functions, avalanche, weights, explicit ids,
// servers in maint / drain / weight 0 / DOWN by checks / dead without checks), cookie-insert backends
// (indirect, nocache, maxidle/maxlife, persist, redispatch) and `stick on src` tables — sets each
// request's client address with `http-request set-src`, and compares every answer (server, status,
// Set-Cookie text, Cache-control, the cookie the server saw) with the model fed the same inputs.
//
//   npx tsx conformance/haproxy.conformance.ts        (npm run test:haproxy)
//   SEED=123 …  replay a run;  REQUIRE_HAPROXY=1 …  fail instead of skipping without haproxy;
//   HAPROXY=/path/to/haproxy …  use that binary;  KEEP_DIR=1 …  keep the temp dir (config, log)

import http from 'node:http'
import type { Server } from 'node:http'
import { findHaproxy } from './lib/checkConfig.ts'
import { closeServer, startBackends } from './lib/backends.ts'
import { closedPorts, freePorts, sleep } from './lib/net.ts'
import { Cleanup, makeTempDir } from './lib/process.ts'
import { Random, runSeed } from './lib/random.ts'
import { elapsed, Tally } from './lib/report.ts'
import { checkGolden, goldenGroups } from './haproxy/golden.ts'
import { playRrGolden, rrGoldenGroups } from './haproxy/rrGolden.ts'
import { haproxyConfig, label, randomGroup, type Group, type GroupOptions } from './haproxy/groups.ts'
import { startHaproxy, type HaproxyInstance } from './haproxy/instance.ts'
import { applyRuntimeChanges, waitForStates } from './haproxy/runtime.ts'
import { predict, randomInput, same, send, type Answer, type Input } from './haproxy/traffic.ts'
import { randomIp } from './haproxy/inputs.ts'

interface Mismatch {
  group: Group
  input: Input
  expected: Answer
  actual: Answer
  steps: string[]
  at: number
}

async function main(): Promise<number> {
  const started = Date.now()
  const bin = findHaproxy()
  if (!bin) {
    if (process.env.REQUIRE_HAPROXY === '1') {
      console.error('haproxy not installed (Debian package "haproxy") — REQUIRE_HAPROXY=1, failing')
      return 1
    }
    console.log('haproxy not installed (Debian package "haproxy": apt-get install haproxy) — conformance skipped')
    return 0
  }
  const seed = runSeed()
  console.log(`haproxy conformance: ${bin}, seed ${seed} (replay with SEED=${seed})`)
  const rnd = new Random(seed)
  const cleanup = new Cleanup()
  cleanup.install()
  let backends: Server[] = []
  let inst: HaproxyInstance | null = null
  const agents: http.Agent[] = []
  try {
    const dir = makeTempDir('haproxy-conformance-', cleanup)
    const live = await freePorts(10)
    const dead = await closedPorts(3, live)
    const [listenPort] = await freePorts(1, [...live, ...dead])
    if (listenPort === undefined) throw new Error('no free port')
    backends = await startBackends(live)

    // Groups. Each gets its own random stream (seeded from the run's), so lanes interleaving in time
    // does not change what a replay sends.
    const groups: Group[] = []
    const plan: [GroupOptions, number, number][] = [
      [{ kind: 'hash', deadCount: 0, deadChecked: true }, 10, 220],
      [{ kind: 'hash', deadCount: 2, deadChecked: true }, 6, 220],
      [{ kind: 'hash', deadCount: 1, deadChecked: false }, 3, 30],
      [{ kind: 'cookie', deadCount: 0, deadChecked: true }, 4, 170],
      [{ kind: 'cookie', deadCount: 1, deadChecked: true }, 4, 170],
      [{ kind: 'cookie', deadCount: 1, deadChecked: false }, 2, 45],
      [{ kind: 'stick', deadCount: 1, deadChecked: true }, 4, 0],
      // balance roundrobin: servers leaving and coming back (maint / drain / ready), redispatches.
      [{ kind: 'hash', deadCount: 0, deadChecked: true, roundrobin: true }, 4, 150],
      [{ kind: 'hash', deadCount: 1, deadChecked: true, roundrobin: true }, 3, 150],
      [{ kind: 'hash', deadCount: 1, deadChecked: false, roundrobin: true }, 2, 40],
      [{ kind: 'cookie', deadCount: 1, deadChecked: true, roundrobin: true }, 3, 150],
      [{ kind: 'cookie', deadCount: 1, deadChecked: false, roundrobin: true }, 2, 40],
    ]
    const quota = new Map<Group, number>()
    const streams = new Map<Group, Random>()
    for (const [opts, count, requests] of plan) {
      for (let i = 0; i < count; i++) {
        const g = randomGroup(rnd, `g${groups.length}`, live, dead, opts)
        groups.push(g)
        quota.set(g, requests)
        streams.set(g, new Random(rnd.int(0, 0x7fffffff)))
      }
    }
    const golden = goldenGroups(live)
    const rrGolden = rrGoldenGroups(live)
    const all = [...golden.map((x) => x.group), ...rrGolden.map((x) => x.group), ...groups]

    inst = await startHaproxy(bin, dir, haproxyConfig(dir, listenPort, all), [listenPort], cleanup)
    for (const g of all) for (const i of g.drainAtStart) await inst.command(`set server ${g.name}/${g.cfg.servers[i]?.name} state drain`)
    const stateCheck = await waitForStates(inst, all, 8000)
    if (stateCheck) {
      console.error(`haproxy's server states never matched the model's: ${stateCheck}`)
      return 1
    }

    const tally = new Tally()
    const mismatches: Mismatch[] = []
    let straddled = 0
    const seen = { redispatched: 0, retried: 0, noServer: 0, viaCookie: 0, viaStick: 0, setCookie: 0, cachePrivate: 0, rrFallback: 0 }

    const check = async (agent: http.Agent, g: Group, make: (nowSec: number) => Input): Promise<Answer> => {
      if (g.timed) {
        // HAProxy reads dates in whole seconds: keep a request inside one second where we can.
        const ms = Date.now() % 1000
        if (ms > 950) await sleep(1000 - ms + 5)
      }
      const before = Date.now()
      const input = make(Math.floor(before / 1000))
      const snap = structuredClone({ rr: g.state.rr, table: g.state.table })
      const actual = await send(agent, listenPort, g, input)
      const after = Date.now()
      let { answer, result } = predict(g, input, before)
      if (!same(g, input, answer, actual) && Math.floor(before / 1000) !== Math.floor(after / 1000)) {
        straddled++
        g.state.rr = snap.rr
        g.state.table = snap.table
        ;({ answer, result } = predict(g, input, after))
      }
      if (result.redispatched) seen.redispatched++
      if (result.attempts.length > 1) seen.retried++
      if (result.status === 503) seen.noServer++
      if (result.via === 'cookie') seen.viaCookie++
      if (result.via === 'stick') seen.viaStick++
      if (result.setCookie) seen.setCookie++
      if (result.cacheControl) seen.cachePrivate++
      if (result.steps.some((s) => s.includes('round robin'))) seen.rrFallback++
      const ok = same(g, input, answer, actual)
      tally.count(label(g), ok)
      if (!ok) mismatches.push({ group: g, input, expected: answer, actual, steps: result.steps, at: before })
      return actual
    }

    // Runs `work` for each group, several groups at once (each group's requests stay in order).
    const lanes = async (list: readonly Group[], width: number, work: (agent: http.Agent, g: Group) => Promise<void>): Promise<void> => {
      const queue = [...list]
      await Promise.all(
        Array.from({ length: width }, async () => {
          const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
          agents.push(agent)
          for (let g = queue.shift(); g; g = queue.shift()) await work(agent, g)
        }),
      )
    }

    // 1. Golden vectors (recorded from haproxy 2.6.12): haproxy must still agree, and so must the model.
    let goldenBad = 0
    const goldenAgent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    agents.push(goldenAgent)
    for (const { group, cases } of golden) {
      const got: string[] = []
      for (const c of cases) {
        const input: Input = { ip: c.ip, keys: c.keys, cookie: null, otherCookies: false, method: 'GET', responseHeaders: [] }
        const actual = await check(goldenAgent, group, () => input)
        got.push(actual.server)
        if (!checkGolden(actual.server, c.expected)) goldenBad++
      }
      if (process.env.RECORD_GOLDEN === '1') console.log(`${group.name}: ${JSON.stringify(got)}`)
    }
    // …and the round-robin sequences, with servers leaving and coming back.
    let rrGoldenBad = 0
    const plain: Input = { ip: '127.0.0.1', keys: [], cookie: null, otherCookies: false, method: 'GET', responseHeaders: [] }
    for (const g of rrGolden) {
      const got = await playRrGolden(inst, g, async () => (await check(goldenAgent, g.group, () => plain)).server)
      if (process.env.RECORD_GOLDEN === '1') console.log(`${g.group.name}: ${JSON.stringify(got)}`)
      else if (JSON.stringify(got) !== JSON.stringify(g.golden.expected)) {
        rrGoldenBad++
        console.error(`${g.group.name}: haproxy answered ${JSON.stringify(got)}, recorded ${JSON.stringify(g.golden.expected)}`)
      }
    }

    // 2. Hash and cookie traffic, then runtime state changes (maint / drain / ready) and more traffic.
    const traffic = groups.filter((g) => g.kind !== 'stick')
    const phase = async (share: number): Promise<void> =>
      lanes(traffic, 6, async (agent, g) => {
        const r = streams.get(g) as Random
        const n = Math.round((quota.get(g) ?? 0) * share)
        for (let i = 0; i < n; i++) await check(agent, g, (nowSec) => randomInput(r, g, nowSec))
      })
    await phase(0.7)
    const changed = await applyRuntimeChanges(rnd, inst, traffic)
    const afterChange = await waitForStates(inst, all, 8000)
    if (afterChange) {
      console.error(`after runtime changes, haproxy's server states never matched the model's: ${afterChange}`)
      return 1
    }
    await phase(0.3)

    // 3. Stick tables: rounds of requests from a pool of clients (each group's own pool), some rounds
    //    back to back (entries alive), one after a pause longer than `expire` (entries gone), with a
    //    runtime state change in between. A round is short, so no request lands near an expiry.
    const sticky = groups.filter((g) => g.kind === 'stick')
    const pools = new Map<Group, string[]>()
    for (const g of sticky) {
      const r = streams.get(g) as Random
      pools.set(g, Array.from({ length: 25 }, () => randomIp(r)))
    }
    const round = (): Promise<void> =>
      lanes(sticky, sticky.length, async (agent, g) => {
        const r = streams.get(g) as Random
        for (let i = 0; i < 40; i++) await check(agent, g, (nowSec) => randomInput(r, g, nowSec, pools.get(g)))
      })
    await round()
    await round()
    await applyRuntimeChanges(rnd, inst, sticky)
    const stickStates = await waitForStates(inst, all, 8000)
    if (stickStates) {
      console.error(`stick groups: haproxy's server states never matched the model's: ${stickStates}`)
      return 1
    }
    await round()
    await sleep(2700)
    await round()
    await round()

    // Report
    tally.print('backend (balance, hash-type, extras)', 44)
    console.log(`golden vectors (haproxy 2.6.12): ${golden.reduce((a, x) => a + x.cases.length, 0) - goldenBad}/${golden.reduce((a, x) => a + x.cases.length, 0)} as recorded`)
    console.log(`round-robin golden sequences (servers leaving and coming back): ${rrGolden.length - rrGoldenBad}/${rrGolden.length} as recorded`)
    console.log(
      `exercised: ${seen.retried} retried connections, ${seen.redispatched} redispatches, ${seen.noServer} 503s, ` +
        `${seen.viaCookie} cookie hits, ${seen.viaStick} stick-table hits, ${seen.setCookie} Set-Cookie, ` +
        `${seen.cachePrivate} Cache-control: private, ${seen.rrFallback} round-robin fallbacks, ${changed} runtime state changes`,
    )
    if (straddled > 0) console.log(`requests re-evaluated at the next second (crossed a second boundary): ${straddled}`)
    console.log(`run time ${elapsed(started)}`)
    for (const m of mismatches.slice(0, 5)) {
      console.log('')
      console.log(`MISMATCH in ${m.group.name} (${label(m.group)}), at ${new Date(m.at).toISOString()}`)
      console.log(m.group.cfg.servers.map((s, i) => `    ${s.name} id ${s.id} w ${s.weight} ${s.state}${s.cookie ? ` cookie ${s.cookie}` : ''}${m.group.dead.has(i) ? ' DEAD' : ''}${m.group.checked.has(i) ? ' check' : ''}`).join('\n'))
      console.log(`  hash-type ${m.group.cfg.hashType.type} ${m.group.cfg.hashType.fn}${m.group.cfg.hashType.avalanche ? ' avalanche' : ''}; cookie ${m.group.cookieText ?? '-'}; persist ${m.group.cfg.persist}; redispatch ${m.group.cfg.redispatch}; retries ${m.group.cfg.retries}`)
      console.log(`  input: ${JSON.stringify(m.input)}`)
      console.log(`  haproxy: ${JSON.stringify(m.actual)}`)
      console.log(`  model:   ${JSON.stringify(m.expected)}`)
      for (const s of m.steps) console.log(`    ${s}`)
    }
    return mismatches.length === 0 && goldenBad === 0 && rrGoldenBad === 0 ? 0 : 1
  } finally {
    for (const a of agents) a.destroy()
    if (inst) await inst.stop()
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
