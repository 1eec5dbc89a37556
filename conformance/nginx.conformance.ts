// Conformance: our nginx upstream model (src/sim/nginx) against a real nginx on loopback.
//
// Starts tiny Node backends and a private nginx (worker_processes 1, so failure state is deterministic),
// sends thousands of requests sequentially — random client IPs through realip for ip_hash, random `k`
// keys for `hash $arg_k [consistent]`, groups with dead backends for second choices and fail_timeout —
// and compares every answer (backend, status, full $upstream_addr) with the model fed the same inputs.
//
//   npx tsx conformance/nginx.conformance.ts        (npm run test:nginx)
//   SEED=123 …  replay a run;  REQUIRE_NGINX=1 …  fail instead of skipping without nginx;
//   NGINX=/path/to/nginx …  use that binary;  KEEP_DIR=1 …  keep the temp dir (config, error.log)

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator'
import {
  buildRing,
  createPeerHealth,
  createPicker,
  createRoundRobinState,
  parseUpstream,
  peerViewAt,
  realIpFromHeader,
  simulateRequest,
  upstreamAddr,
  type PeerHealth,
  type Policy,
  type RequestResult,
  type Ring,
  type RoundRobinState,
  type UpstreamServer,
} from '../src/sim/nginx/index.ts'

// ---------------------------------------------------------------------------------------------------
// Types

interface Group {
  name: string
  policy: Policy
  /** The upstream as the lab would write it ("127.0.0.1:41001 weight=2; …"). */
  text: string
  servers: UpstreamServer[]
  /** Peers on a closed port: every try fails. */
  dead: ReadonlySet<number>
  /** Peer on the flapping backend (up/down during the run), or -1. */
  flappy: number
  health: PeerHealth
  rr: RoundRobinState
  ring: Ring
  /** Whether answers depend on the clock (dead or flapping backends → failure windows). */
  timed: boolean
}

/** One request: an ip_hash client IP (null = no X-Real-IP header) or a raw `k` query value (null = no k). */
interface Input {
  ip?: string | null
  k?: string | null
}

interface Answer {
  status: number
  body: string
  upstream: string
}

interface Mismatch {
  group: Group
  input: Input
  expected: Answer
  actual: Answer
  steps: string[]
  flappyUp: boolean
  at: number
}

// ---------------------------------------------------------------------------------------------------
// Small utilities

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The nginx binary: $NGINX if set (only that), else /usr/sbin/nginx, else the first `nginx` on PATH. */
function findNginx(): string | null {
  const override = process.env.NGINX
  const candidates = override
    ? [override]
    : ['/usr/sbin/nginx', ...(process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, 'nginx'))]
  for (const file of candidates) {
    try {
      fs.accessSync(file, fs.constants.X_OK)
      return file
    } catch {
      // not here
    }
  }
  return null
}

class Random {
  private readonly rng: RandomGenerator
  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed)
  }
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to)
  }
  chance(p: number): boolean {
    return this.int(0, 9999) < p * 10000
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i)
      const a = items[i] as T
      items[i] = items[j] as T
      items[j] = a
    }
    return items
  }
}

/** A free loopback port (bound, then released). Used both for listeners and for "dead" backends. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}

// ---------------------------------------------------------------------------------------------------
// Backends: one handler on many ports, answering with the port it was reached on

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  req.resume()
  res.writeHead(200, { 'Content-Type': 'text/plain' })
  res.end(String(req.socket.localPort))
}

async function listenOn(port: number): Promise<http.Server> {
  const srv = http.createServer(handler)
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject)
    srv.listen(port, '127.0.0.1', () => resolve())
  })
  return srv
}

const closeServer = (srv: http.Server): Promise<void> =>
  new Promise((resolve) => {
    srv.close(() => resolve())
    srv.closeAllConnections()
  })

async function startBackends(ports: number[]): Promise<http.Server[]> {
  const servers: http.Server[] = []
  for (const port of ports) servers.push(await listenOn(port))
  return servers
}

/** A backend that goes up and down during the run: failures, then successes that reset the fail count. */
const flappy: { port: number; server: http.Server | null; up: boolean } = { port: 0, server: null, up: false }

