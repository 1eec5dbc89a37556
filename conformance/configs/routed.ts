// Routed checks of the generated configs: the nginx.conf / haproxy.cfg that "Config for this design"
// writes is started as is (on 127.0.0.1, with live loopback backends that answer with their port) and
// requests go through it; each answer must be the server the engine's exact models pick for the same
// design (src/sim/nginx picker, src/sim/haproxy balancer and cookie rules).

import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { createPicker, createRoundRobinState, type NginxMethod, type UpstreamServer } from '../../src/sim/nginx/index.ts'
import { balancePick, createLb, createRrState, isRunning, isUsable, parseIp, viewOf, type Balance, type HashType, type HaproxyServer } from '../../src/sim/haproxy/index.ts'
import { configText, type ConfigDesign, type ConfigServer } from '../../src/sim/products/config/index.ts'
import type { PolicyId } from '../../src/sim/types.ts'
import { closeServer, startBackends } from '../lib/backends.ts'
import { freePorts, sleep, waitForPort } from '../lib/net.ts'
import { alive, runSync, startForeground, type Cleanup } from '../lib/process.ts'
import type { Random } from '../lib/random.ts'
import type { Tally } from '../lib/report.ts'
import { randomDesign } from './fleets.ts'
import { get } from './http.ts'

export interface Mismatch {
  readonly what: string
  readonly config: string
  readonly detail: string
}

const key = (rnd: Random): string => `k${rnd.int(0, 1_000_000_000).toString(36)}`

async function withBackends<T>(servers: readonly ConfigServer[], fn: () => Promise<T>): Promise<T> {
  const backends = await startBackends(servers.map((s) => s.port), servers.map((s) => s.id))
  try {
    return await fn()
  } finally {
    await Promise.all(backends.map(closeServer))
  }
}

async function routedDesign(rnd: Random, lb: 'nginx' | 'haproxy', policy: PolicyId, unitWeight: boolean): Promise<ConfigDesign> {
  const ports = await freePorts(11)
  return randomDesign(rnd, lb, policy, { live: true, ports: ports.slice(1), unitWeight }, ports[0]!)
}

const serverOnPort = (d: ConfigDesign, body: string): string => d.servers.find((s) => String(s.port) === body)?.id ?? `(port ${body})`

// ── nginx ────────────────────────────────────────────────────────────────────────────────────────

const NGINX_METHOD: Partial<Record<PolicyId, NginxMethod>> = {
  'round-robin': 'round-robin',
  'ip-hash': 'ip-hash',
  hash: 'hash',
  'hash-consistent': 'hash-consistent',
  header: 'hash-consistent',
  // nginx's stand-in for cookie affinity (products/nginx.ts).
  cookie: 'hash-consistent',
}
export const NGINX_ROUTED = Object.keys(NGINX_METHOD) as PolicyId[]

export async function routeNginx(bin: string, dir: string, rnd: Random, policy: PolicyId, requests: number, tally: Tally, bad: Mismatch[]): Promise<void> {
  const d = await routedDesign(rnd, 'nginx', policy, false)
  const text = configText(d).text
  const conf = path.join(dir, 'nginx.conf')
  fs.writeFileSync(conf, text)
  const args = ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log'), '-g', `pid ${path.join(dir, 'nginx.pid')};`]
  const listed = d.servers.filter((s) => s.state !== 'maint')
  const ups: UpstreamServer[] = listed.map((s) => ({ name: `${s.host}:${s.port}`, weight: s.weight, down: s.state === 'drain', maxFails: d.settings.passive.maxFails, failTimeoutMs: d.settings.passive.failTimeoutMs }))
  const rr = createRoundRobinState(ups)
  const method = NGINX_METHOD[policy]!
  await withBackends(d.servers, async () => {
    const start = runSync(bin, args)
    if (!start.ok) throw new Error(`generated nginx.conf did not start:\n${start.output}\n${text}`)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    try {
      await waitForPort(d.listen!.port, 5000, 'nginx')
      for (let i = 0; i < requests; i++) {
        const k = key(rnd)
        const headers: Record<string, string> =
          policy === 'header' ? { [d.settings.header.name]: k } : policy === 'round-robin' || policy === 'ip-hash' ? {} : { Cookie: `uid=${k}` }
        const choice = createPicker(method, { servers: ups, isFailed: () => false }, method === 'ip-hash' ? '127.0.0.1' : k, rr).next()
        const expected = choice.index === null ? '(502)' : listed[choice.index]!.id
        const reply = await get(agent, d.listen!.port, headers)
        const actual = reply.status === 200 ? serverOnPort(d, reply.body) : `(${reply.status})`
        const ok = actual === expected
        tally.count(`nginx ${policy}`, ok)
        if (!ok) bad.push({ what: `nginx ${policy} ${JSON.stringify(headers)}`, config: text, detail: `nginx → ${actual}, engine → ${expected}` })
      }
    } finally {
      agent.destroy()
      const pid = Number(fs.readFileSync(path.join(dir, 'nginx.pid'), 'utf8').trim())
      runSync(bin, [...args, '-s', 'quit'])
      for (let i = 0; i < 50 && alive(pid); i++) await sleep(100)
    }
  })
}

