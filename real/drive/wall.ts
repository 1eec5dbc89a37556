// The replay on the wall clock (`--clock real --speed K`): the engine's users still decide what to
// send and when (model time = wall time × K), but the real system runs free — app servers serve on
// their own timers, the load balancer retries and checks health on its own (HAProxy's native checks;
// open-source nginx has none, so the harness probes on the model's schedule and reloads, as in the
// virtual mode). Counts come from what the browsers and app servers observe, so timing can shift a
// few of them by one; the user-facing losses should not move (docs/DECISIONS.md).

import { recordOrder } from '../../src/sim/app.ts'
import { onAtClient, onClientTimeout } from '../../src/sim/browser.ts'
import { handleEvent, nextItemTime, takeItem } from '../../src/sim/engine.ts'
import { record } from '../../src/sim/histogram.ts'
import { applyIntervention, type Intervention } from '../../src/sim/interventions.ts'
import { answersProbe, healthCheck } from '../../src/sim/lb.ts'
import { CLIENT_MS, HOP_MS } from '../../src/sim/network.ts'
import { policyById } from '../../src/sim/policies/registry.ts'
import { nextFloat } from '../../src/sim/rng.ts'
import { scheduleRequest } from '../../src/sim/schedule.ts'
import { serverIndex } from '../../src/sim/servers.ts'
import { createSim } from '../../src/sim/state.ts'
import { SERVER_IDS, type ServerId, type SimEvent, type SimRequest, type SimState, type UserId } from '../../src/sim/types.ts'
import type { FromApp, Served } from '../app/protocol.ts'
import { H } from '../app/protocol.ts'
import type { Plan } from '../plan.ts'
import type { AppEvents, AppProcess } from '../stack/apps.ts'
import { fleetView } from '../stack/balancer.ts'
import type { Stack } from '../stack/stack.ts'
import { outcomeOf, probe } from './answers.ts'
import { outgoing, readSets, send, type HttpAnswer } from './browserHttp.ts'
import { Divergence } from './flight.ts'
import type { ReplayLog } from './log.ts'