async function setFlappy(up: boolean): Promise<void> {
  if (up === flappy.up) return
  if (up) flappy.server = await listenOn(flappy.port)
  else if (flappy.server) {
    await closeServer(flappy.server)
    flappy.server = null
  }
  flappy.up = up
}

// ---------------------------------------------------------------------------------------------------
// Random configurations and inputs

const DIRECTIVE: Record<Policy, string> = {
  'round-robin': '',
  'ip-hash': 'ip_hash;',
  hash: 'hash $arg_k;',
  'hash-consistent': 'hash $arg_k consistent;',
}

function makeGroup(name: string, policy: Policy, entries: string[], dead: ReadonlySet<string>, flappyAddr = ''): Group {
  const text = entries.join('; ')
  const servers = parseUpstream(text)
  const deadIdx = new Set<number>()
  servers.forEach((s, i) => {
    if (dead.has(s.name)) deadIdx.add(i)
  })
  return {
    name,
    policy,
    text,
    servers,
    dead: deadIdx,
    flappy: servers.findIndex((s) => s.name === flappyAddr),
    health: createPeerHealth(servers),
    rr: createRoundRobinState(servers),
    ring: buildRing(servers),
    timed: deadIdx.size > 0 || servers.some((s) => s.name === flappyAddr),
  }
}

/** A server entry with random (sometimes explicit default) parameters. */
function entry(rnd: Random, addr: string, opts: { down?: boolean; failures?: boolean }): string {
  const parts = [addr]
  if (rnd.chance(0.45)) parts.push(`weight=${rnd.int(1, 5)}`)
  if (opts.failures) {
    if (rnd.chance(0.6)) parts.push(`max_fails=${rnd.pick([0, 1, 1, 2, 3])}`)
    if (rnd.chance(0.8)) parts.push(`fail_timeout=${rnd.pick(['1s', '1', '2s', '3s', '10s'])}`)
  }
  if (opts.down) parts.push('down')
  return parts.join(' ')
}

function randomGroup(rnd: Random, name: string, policy: Policy, live: number[], deadPorts: number[], deadCount: number): Group {
  const n = rnd.int(Math.max(2, deadCount + 1), deadCount > 0 ? 6 : 10)
  const addrs = rnd.shuffle(live.map((p) => `127.0.0.1:${p}`)).slice(0, n - deadCount)
  const deadAddrs = rnd.shuffle(deadPorts.map((p) => `127.0.0.1:${p}`)).slice(0, deadCount)
  const all = rnd.shuffle([...addrs, ...deadAddrs])
  // Some `down` servers, but keep at least one live, non-down server.
  const downs = new Set<string>()
  for (const a of all) if (rnd.chance(0.15)) downs.add(a)
  const firstLive = all.find((a) => addrs.includes(a))
  if (firstLive) downs.delete(firstLive)
  const entries = all.map((a) => entry(rnd, a, { down: downs.has(a), failures: deadCount > 0 }))
  return makeGroup(name, policy, entries, new Set(deadAddrs))
}

const POPULAR_24 = ['10.20.30', '100.64.7', '192.0.2', '198.51.100', '203.0.113', '172.16.9', '81.2.69', '8.8.4']
const POPULAR_64 = ['2001:db8:1:2', '2001:db8:aa:bb', 'fd00:0:0:1', '2a02:c7f:abcd:10']

function randomIpv4(rnd: Random): string {
  if (rnd.chance(0.4)) return `${rnd.pick(POPULAR_24)}.${rnd.int(0, 255)}`
  return [rnd.int(1, 223), rnd.int(0, 255), rnd.int(0, 255), rnd.int(0, 255)].join('.')
}