// ── HAProxy ──────────────────────────────────────────────────────────────────────────────────────

export const HAPROXY_ROUTED: PolicyId[] = ['header', 'ip-hash', 'cookie']

const MAP_BASED: HashType = { type: 'map-based', fn: 'sdbm', avalanche: false }
const CONSISTENT: HashType = { type: 'consistent', fn: 'sdbm', avalanche: true }

/** The backend as the engine sees it (products/engine/haproxy.ts backendOf): drain and maint as states. */
const engineBackend = (d: ConfigDesign): HaproxyServer[] =>
  d.servers.map((s) => ({ name: s.id, address: `${s.host}:${s.port}`, weight: s.weight, id: s.index, explicitId: true, state: s.state === 'drain' ? 'drain' : s.state === 'maint' ? 'maint' : 'ready', cookie: s.id }))

export async function routeHaproxy(bin: string, dir: string, rnd: Random, policy: PolicyId, requests: number, tally: Tally, bad: Mismatch[], cleanup: Cleanup): Promise<void> {
  // A ready server of weight 1 keeps the map's GCD at 1: `weight 0` (the config's drain) leaves the GCD,
  // the engine's drain state does not (docs/facts/products.md, "Config for this design").
  const d = await routedDesign(rnd, 'haproxy', policy, true)
  const text = configText(d).text
  const file = path.join(dir, 'haproxy.cfg')
  fs.writeFileSync(file, text)
  const view = viewOf(engineBackend(d))
  const name = d.settings.cookie.name
  await withBackends(d.servers, async () => {
    const proc = startForeground(bin, ['-db', '-f', file], path.join(dir, 'haproxy.log'), cleanup)
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
    const count = (what: string, actual: string, expected: string, headers: Record<string, string>): void => {
      const ok = actual === expected
      tally.count(`haproxy ${what}`, ok)
      if (!ok) bad.push({ what: `haproxy ${what} ${JSON.stringify(headers)}`, config: text, detail: `haproxy → ${actual}, engine → ${expected}` })
    }
    try {
      await waitForPort(d.listen!.port, 5000, 'haproxy')
      if (policy === 'cookie') {
        for (let i = 0; i < requests; i++) {
          // A first visit: the balancer picks a usable server and the cookie names it.
          const first = await get(agent, d.listen!.port, {})
          const server = serverOnPort(d, first.body)
          const set = first.setCookie.find((c) => c.startsWith(`${name}=`)) ?? ''
          const value = set.slice(name.length + 1, set.indexOf(';'))
          const usable = view.servers.some((s, j) => s.name === server && isUsable(view, j))
          count('cookie first visit', `${server}${usable ? '' : ' (not usable)'} → ${value.split('|')[0]}`, `${server} → ${server}`, {})
          // A returning user whose cookie names each server in turn (dates as HAProxy wrote them).
          const target = view.servers[rnd.int(0, view.servers.length - 1)]!
          const j = view.servers.indexOf(target)
          const headers = { Cookie: `${name}=${[target.name, ...value.split('|').slice(1)].join('|')}` }
          const reply = await get(agent, d.listen!.port, headers)
          const actual = serverOnPort(d, reply.body)
          if (isRunning(view, j)) count(`cookie names a ${target.state} server`, actual, target.name, headers)
          else count(`cookie names a ${target.state} server`, view.servers.some((s, k) => s.name === actual && isUsable(view, k)) ? 'rebalanced' : actual, 'rebalanced', headers)
        }
      } else {
        const balance: Balance = policy === 'header' ? { kind: 'hdr', header: d.settings.header.name } : { kind: 'source' }
        const lb = createLb(view, balance, policy === 'header' ? CONSISTENT : MAP_BASED)
        for (let i = 0; i < requests; i++) {
          const k = key(rnd)
          const headers: Record<string, string> = policy === 'header' ? { [d.settings.header.name]: k } : {}
          const pick = balancePick(lb, policy === 'header' ? { headers: [k] } : { src: parseIp('127.0.0.1').bytes }, createRrState())
          const expected = pick.server === null ? '(503)' : view.servers[pick.server]!.name
          const reply = await get(agent, d.listen!.port, headers)
          count(policy, reply.status === 200 ? serverOnPort(d, reply.body) : `(${reply.status})`, expected, headers)
        }
      }
    } finally {
      agent.destroy()
      await proc.stop('SIGUSR1')
      await proc.stop('SIGTERM')
    }
  })
}
