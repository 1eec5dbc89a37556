// Debian's HAProxy 2.6 as the replay's load balancer: one process (-db, nbthread 1) on 127.0.0.1, its
// config and admin socket in the replay's temp dir. The backend lists all ten server slots by the
// lab's letters (`server B … cookie B`), the ones not in the fleet in maintenance; servers join, leave
// and change health through the runtime API (`set server app/B state ready|maint`, `health up|down`),
// as an operator or an orchestrator would — no reload. Cookie affinity is HAProxy's own insert cookie
// with `option redispatch` (docs/facts/haproxy.md §Cookie insert, §Retries and redispatch).
//
// Health: under the model's clock the harness probes each app server on the model's schedule and
// sets the verdict through the runtime API (HAProxy's own `check` timers run on wall time); under the
// wall clock HAProxy's native checks run, at the model's interval divided by the speed. See
// docs/DECISIONS.md, "Replaying on real software".

import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { runtimeCommand } from '../../conformance/haproxy/instance.ts'
import { waitForPort } from '../../conformance/lib/net.ts'
import { runSync } from '../../conformance/lib/process.ts'
import { SERVER_IDS, type PolicyId, type ServerId, type SimConfig } from '../../src/sim/types.ts'
import type { FailedAttempt } from '../drive/nginxLog.ts'
import type { FleetView, RealBalancer } from './balancer.ts'
import { adminCommand, adminStateOf, affinityCommand, AFFINITY_MAP, ignorePersistLines, type AdminState } from './haproxyRuntime.ts'
import { stopPidSync, type Owned } from './owned.ts'
import { parseStreams, type StreamView } from './haproxyStreams.ts'
import { WS_SERVER_HEADER } from '../drive/websocket.ts'

export interface HaproxyOptions {
  readonly clock: 'virtual' | 'real'
  readonly speed: number
  readonly ports: readonly number[]
}

const BALANCE: Partial<Record<PolicyId, string>> = {
  cookie: 'balance roundrobin',
  'round-robin': 'balance roundrobin',
}

interface SlotState {
  admin: AdminState
  usable: boolean
}

export class HaproxyBalancer implements RealBalancer {
  readonly product = 'haproxy'
  readonly affinityCookie: string
  private child: ChildProcess | null = null
  readonly confFile: string
  readonly socket: string
  private readonly logFile: string
  private slots = new Map<ServerId, SlotState>()

  constructor(
    private readonly bin: string,
    private readonly owned: Owned,
    readonly port: number,
    private readonly config: SimConfig,
    private readonly opts: HaproxyOptions,
  ) {
    this.affinityCookie = config.cookie.name
    this.confFile = owned.path('haproxy.cfg')
    this.socket = owned.path('haproxy-admin.sock')
    this.logFile = owned.path('haproxy.log')
    this.mapFile = owned.path('haproxy-affinity.map')
  }

  private readonly mapFile: string
  /** The policy HAProxy plays now: the cookie line stays from the start; `ignore-persist` turns it off. */
  private policy: PolicyId | null = null
  private cookieLine = false

  get files(): readonly string[] {
    return [this.confFile, this.logFile]
  }

  text(view: FleetView): string {
    const balance = BALANCE[view.policy]
    if (balance === undefined) throw new Error(`the replay has no HAProxy equivalent of the lab's "${view.policy}" policy`)
    const c = this.config
    const inter = this.opts.clock === 'real' ? `${Math.max(100, Math.round(c.health.intervalMs / this.opts.speed))}ms` : '3600s'
    // docs/facts/haproxy.md §Cookie insert: the lab's HAProxy cookie design, exactly as the engine
    // models it (src/sim/products/engine/haproxy.ts). No lifetime: see plan.ts for why.
    const cookie = view.policy === 'cookie' ? `\n  cookie ${c.cookie.name} insert indirect nocache\n${ignorePersistLines(this.mapFile)}` : ''
    const servers = SERVER_IDS.map((id, i) => {
      const slot = view.servers.find((s) => s.id === id)
      const present = slot?.present === true
      return `  server ${id} 127.0.0.1:${this.opts.ports[i]} id ${i + 1} cookie ${id} check inter ${inter} fall ${c.health.unhealthyThreshold} rise ${c.health.healthyThreshold}${present ? '' : ' disabled'}`
    })
    // WebSockets: the socket a login opens goes to the server that answered it (real/drive/wsReplay.ts).
    const useServers = c.websockets ? SERVER_IDS.map((id) => `  use-server ${id} if { req.hdr(${WS_SERVER_HEADER}) -m str ${id} }\n`).join('') : ''
    return `# written by npm run real — the lab's design on HAProxy 2.6
global
  nbthread 1
  stats socket ${this.socket} level admin
  log stdout format raw local0 info

defaults
  mode http
  log global
  # One line per request: its id (the replay's ?r=), HAProxy's retries (%rc, "+" = redispatched), the server.
  log-format "r=%hr rc=%rc s=%s st=%ST"
  timeout connect 5s
  timeout client 1h
  timeout server 1h
  timeout tunnel 1h
  retries 3
  option redispatch

frontend shop
  bind 127.0.0.1:${this.port}
  # Each simulated browser's address arrives in X-Real-IP from the replay on 127.0.0.1.
  http-request set-src hdr(x-real-ip)
  http-request capture url_param(r) len 12
  default_backend app

backend app
  ${balance}${cookie}
  http-response set-header X-Upstream %[srv_name]
${useServers}${servers.join('\n')}
`
  }