/** IPv6 in many spellings: ≤ 4 hex digits per group, "::" anywhere (nginx refuses a trailing one-group "::"), mixed case, v4 tails. */
function randomIpv6(rnd: Random): string {
  const groups: number[] = []
  if (rnd.chance(0.4)) {
    for (const g of rnd.pick(POPULAR_64).split(':')) groups.push(parseInt(g, 16))
    while (groups.length < 8) groups.push(rnd.chance(0.3) ? 0 : rnd.int(0, 0xffff))
  } else {
    for (let i = 0; i < 8; i++) groups.push(rnd.chance(0.35) ? 0 : rnd.int(0, 0xffff))
  }
  if (rnd.chance(0.08)) return `::ffff:${rnd.int(1, 223)}.${rnd.int(0, 255)}.${rnd.int(0, 255)}.${rnd.int(0, 255)}`
  if (rnd.chance(0.05)) return rnd.pick(['::1', '::', '2001:db8::1', 'fe80::1'])
  let text = groups.map((g) => g.toString(16)).join(':')
  // Compress the first run of ≥ 1 zero groups with "::" sometimes (any run is valid input).
  if (rnd.chance(0.7)) {
    const m = /(^|:)0(:0)*(:|$)/.exec(text)
    if (m) text = `${text.slice(0, m.index)}::${text.slice(m.index + m[0].length)}`
  }
  return rnd.chance(0.2) ? text.toUpperCase() : text
}

/** X-Real-IP values at the edge of nginx's parser: ports, lists, RFC-valid but nginx-invalid, garbage. */
const ODD_IPS = [
  '1.2.3.4:8080',
  '[2001:db8::5]:443',
  '[2001:db8::6]',
  '9.9.9.9, 5.6.7.8',
  '5.6.7.8,',
  '255.255.255.255',
  '1..2.3',
  '001.002.003.004',
  '1.2.3.4.5',
  '256.1.1.1',
  ':1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7::',
  '::2:3:4:5:6:7:8',
  '2001:db8:0:0:0:0:0:12345',
  '2001:db8::1::2',
  '::ffff:255.255.255.255',
  'fe80::1%eth0',
  'not-an-ip',
]

function randomIp(rnd: Random): string {
  if (rnd.chance(0.03)) return rnd.pick(ODD_IPS)
  return rnd.chance(0.75) ? randomIpv4(rnd) : randomIpv6(rnd)
}

const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~'

/** A raw query value for `k` ($arg_k is not URL-decoded, so the model hashes the raw text). */
function randomKey(rnd: Random): string | null {
  if (rnd.chance(0.03)) return null
  if (rnd.chance(0.03)) return ''
  const style = rnd.int(0, 3)
  if (style === 0) return `user-${rnd.int(0, 99999)}`
  if (style === 1) return `session-${rnd.int(0, 999)}`
  let key = ''
  const len = rnd.int(1, 16)
  for (let i = 0; i < len; i++) key += KEY_CHARS[rnd.int(0, KEY_CHARS.length - 1)]
  if (style === 3) key += rnd.pick(['%C3%A9', '%2F', '%20x', '%E2%82%AC'])
  return key
}

function randomInput(rnd: Random, policy: Policy, pool?: Input[]): Input {
  if (pool && pool.length > 0) return rnd.pick(pool)
  if (policy === 'ip-hash') return { ip: rnd.chance(0.01) ? null : randomIp(rnd) }
  return { k: randomKey(rnd) }
}

// ---------------------------------------------------------------------------------------------------
// nginx

function nginxConf(dir: string, listenPort: number, groups: Group[]): string {
  const upstreams = groups.map((g) => {
    const lines = g.text.split('; ').map((e) => `server ${e};`)
    return `  upstream ${g.name} { ${DIRECTIVE[g.policy]} ${lines.join(' ')} }`
  })
  const tmp = path.join(dir, 'tmp')
  return `worker_processes 1;
daemon on;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log notice;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${tmp}; proxy_temp_path ${tmp};
  fastcgi_temp_path ${tmp}; uwsgi_temp_path ${tmp}; scgi_temp_path ${tmp};
  keepalive_requests 1000000;

  set_real_ip_from 127.0.0.1;
  real_ip_header X-Real-IP;

${upstreams.join('\n')}

  server {
    listen 127.0.0.1:${listenPort};
    location ~ ^/(?<grp>[a-z0-9]+)$ {
      proxy_pass http://$grp;
      proxy_next_upstream error timeout;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`
}