export class WallReplay implements AppEvents {
  readonly s: SimState
  private stack!: Stack
  private t0 = 0
  private readonly tokens = new Map<string, string>()
  private readonly stolen = new Map<string, string>()
  private failure: Error | null = null
  /** Wakes the loop early: an answer scheduled something that may be due before what it waits for. */
  private wake: (() => void) | null = null

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done(): void {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    })
  }

  constructor(
    readonly plan: Plan,
    private readonly speed: number,
    private readonly log: ReplayLog,
  ) {
    this.s = createSim(plan.config, plan.seed)
  }

  private modelNow(): number {
    return Math.floor((Date.now() - this.t0) * this.speed)
  }

  arrived(): void {}
  listening(): void {}
  exited(): void {}
  /** A request finished on an app server: its busy time and count, for utilisation. */
  done(app: AppProcess, m: Extract<FromApp, { t: 'done' }>): void {
    const srv = this.s.servers[serverIndex(app.server)]
    if (!srv) return
    srv.requests += 1
    srv.busyMsTotal += m.doneAt - m.startedAt
  }

  async run(stack: Stack): Promise<SimState> {
    this.stack = stack
    const s = this.s
    for (const srv of s.servers) await stack.spawnApp(serverIndex(srv.id), srv.version, s.config)
    await Promise.all(s.servers.map((srv) => stack.app(srv.id).ask({ t: 'listen' }, 'listening')))
    await stack.lb.start(fleetView(s))
    this.log.started(stack)
    this.t0 = Date.now()
    stack.wallT0 = this.t0
    for (const app of stack.apps.values()) app.child.send({ t: 'clock', wallT0: this.t0 })
    const until = this.plan.durationMs
    for (;;) {
      if (this.failure) throw this.failure
      const next = nextItemTime(s, this.plan.script)
      if (next === null || next > until) {
        const left = this.t0 + until / this.speed - Date.now()
        if (left <= 0) break
        await this.sleep(left)
        continue
      }
      const wait = this.t0 + next / this.speed - Date.now()
      if (wait > 0) {
        await this.sleep(wait)
        continue
      }
      const item = takeItem(s, this.plan.script, next)
      if (item === null) continue
      if (item.type === 'intervention') await this.intervene(item.item.do)
      else if (item.type === 'event') await this.event(item.event)
      else if (item.kind === 'request.forward') this.forward(item.user, item.request)
      else if (item.kind === 'request.atClient') onAtClient(s, item.user, item.request)
      else if (item.kind === 'client.timeout') onClientTimeout(s, item.user, item.request)
    }
    if (until > s.now) s.now = until
    return s
  }

  private token(user: UserId): string | null {
    const jwt = this.s.users[user]!.jar.jwt
    return jwt === null ? null : (this.tokens.get(jwt.jti) ?? null)
  }

  /** The browser sends; the answer is booked when it comes, on the clock it comes at. */
  private forward(userId: UserId, id: number): void {
    const s = this.s
    const req = s.inflight[userId]
    if (!req || req.id !== id) return
    s.counters.requests += 1
    const user = s.users[userId]!
    this.log.line(s.now, `${user.name} → ${req.kind}`)
    send(this.stack.lb.port, outgoing(req, user, s.config, s.now, this.token(userId), this.stack.lb.affinityCookie)).then(
      (a) => this.answered(userId, id, a),
      (err: unknown) => {
        this.failure = err instanceof Error ? err : new Error(String(err))
        this.wake?.()
      },
    )
  }

  private answered(userId: UserId, id: number, a: HttpAnswer): void {
    const s = this.s
    const req = s.inflight[userId]
    if (!req || req.id !== id) return
    const now = Math.max(s.now, this.modelNow())
    const served = a.headers[H.server]
    const server = typeof served === 'string' && (SERVER_IDS as readonly string[]).includes(served) ? (served as ServerId) : null
    const user = s.users[userId]!
    // Upstream attempts the LB made before this answer (nginx lists them all in $upstream_addr).
    const upstream = String(a.headers['x-upstream'] ?? '')
    const tries = this.stack.lb.product === 'nginx' ? upstream.split(',').filter((x) => x.trim() !== '').length : server ? 1 : 0
    if (tries > 1) s.counters.retried += tries - 1
    // A remap is counted per attempt, as the engine's backend.ts does (nginx lists every attempt's address).
    const attempts: (ServerId | null)[] =
      this.stack.lb.product === 'nginx' && tries > 1 ? upstream.split(',').map((x) => s.servers.find((srv) => srv.address === x.trim())?.id ?? null) : [server]
    for (const at of attempts) {
      if (at && policyById(s.config.policy).sticky && user.believesLoggedIn && user.lastServer !== null && user.lastServer !== at) s.counters.affinityRemaps += 1
    }
    const got = readSets(a, this.stack.lb.affinityCookie)
    if (got.token !== null && got.sets?.jwt) this.tokens.set(got.sets.jwt.jti, got.token)
    const r: SimRequest = req
    r.server = server
    r.sets = got.sets
    r.affinity = got.affinity
    r.outcome = outcomeOf(a)
    r.status = a.status
    r.doneAt = now - HOP_MS
    r.lbBackAt = now
    const order = a.headers[H.order]
    if (order === 'placed' || order === 'duplicate' || order === 'idempotent') recordOrder(s, r, order)
    if (server) {
      const lat = Math.max(0, now - r.lbAt)
      record(s.latency, lat)
      record(s.servers[serverIndex(server)]!.latency, lat)
    }
    this.log.line(now, `${user.name} ← ${a.status} ${r.outcome} from ${server ?? this.stack.lb.product}${tries > 1 ? ` (after ${tries - 1} retr${tries === 2 ? 'y' : 'ies'}: ${upstream})` : ''}`)
    if (r.outcome !== 'error' && s.config.responseLossRate > 0 && nextFloat(s.rng) < s.config.responseLossRate) {
      r.outcome = 'lost'
      scheduleRequest(s, Math.max(r.sentAt + s.config.clientTimeoutMs, now), 'client.timeout', r)
      this.wake?.()
      return
    }
    scheduleRequest(s, now + CLIENT_MS, 'request.atClient', r)
    this.wake?.()
  }

  private async event(e: SimEvent): Promise<void> {
    const s = this.s
    switch (e.kind) {
      case 'user.arrive':
      case 'metrics.sample':
      case 'sessions.sweep':
        return handleEvent(s, e)
      case 'lb.healthCheck':
        return this.healthChecks()
      case 'token.replay': {
        const token = this.stolen.get(e.jti)
        const app = [...this.stack.apps.values()].find((a) => a.alive)
        handleEvent(s, e)
        if (token && app) {
          const { accepted } = await app.ask({ t: 'verify', token, now: s.now }, 'verified')
          this.log.line(s.now, `the stolen copy of token ${e.jti} is ${accepted ? 'ACCEPTED' : 'refused'} by ${app.server}`)
        }
        return
      }
      case 'server.started': {
        const app = this.stack.apps.get(e.server)
        if (app && app.version === e.version && app.alive) await app.ask({ t: 'listen' }, 'listening')
        handleEvent(s, e)
        // A new server sits in HAProxy's `maint` while it boots and is set `ready` now (haproxyRuntime.ts).
        return this.stack.lb.apply(fleetView(s))
      }
      default:
        throw new Divergence(`the wall-clock replay cannot play the model's "${e.kind}" event yet`)
    }
  }

  private async healthChecks(): Promise<void> {
    const s = this.s
    const answers = new Map<ServerId, boolean>()
    await Promise.all(s.servers.filter((srv) => srv.status !== 'removed').map(async (srv) => answers.set(srv.id, await probe(srv.address))))
    const before = s.servers.map((srv) => srv.healthy)
    healthCheck(s, (srv) => answers.get(srv.id) ?? answersProbe(srv))
    s.servers.forEach((srv, i) => {
      if (srv.healthy !== before[i]) this.log.line(s.now, `health check: ${srv.id} ${srv.healthy ? 'healthy again' : 'unhealthy'}`)
    })
    // HAProxy checks by itself on the wall clock; nginx needs the harness (down + reload).
    if (this.stack.lb.product === 'nginx') await this.stack.lb.apply(fleetView(s))
  }

  private async intervene(iv: Intervention): Promise<void> {
    const s = this.s
    this.log.intervention(s.now, iv)
    const victim =
      iv.kind === 'crashServer' || (iv.kind === 'removeServer' && iv.mode === 'kill') || iv.kind === 'restartServer' ? iv.server : null
    if (victim && this.stack.apps.get(victim)?.alive) {
      const srv = s.servers[serverIndex(victim)]!
      if (!(iv.kind === 'restartServer' && srv.status === 'starting')) {
        const app = this.stack.app(victim)
        const { live } = await app.ask({ t: 'sessions', now: s.now }, 'sessions')
        app.kill()
        await app.exited()
        s.counters.sessionsLost += live
        if (s.deploy) s.deploy.sessionsLost += live
      }
    }
    switch (iv.kind) {
      case 'storeDown':
      case 'storeUp':
      case 'setStorage':
      case 'setDenyList':
      case 'revokeToken':
      case 'rollingDeploy':
      case 'setPolicy':
      case 'setCanary':
      case 'setFailover':
        throw new Divergence(`the wall-clock replay cannot play the "${iv.kind}" intervention yet`)
      default:
        applyIntervention(s, iv)
    }
    for (const srv of s.servers) {
      if (srv.status !== 'starting') continue
      const app = this.stack.apps.get(srv.id)
      if (!(app && app.alive && app.version === srv.version)) await this.stack.spawnApp(serverIndex(srv.id), srv.version, s.config)
    }
    await this.stack.lb.apply(fleetView(s))
  }
}

export type { Served }