  async start(view: FleetView): Promise<void> {
    fs.writeFileSync(this.mapFile, AFFINITY_MAP)
    fs.writeFileSync(this.confFile, this.text(view))
    this.policy = view.policy
    this.cookieLine = view.policy === 'cookie'
    const check = runSync(this.bin, ['-c', '-q', '-f', this.confFile])
    if (!check.ok) throw new Error(`haproxy -c failed:\n${check.output}`)
    const log = fs.openSync(this.logFile, 'a')
    const child = spawn(this.bin, ['-db', '-f', this.confFile], { stdio: ['ignore', log, log] })
    fs.closeSync(log)
    if (child.pid === undefined) throw new Error('haproxy did not start')
    this.owned.own(child.pid, 'SIGTERM')
    this.child = child
    await waitForPort(this.port, 10_000, 'haproxy')
    for (const s of view.servers) this.slots.set(s.id, { admin: s.present ? 'ready' : 'maint', usable: true })
    await this.apply(view)
  }

  private async command(line: string): Promise<void> {
    const answer = (await runtimeCommand(this.socket, line)).trim()
    if (answer !== '') throw new Error(`haproxy runtime API: "${line}": ${answer}`)
  }

  async apply(view: FleetView): Promise<void> {
    if (this.policy !== null && view.policy !== this.policy) await this.switchPolicy(this.policy, view.policy)
    for (const s of view.servers) {
      const was = this.slots.get(s.id) ?? { admin: 'maint', usable: true }
      const admin = adminStateOf(s)
      const state = adminCommand('app', s.id, was.admin, admin)
      // Under the wall clock HAProxy's own checks decide health. Health is set while the server is
      // still out of rotation (before `ready`, after `maint`), so it changes state once.
      const health = this.opts.clock === 'virtual' && s.present && s.usable !== was.usable ? `set server app/${s.id} health ${s.usable ? 'up' : 'down'}` : null
      const order = admin === 'ready' ? [health, state] : [state, health]
      for (const line of order) if (line !== null) await this.command(line)
      this.slots.set(s.id, { admin, usable: s.usable })
    }
  }

  /** Cookie affinity off (round robin) or on again, without a reload (haproxyRuntime.ts). */
  private async switchPolicy(from: PolicyId, to: PolicyId): Promise<void> {
    const pair = new Set<PolicyId>([from, to])
    if (!this.cookieLine || pair.size !== 2 || !pair.has('cookie') || !pair.has('round-robin')) throw new Error(`the replay cannot switch HAProxy from the "${from}" to the "${to}" policy without a reload`)
    await this.command(affinityCommand(this.mapFile, to === 'cookie'))
    this.policy = to
  }

  /**
   * HAProxy logs a request when it ends, so its refused attempts are not known when the request
   * arrives: the model routes those (they can only be to servers whose process is gone) and the
   * replay checks the counts against this log afterwards (`retries`).
   */
  failedAttempts(): FailedAttempt[] {
    return []
  }

  /** The connections HAProxy is handling now, by client port (haproxyStreams.ts). */
  async streams(): Promise<Map<number, StreamView>> {
    return parseStreams(await runtimeCommand(this.socket, 'show sess'))
  }

  /** Connection retries HAProxy logged per request id (%rc; a leading "+" = redispatched). */
  retries(): Map<number, number> {
    const out = new Map<number, number>()
    let text: string
    try {
      text = fs.readFileSync(this.logFile, 'utf8')
    } catch {
      return out
    }
    for (const m of text.matchAll(/^r=\{(\d+)\} rc=\+?(-?\d+) /gm)) out.set(Number(m[1]), Math.max(0, Number(m[2])))
    return out
  }

  stop(): void {
    const pid = this.child?.pid
    this.child = null
    if (pid !== undefined) stopPidSync(pid, 'SIGTERM')
  }
}