function runNginx(bin: string, dir: string, extra: string[]): { ok: boolean; output: string } {
  const r = spawnSync(bin, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log'), ...extra], {
    encoding: 'utf8',
    timeout: 15_000,
  })
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() }
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1')
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`nginx did not start listening on 127.0.0.1:${port}`)
    await sleep(50)
  }
}

function readPid(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'nginx.pid'), 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

async function stopNginx(bin: string, dir: string): Promise<void> {
  const pid = readPid(dir)
  if (pid === null) return
  runNginx(bin, dir, ['-s', 'quit'])
  for (let i = 0; i < 50; i++) {
    if (!alive(pid)) return
    await sleep(100)
  }
  try {
    process.kill(pid, 'SIGTERM') // the master we started, by its own pid file
  } catch {
    // already gone
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------------------------------
// Requests and the model

function send(agent: http.Agent, port: number, group: Group, input: Input): Promise<Answer> {
  let reqPath = `/${group.name}`
  const headers: Record<string, string> = {}
  if (group.policy === 'ip-hash') {
    if (input.ip) headers['X-Real-IP'] = input.ip
  } else if (input.k !== null && input.k !== undefined) {
    reqPath += `?k=${input.k}`
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: reqPath, headers, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        const up = res.headers['x-upstream']
        resolve({ status: res.statusCode ?? 0, body: res.statusCode === 200 ? body : '', upstream: String(up ?? '') })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * The model's key for an input: for ip_hash the address realip extracts from X-Real-IP, or the connection's
 * own 127.0.0.1 when the header is missing or unparsable to nginx; for hash the raw `k` (missing → empty).
 */
function modelKey(group: Group, input: Input): string | Uint8Array {
  if (group.policy === 'ip-hash') return (input.ip ? realIpFromHeader(input.ip)?.bytes : undefined) ?? '127.0.0.1'
  return input.k ?? ''
}

function predict(group: Group, input: Input, nowMs: number): { answer: Answer; result: RequestResult } {
  const result = simulateRequest({
    policy: group.policy,
    health: group.health,
    rr: group.rr,
    ring: group.ring,
    key: modelKey(group, input),
    nowMs,
    attempt: (i) => !group.dead.has(i) && (i !== group.flappy || flappy.up),
  })
  const names = group.servers.map((s) => s.name)
  const served = result.served === null ? null : group.servers[result.served]
  const answer: Answer = {
    status: served ? 200 : 502,
    body: served ? (served.name.split(':')[1] ?? '') : '',
    upstream: upstreamAddr(result, names, group.name),
  }
  return { answer, result }
}

/** The peer a fresh upstream (no failures, round robin at rest) would pick first for `input`. */
function firstChoice(group: Group, input: Input): number | null {
  const fresh = createPeerHealth(group.servers)
  const picker = createPicker(group.policy, peerViewAt(fresh, 0), modelKey(group, input), createRoundRobinState(group.servers), group.ring)
  return picker.next().index
}

type Snapshot = string
const snapshot = (g: Group): Snapshot => JSON.stringify({ peers: g.health.peers, rr: g.rr })
function restore(g: Group, snap: Snapshot): void {
  const data = JSON.parse(snap) as { peers: PeerHealth['peers']; rr: RoundRobinState }
  g.health.peers = data.peers
  g.rr.current = data.rr.current
  g.rr.effective = data.rr.effective
}

const same = (a: Answer, b: Answer): boolean => a.status === b.status && a.body === b.body && a.upstream === b.upstream

// ---------------------------------------------------------------------------------------------------
// Golden vectors: docs/facts/nginx.md, "Reference answers from real nginx" (only when ports 18081–18084
// are free to reuse the same server strings)

const GOLDEN_IPS: [string, string, string, string][] = [
  ['1.2.3.4', '18082', '18083', '18081'],
  ['1.2.3.200', '18082', '18083', '18081'],
  ['8.8.8.8', '18083', '18083', '18083'],
  ['10.0.0.1', '18081', '18081', '18082'],
  ['100.64.0.1', '18082', '18081', '18081'],
  ['172.16.5.4', '18082', '18083', '18083'],
  ['192.168.1.10', '18082', '18083', '18083'],
  ['203.0.113.7', '18081', '18081', '18081'],
  ['2001:db8::1', '18083', '18083', '18081'],
  ['::1', '18083', '18083', '18083'],
]
const GOLDEN_KEYS: [string, string, string, string, string, string][] = [
  ['alice', '18082', '18081', '18083', '18083', '18084'],
  ['bob', '18083', '18083', '18083', '18083', '18083'],
  ['carol', '18081', '18081', '18081', '18081', '18081'],
  ['dave', '18081', '18081', '18081', '18081', '18084'],
  ['erin', '18082', '18081', '18083', '18083', '18083'],
  ['frank', '18083', '18083', '18081', '18081', '18084'],
  ['session-1', '18083', '18081', '18083', '18083', '18084'],
  ['session-2', '18082', '18083', '18082', '18081', '18084'],
  ['42', '18083', '18081', '18081', '18081', '18081'],
  ['/index.html', '18083', '18081', '18083', '18083', '18083'],
]

function goldenGroups(): { groups: Group[]; checks: { group: Group; input: Input; port: string }[] } {
  const s = (p: number, extra = ''): string => `127.0.0.1:${p}${extra}`
  const none = new Set<string>()
  const g = {
    iph3: makeGroup('goldiph3', 'ip-hash', [s(18081), s(18082), s(18083)], none),
    iph3d: makeGroup('goldiph3d', 'ip-hash', [s(18081), s(18082, ' down'), s(18083)], none),
    iphw: makeGroup('goldiphw', 'ip-hash', [s(18081, ' weight=3'), s(18082), s(18083, ' weight=2')], none),
    mod3: makeGroup('goldmod3', 'hash', [s(18081), s(18082), s(18083)], none),
    mod2: makeGroup('goldmod2', 'hash', [s(18081), s(18083)], none),
    ch3: makeGroup('goldch3', 'hash-consistent', [s(18081), s(18082), s(18083)], none),
    ch2: makeGroup('goldch2', 'hash-consistent', [s(18081), s(18083)], none),
    ch4: makeGroup('goldch4', 'hash-consistent', [s(18081), s(18082), s(18083), s(18084)], none),
  }
  const checks: { group: Group; input: Input; port: string }[] = []
  for (const [ip, a, b, c] of GOLDEN_IPS) {
    checks.push({ group: g.iph3, input: { ip }, port: a }, { group: g.iph3d, input: { ip }, port: b })
    checks.push({ group: g.iphw, input: { ip }, port: c })
  }
  for (const [k, m3, m2, c3, c2, c4] of GOLDEN_KEYS) {
    checks.push({ group: g.mod3, input: { k }, port: m3 }, { group: g.mod2, input: { k }, port: m2 })
    checks.push({ group: g.ch3, input: { k }, port: c3 }, { group: g.ch2, input: { k }, port: c2 })
    checks.push({ group: g.ch4, input: { k }, port: c4 })
  }
  return { groups: Object.values(g), checks }
}

// ---------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<number> {
  const started = Date.now()
  const bin = findNginx()
  if (!bin) {
    if (process.env.REQUIRE_NGINX === '1') {
      console.error('nginx not installed — REQUIRE_NGINX=1, failing')
      return 1
    }
    console.log('nginx not installed — conformance skipped')
    return 0
  }
  const seed = process.env.SEED !== undefined ? Number(process.env.SEED) >>> 0 : (Date.now() ^ (process.pid << 16)) >>> 0
  console.log(`nginx conformance: ${bin}, seed ${seed} (replay with SEED=${seed})`)
  const rnd = new Random(seed)

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-conformance-'))
  fs.chmodSync(dir, 0o755) // workers run as an unprivileged user when nginx starts as root
  fs.mkdirSync(path.join(dir, 'tmp'))
  let backends: http.Server[] = []
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  let nginxStarted = false
  // Ctrl-C / kill: still stop our nginx (by its pid file) before leaving.
  const onSignal = (): void => {
    if (readPid(dir) !== null) runNginx(bin, dir, ['-s', 'quit'])
    if (process.env.KEEP_DIR !== '1') fs.rmSync(dir, { recursive: true, force: true })
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  try {
    // Ports: the golden ones if free, plus random live and dead (closed) ports.
    const goldenFree = (await Promise.all([18081, 18082, 18083, 18084].map(portIsFree))).every(Boolean)
    const live: number[] = goldenFree ? [18081, 18082, 18083, 18084] : []
    while (live.length < 10) {
      const p = await freePort()
      if (!live.includes(p)) live.push(p)
    }
    const dead: number[] = []
    while (dead.length < 3) {
      const p = await freePort()
      if (!live.includes(p) && !dead.includes(p)) dead.push(p)
    }
    const listenPort = await freePort()
    backends = await startBackends(live)
    do flappy.port = await freePort()
    while (live.includes(flappy.port) || dead.includes(flappy.port))
    await setFlappy(true)
    const flappyAddr = `127.0.0.1:${flappy.port}`

    // Groups: plain hashing groups (exactness of the hash), and groups with dead backends (second choice,
    // fail_timeout windows, effective-weight recovery), plus the golden groups when possible.
    const fast: Group[] = []
    const timed: Group[] = []
    let n = 0
    const plan: [Policy, number, number][] = [
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
    const golden = goldenFree ? goldenGroups() : { groups: [], checks: [] }
    const groups = [...golden.groups, ...fast, ...timed]

    fs.writeFileSync(path.join(dir, 'nginx.conf'), nginxConf(dir, listenPort, groups))
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
    nginxStarted = true
    await waitForPort(listenPort, 5000)

    const perPolicy = new Map<string, { compared: number; mismatched: number }>()
    const mismatches: Mismatch[] = []
    let straddled = 0
    // What the traffic exercised (from the model's own trace, which matched nginx).
    const seen = { retried: 0, triesExhausted: 0, noLive: 0, probes: 0, recovered: 0, hashFallback: 0, emptyKey: 0, realipIgnored: 0 }
    const count = (label: string, ok: boolean): void => {
      const c = perPolicy.get(label) ?? { compared: 0, mismatched: 0 }
      c.compared++
      if (!ok) c.mismatched++
      perPolicy.set(label, c)
    }

    const check = async (group: Group, input: Input): Promise<Answer> => {
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
      const actual = await send(agent, listenPort, group, input)
      const after = Date.now()
      let { answer, result } = predict(group, input, before)
      if (!same(answer, actual) && group.timed && Math.floor(before / 1000) !== Math.floor(after / 1000)) {
        // The request straddled a second boundary: nginx may have seen the later second.
        straddled++
        restore(group, snap)
        ;({ answer, result } = predict(group, input, after))
      }
      if (result.tries.length > 1) seen.retried++
      if (result.outcome === 'tries-exhausted') seen.triesExhausted++
      if (result.outcome === 'no-live-upstreams') seen.noLive++
      if (result.tries.some((i) => disabledBefore[i])) seen.probes++
      if (result.served !== null && (group.health.peers[result.served]?.fails ?? 0) === 0 && failsBefore[result.served]) seen.recovered++
      if (result.steps.some((s) => s.kind === 'fallback')) seen.hashFallback++
      if (group.policy !== 'ip-hash' && group.policy !== 'round-robin' && !input.k) seen.emptyKey++
      if (group.policy === 'ip-hash' && input.ip && !realIpFromHeader(input.ip)) seen.realipIgnored++
      const ok = same(answer, actual)
      count(`${group.policy}${group.timed ? ' (dead backends)' : ''}`, ok)
      if (!ok) {
        const steps = result.steps.map((s) => s.text)
        mismatches.push({ group, input, expected: answer, actual, steps, flappyUp: flappy.up, at: before })
      }
      return actual
    }

    // 1. Golden vectors: nginx must agree with the table measured earlier, and so must the model.
    let goldenBad = 0
    for (const { group, input, port } of golden.checks) {
      const actual = await check(group, input)
      if (actual.body !== port) goldenBad++
    }

    // 2. A whole /24 through one ip_hash group (all on one backend), then random traffic, shuffled.
    const jobs: [Group, Input][] = []
    const ipGroup = fast.find((g) => g.policy === 'ip-hash')
    if (ipGroup) for (let i = 1; i <= 254; i++) jobs.push([ipGroup, { ip: `10.20.30.${i}` }])
    const quota: Record<Policy, number> = { 'ip-hash': 230, hash: 160, 'hash-consistent': 160, 'round-robin': 60 }
    for (const g of fast) for (let i = 0; i < quota[g.policy]; i++) jobs.push([g, randomInput(rnd, g.policy)])
    for (const [g, input] of rnd.shuffle(jobs)) await check(g, input)

    // 3. Dead-backend groups, paced over ~12 s so fail_timeout windows (1–3 s) open and close. Each group
    //    reuses a small pool of keys so the same client meets its failed first choice again and again.
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
        await setFlappy(!flappy.up)
        nextFlap = Date.now() + rnd.int(300, 1500)
      }
      await check(g, input)
    }

    // Report
    const total = [...perPolicy.values()].reduce((a, c) => a + c.compared, 0)
    const bad = mismatches.length
    console.log('')
    console.log('policy                              compared  mismatches')
    for (const [label, c] of [...perPolicy.entries()].sort()) {
      console.log(`${label.padEnd(36)}${String(c.compared).padStart(8)}  ${String(c.mismatched).padStart(10)}`)
    }
    console.log(`${'total'.padEnd(36)}${String(total).padStart(8)}  ${String(bad).padStart(10)}`)
    if (golden.checks.length > 0) {
      console.log(`golden vectors (docs/facts/nginx.md): ${golden.checks.length - goldenBad}/${golden.checks.length} as recorded`)
    } else {
      console.log('golden vectors skipped (ports 18081–18084 busy)')
    }
    console.log(
      `exercised: ${seen.retried} second-choice retries, ${seen.triesExhausted} 502 after all tries, ` +
        `${seen.noLive} 502 no live upstreams, ${seen.probes} re-probes after fail_timeout, ` +
        `${seen.recovered} fail counts cleared by a success, ` +
        `${seen.hashFallback} hash→round-robin fallbacks (>20 tries), ${seen.emptyKey} empty keys, ` +
        `${seen.realipIgnored} X-Real-IP values nginx ignores`,
    )
    if (straddled > 0) console.log(`requests re-evaluated at the next second (crossed a second boundary): ${straddled}`)
    console.log(`run time ${((Date.now() - started) / 1000).toFixed(1)} s`)

    for (const m of mismatches.slice(0, 5)) {
      console.log('')
      console.log(`MISMATCH in ${m.group.name} (${m.group.policy}): upstream "${m.group.text}"`)
      console.log(`  dead: ${[...m.group.dead].map((i) => m.group.servers[i]?.name).join(', ') || 'none'}`)
      if (m.group.flappy >= 0) console.log(`  flapping: ${m.group.servers[m.group.flappy]?.name} (up: ${m.flappyUp})`)
      console.log(`  input: ${JSON.stringify(m.input)} at ${new Date(m.at).toISOString()}`)
      console.log(`  nginx: ${JSON.stringify(m.actual)}`)
      console.log(`  model: ${JSON.stringify(m.expected)}`)
      for (const s of m.steps) console.log(`    ${s}`)
    }
    return bad === 0 && goldenBad === 0 ? 0 : 1
  } finally {
    agent.destroy()
    if (nginxStarted || readPid(dir) !== null) await stopNginx(bin, dir)
    if (flappy.server) backends.push(flappy.server)
    await Promise.all(backends.map(closeServer))
    if (process.env.KEEP_DIR !== '1') fs.rmSync(dir, { recursive: true, force: true })
    else console.log(`kept ${dir}`)
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    process.exit(1)
  },
)
