// The replay on the model's clock (`--clock virtual`): the engine's own event queue decides what
// happens next, in the engine's order — users arrive, think, send and judge what they get with the
// engine's browser code (src/sim/browser.ts) — while everything behind the browser is real: each
// request goes out as HTTP to nginx or HAProxy, which chooses (and retries) servers; real app
// servers admit it to their queue and serve it, against real stores. Time is the model's: an app
// server holds a request until the model says it arrived and its response until the model's finish
// time. The bookkeeping around real decisions — counters, retries, queues, latency — is the
// engine's own (src/sim/backend.ts with the real load balancer and app passed in), so a difference
// between real and simulated counts is a difference in behaviour, never in counting.

import { type Router, type Serve, onDone, onForward } from '../../src/sim/backend.ts'
import { onAtClient, onClientTimeout } from '../../src/sim/browser.ts'
import { recordOrder } from '../../src/sim/app.ts'
import { handleEvent, takeItem } from '../../src/sim/engine.ts'
import { deployNext, onDrainCheck } from '../../src/sim/lifecycle.ts'
import { idle } from '../../src/sim/products/engine/behaviour.ts'
import { applyIntervention, type Intervention } from '../../src/sim/interventions.ts'
import { answersProbe, healthCheck, route } from '../../src/sim/lb.ts'
import { noServer, type RouteResult } from '../../src/sim/policies/policy.ts'
import { accepts, serverIndex } from '../../src/sim/servers.ts'
import { haproxyBehaviour, RETRIES } from '../../src/sim/products/engine/haproxy.ts'
import { HOP_MS } from '../../src/sim/network.ts'
import { createSim } from '../../src/sim/state.ts'
import { isLive, storeInUse } from '../../src/sim/storage.ts'
import type { ServerId, SessionStoreName, SimEvent, SimRequest, SimState, UserId } from '../../src/sim/types.ts'
import { H, type Served } from '../app/protocol.ts'
import type { Plan } from '../plan.ts'
import type { AppEvents, AppProcess } from '../stack/apps.ts'
import { fleetView } from '../stack/balancer.ts'
import { CANARY_HEADER } from '../stack/haproxyRuntime.ts'
import type { Stack } from '../stack/stack.ts'
import { outcomeOf, probe } from './answers.ts'
import { outgoing, readSets, send, type HttpAnswer } from './browserHttp.ts'
import { Divergence, Flight, type AdmitAnswer } from './flight.ts'
import { TurnAround } from './haproxyRetries.ts'
import type { ReplayLog } from './log.ts'
import { SocketReplay } from './wsReplay.ts'

type Hop = { readonly kind: 'refused'; readonly server: ServerId } | { readonly kind: 'arrived'; readonly server: ServerId } | { readonly kind: 'lbError'; readonly status: number }


export class VirtualReplay implements AppEvents {
  readonly s: SimState
  private readonly flights = new Map<number, Flight>()
  /** JWT text by token id (the model's jar keeps only the id and expiry). */
  private readonly tokens = new Map<string, string>()
  private readonly chains = new Map<number, Hop[]>()
  /** HAProxy: refused attempts the model made per request (checked against HAProxy's log at the end). */
  private readonly refusals = new Map<number, number>()
  /** The last time the script kills a process: until then a request may die and be retried elsewhere. */
  private readonly lastKillAt: number
  /** HAProxy: the held SYN (real/stack/synGate.ts) of a request's refused attempt, by request id, until the model's retry. */
  private readonly holding = new Map<number, string>()
  private stack!: Stack
  /** HAProxy's 1 s waits before retrying a refused server, running on its own clock. */
  private readonly tar = new TurnAround(() => {
    const lb = this.stack.lb
    if (!lb.streams) throw new Error(`${lb.product} has no runtime view of its connections`)
    return lb.streams()
  })

  constructor(
    readonly plan: Plan,
    private readonly log: ReplayLog,
  ) {
    this.s = createSim(plan.config, plan.seed)
    const kills = plan.script.filter((i) => i.do.kind === 'crashServer' || i.do.kind === 'restartServer' || (i.do.kind === 'removeServer' && i.do.mode === 'kill'))
    this.lastKillAt = Math.max(-1, ...kills.map((i) => i.at))
    this.ws = plan.config.websockets ? new SocketReplay(this.s, () => this.stack.lb, this.tar) : null
  }

  /** The users' real WebSockets (config.websockets). */
  private readonly ws: SocketReplay | null

  // ---- app server events ----------------------------------------------------------------------

  arrived(app: AppProcess, id: number, admitted?: AdmitAnswer): void {
    const f = this.flights.get(id)
    if (!f) return this.log.warn(`app ${app.server} reported request ${id}, which the replay did not send`)
    f.arrive(app.server, admitted ?? null)
  }
  done(): void {}
  listening(): void {}
  exited(): void {
    for (const f of this.flights.values()) f.notify()
  }

  // ---- the run -----------------------------------------------------------------------------------

  async run(stack: Stack): Promise<SimState> {
    this.stack = stack
    const s = this.s
    for (const srv of s.servers) await stack.spawnApp(serverIndex(srv.id), srv.version, s.config)
    await Promise.all(s.servers.map((srv) => stack.app(srv.id).ask({ t: 'listen' }, 'listening')))
    await stack.lb.start(fleetView(s))
    this.appliedView = JSON.stringify(fleetView(s))
    if (stack.lb.product === 'haproxy' && this.lastKillAt >= 0) await this.startGate()
    this.log.started(stack)
    const until = this.plan.durationMs
    for (;;) {
      const item = takeItem(s, this.plan.script, until)
      if (item === null) break
      // Programs on the model's clock (nginx: fail_timeout) see the time of what happens next.
      stack.fakeClock?.set(s.now)
      if (item.type === 'intervention') await this.intervene(item.item.do)
      else if (item.type === 'event') await this.event(item.event)
      else if (item.kind === 'request.forward') await this.forward(item.user, item.request)
      else if (item.kind === 'request.done') await this.finish(item.user, item.request, item.server!)
      else if (item.kind === 'request.atClient') await this.atClient(item.user, item.request, false)
      else await this.atClient(item.user, item.request, true)
    }
    if (until > s.now) s.now = until
    this.ws?.finish()
    this.checkRetries()
    return s
  }

  /**
   * HAProxy hears of a refused connection when the model's load balancer does (synGate.ts). Without
   * the gate (not root, no iptables) the replay goes on with refusals at once and says so; CI
   * (REQUIRE_REAL=1) fails instead.
   */
  private async startGate(): Promise<void> {
    try {
      await this.stack.startGate(() => {
        for (const f of this.flights.values()) f.notify()
      })
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err)
      if (process.env.REQUIRE_REAL === '1') throw err
      this.log.warn(`${why} — refused connections come back at once, so HAProxy may redispatch a round-robin request before one the model balances first`)
    }
  }

  /**
   * `act` makes HAProxy connect for request `id`. When the model's server for that attempt refuses
   * (`refusing`), the attempt's SYN is held as `tag`: the gate is armed first, and after `act` the
   * harness waits until the gate has it — or until HAProxy sent the request elsewhere, which the
   * checks after will name. Without the gate, or to a server that accepts, just `act`.
   */
  private async withHeldSyn(id: number, refusing: ServerId | null, tag: string, act: () => Promise<unknown>): Promise<void> {
    const gate = this.stack.gate
    if (refusing === null || gate === null) {
      await act()
      return
    }
    await gate.hold(this.stack.ports.apps[serverIndex(refusing)]!, tag)
    await act()
    const f = this.flights.get(id)!
    await f.wait(() => gate.isHeld(tag) || f.arrivals.length > 0 || f.settled, `${this.stack.lb.product}'s connection for request ${id} to reach the refusing server`)
    if (gate.isHeld(tag)) this.holding.set(id, tag)
    else await gate.release(tag)
  }

  /** Lets request `id`'s held SYN go: HAProxy hears the refusal now. */
  private async letGo(id: number): Promise<void> {
    const tag = this.holding.get(id)
    if (tag === undefined) return
    this.holding.delete(id)
    await this.stack.gate!.release(tag)
  }

  /** HAProxy: the model's refused attempts per request against HAProxy's logged retries (%rc). */
  private checkRetries(): void {
    const logged = this.stack.lb.retries?.()
    if (!logged) return
    for (const [id, refused] of this.refusals) {
      const rc = logged.get(id)
      // `retries 3`: a fourth refusal ends the request (503) without a fourth retry.
      if (rc !== undefined && rc !== Math.min(refused, RETRIES)) throw new Divergence(`request ${id}: HAProxy retried its connection ${rc} time(s); the model was refused ${refused} time(s)`)
    }
    for (const [id, rc] of logged) {
      if (rc > 0 && !this.refusals.has(id)) throw new Divergence(`request ${id}: HAProxy retried its connection ${rc} time(s); the model was never refused`)
    }
  }

  // ---- requests ----------------------------------------------------------------------------------

  private token(user: UserId): string | null {
    const jwt = this.s.users[user]!.jar.jwt
    return jwt === null ? null : (this.tokens.get(jwt.jti) ?? null)
  }

  /** Sends the request to the real load balancer and watches where it goes: refused, arrived, or answered by the LB. */
  private async observe(req: SimRequest): Promise<Hop[]> {
    const f = await this.launch(req, false)
    await f.wait(() => f.arrivals.length > 0 || f.settled, `request ${req.id} (${req.kind}) to reach an app server or be answered`)
    const chain: Hop[] = []
    for (const a of this.stack.lb.failedAttempts(req.id)) {
      const server = this.serverAt(a.address)
      if (a.why !== 'refused') throw new Divergence(`request ${req.id}: ${this.stack.lb.product} logged a${a.why === 'closed' ? ' closed' : 'n unexpected'} connection to ${server} before it reached a server`)
      chain.push({ kind: 'refused', server })
    }
    if (f.arrivals.length > 0) chain.push({ kind: 'arrived', server: f.arrivals[0]! })
    else chain.push({ kind: 'lbError', status: f.answer().status })
    return chain
  }

  /**
   * Sends the request to the real load balancer (without waiting for where it goes). `refused`: the
   * model's first server refuses it, so it may start one of HAProxy's waits (haproxyRetries.ts).
   */
  private async launch(req: SimRequest, canary: boolean, refused = false): Promise<Flight> {
    const s = this.s
    const sentAt = await this.tar.sync(s.now, `request ${req.id}`, 'send', refused)
    const f = new Flight(req.id, req.user, sentAt)
    this.flights.set(req.id, f)
    const user = s.users[req.user]!
    const o = outgoing(req, user, s.config, s.now, this.token(req.user), this.stack.lb.affinityCookie)
    // No server on the way can refuse: the arrival is now, and the app may admit the request itself.
    // (Not while a kill is still to come: a request that dies may be retried with this header.)
    const certain = s.now > this.lastKillAt && s.servers.every((srv) => srv.status === 'removed' || accepts(srv))
    if (certain) o.headers[H.arriveAt] = String(s.now)
    // The model's canary draw for this request: HAProxy ignores the affinity cookie (haproxyRuntime.ts).
    if (canary) o.headers[CANARY_HEADER] = '1'
    f.start(send(this.stack.lb.port, o, (port) => f.connected(port)))
    return f
  }

  /** HAProxy: where the request finally went (it retries on its own; see real/drive/haproxyRetries.ts). */
  private async landing(req: SimRequest): Promise<Hop> {
    const known = this.chains.get(req.id)
    if (known) return known[known.length - 1]!
    const f = this.flights.get(req.id) ?? (await this.launch(req, false))
    await f.wait(() => f.arrivals.length > 0 || f.settled, `request ${req.id} (${req.kind}) to reach an app server or be answered`)
    this.tar.forget(req.id)
    const hop: Hop = f.arrivals.length > 0 ? { kind: 'arrived', server: f.arrivals[0]! } : { kind: 'lbError', status: f.answer().status }
    this.chains.set(req.id, [hop])
    return hop
  }

  private serverAt(address: string): ServerId {
    const srv = this.s.servers.find((x) => x.address === address)
    if (!srv) throw new Error(`no server has the address ${address}`)
    return srv.id
  }

  /** `request.forward`: the first attempt goes out for real; every attempt is booked by the engine. */
  private async forward(userId: UserId, id: number): Promise<void> {
    const s = this.s
    const req = s.inflight[userId]
    if (!req || req.id !== id) return
    const product = this.stack.lb.product
    // HAProxy's refused attempts are only in its log afterwards: the model routes them (see checkRetries).
    // The model routes before the request goes out, so a canary request can say so.
    const modelRefusals = product === 'haproxy'
    const same = req.retry === 'same' && req.server !== null
    let chain = this.chains.get(id)
    if (!chain && !modelRefusals) {
      chain = await this.observe(req)
      this.chains.set(id, chain)
    }
    let pre: RouteResult | null = null
    let hop: Hop | undefined
    if (modelRefusals) {
      if (!same) pre = route(s, s.users[userId]!, req.refused.map((h) => h.server), req.kind, req.retry === 'balance')
      const target = same ? req.server : pre!.server
      const srv = target === null ? undefined : s.servers[serverIndex(target)]
      const refusing = srv !== undefined && !accepts(srv)
      // The SYN of an attempt the model refuses is held until the model's load balancer hears of it.
      const held = refusing ? srv.id : null
      const tag = `${id}.${req.refused.length}`
      if (!this.flights.has(id)) {
        // Sent now, not waited for: HAProxy may be refused and wait its 1 s while the model's clock moves on.
        await this.withHeldSyn(id, held, tag, () => this.launch(req, pre?.canary === true, refusing))
      } else {
        await this.tar.sync(s.now, `request ${id}'s retry`, 'send')
        // The model's redispatch of a refused attempt whose SYN was held: HAProxy hears of the refusal now.
        if (this.holding.has(id)) await this.withHeldSyn(id, held, tag, () => this.letGo(id))
      }
      if (!same && req.refused.length > 0) this.tar.balanced(id)
      if (refusing) {
        hop = { kind: 'refused', server: srv.id }
        this.refusals.set(id, (this.refusals.get(id) ?? 0) + 1)
      } else hop = await this.landing(req)
    } else hop = chain![req.refused.length]
    if (!hop) throw new Divergence(`request ${id}: the model tries a server after ${req.refused.length} refusals; ${product} stopped there`)
    let admitted: AdmitAnswer | null = null
    if (hop.kind === 'arrived') {
      const auto = this.flights.get(id)!.admitted
      if (auto && req.refused.length > 0) throw new Divergence(`request ${id} was admitted on arrival, but ${product} had found ${req.refused.length} server(s) refusing`)
      admitted = auto ?? (await this.stack.app(hop.server).ask({ t: 'admit', id, now: s.now }, 'queued', 'started', 'rejected'))
    }
    const router: Router = (_s, _u, tried) => {
      if (pre) {
        if (hop.kind === 'arrived' && pre.server !== hop.server) throw new Divergence(`request ${id}: ${product} sent it to ${hop.server}; the model routes it to ${pre.server ?? 'no server'} (${pre.decision})`)
        if (hop.kind === 'lbError' && pre.server !== null) throw new Divergence(`request ${id}: ${product} answered ${hop.status}; the model routes it to ${pre.server} (${pre.decision})`)
        return pre
      }
      const h = modelRefusals ? hop : chain![tried.length]
      if (!h) return noServer(`${product}: nothing left to try`)
      if (h.kind === 'lbError') return { ...noServer(`${product} answered ${h.status}`, h.status) }
      return { server: h.server, decision: `${product} → ${h.server}` }
    }
    const served = admitted?.t === 'started' ? admitted.served : null
    const serveFn = this.serveWith(served)
    const refusedBefore = req.refused.length
    onForward(s, userId, id, router, serveFn.fn)
    const after = s.inflight[userId]!
    if (hop.kind === 'refused' && after.refused.length === refusedBefore) {
      throw new Divergence(`request ${id}: ${product} found ${hop.server} refusing connections; the model's ${hop.server} accepts them`)
    }
    if (modelRefusals && hop.kind === 'refused') {
      const plan = after.outcome === 'error' ? null : haproxyBehaviour.refused(s, after)
      // A redispatch at once: HAProxy hears of the refusal (its SYN was held) at the model's retry.
      const deferred = plan !== null && 'retry' in plan && plan.retry === 'balance' && plan.delayMs === 0 && this.holding.has(id)
      if (!deferred) await this.letGo(id)
      if (after.outcome === 'error' || plan === null) {
        // Retries used up: HAProxy's own 503 must come back.
        const f = this.flights.get(id)!
        await f.wait(() => f.settled, `the error response to request ${id}`)
        this.tar.forget(id)
        this.applyAnswer(after, f.answer())
        return
      }
      this.tar.played(id)
      if (deferred) return
      if ('retry' in plan && plan.delayMs > 0) {
        const f = this.flights.get(id)!
        await f.wait(() => f.port !== null || f.settled, `request ${id}'s connection to ${product}`)
        if (f.port === null) throw new Divergence(`request ${id}: ${product} answered ${f.answer().status}; the model waits to retry ${after.server}`)
        await this.tar.waiting(id, f.port, after.refused.length, s.now + 2 * HOP_MS + plan.delayMs, `request ${id}`, f.sentAt, () => f.settled)
      } else {
        // A redispatch at once, without the gate: HAProxy heard at once; let it finish before anything else is sent.
        if ('retry' in plan && plan.retry === 'balance') this.tar.balanced(id)
        await this.landing(after)
      }
      return
    }
    if (hop.kind === 'arrived') {
      if (after.refused.length > refusedBefore) throw new Divergence(`request ${id}: ${hop.server} accepted it; the model's ${hop.server} refuses connections`)
      if ((admitted!.t === 'started') !== serveFn.used()) {
        throw new Divergence(`request ${id}: app ${hop.server} ${admitted!.t === 'started' ? 'started serving it' : `answered ${admitted!.t}`}; the model ${serveFn.used() ? 'started serving it' : 'queued it'}`)
      }
    }
    if (hop.kind === 'lbError' || admitted?.t === 'rejected') {
      const f = this.flights.get(id)!
      await f.wait(() => f.settled, `the error response to request ${id}`)
      this.applyAnswer(after, f.answer())
    }
  }

  /** A Serve that returns what the real app did at the start of service (the model's `serve` is not run). */
  private serveWith(first: Served | null): { fn: Serve; used: () => boolean } {
    let pending = first
    let used = false
    const fn: Serve = (s, req) => {
      if (pending === null || pending.id !== req.id) throw new Divergence(`the model starts serving request ${req.id}; the app server started ${pending?.id ?? 'nothing'}`)
      const served = pending
      pending = null
      used = true
      req.outcome = served.result
      req.status = served.status
      req.detail = `${served.result} (${served.status})`
      if (served.order) recordOrder(s, req, served.order)
      return served.cost
    }
    return { fn, used: () => used }
  }

  /** `request.done`: the model's finish time — the app server releases the response. */
  private async finish(userId: UserId, id: number, server: ServerId): Promise<void> {
    const s = this.s
    const req = s.inflight[userId]
    if (!req || req.id !== id || req.doneAt !== -1 || req.server !== server) return
    const released = await this.stack.app(server).ask({ t: 'release', id, now: s.now }, 'released')
    const f = this.flights.get(id)!
    await f.wait(() => f.settled, `the response to request ${id}`)
    this.applyAnswer(req, f.answer())
    const serveFn = this.serveWith(released.next)
    onDone(s, userId, id, server, serveFn.fn)
    if ((released.next !== null) !== serveFn.used()) {
      throw new Divergence(`after request ${id}, app ${server} ${released.next ? `started ${released.next.id}` : 'went idle'}; the model ${serveFn.used() ? 'started another' : 'went idle'}`)
    }
  }

  /** What the browser got: cookies and token into the request's `sets` (the engine's jar applies them on arrival). */
  private applyAnswer(req: SimRequest, a: HttpAnswer): void {
    const got = readSets(a, this.stack.lb.affinityCookie)
    if (got.token !== null && got.sets?.jwt) this.tokens.set(got.sets.jwt.jti, got.token)
    req.sets = got.sets
    if (got.affinity) req.affinity = got.affinity
    const outcome = outcomeOf(a)
    if (req.outcome !== null && req.outcome !== outcome) throw new Divergence(`request ${req.id}: the browser got ${a.status} ${outcome}; the model says ${req.status} ${req.outcome}`)
    req.outcome = outcome
    req.status = a.status
  }

  private async atClient(userId: UserId, id: number, timeout: boolean): Promise<void> {
    const s = this.s
    const req = s.inflight[userId]
    if (req && req.id === id) {
      await this.letGo(id)
      this.flights.delete(id)
      this.chains.delete(id)
    }
    if (timeout) onClientTimeout(s, userId, id)
    else onAtClient(s, userId, id)
    // A login opens the user's WebSocket (src/sim/browser.ts onSuccess).
    await this.ws?.sync(userId)
  }

  // ---- other events ------------------------------------------------------------------------------

  private async event(e: SimEvent): Promise<void> {
    const s = this.s
    switch (e.kind) {
      case 'user.arrive':
      case 'metrics.sample':
      case 'sessions.sweep':
        return handleEvent(s, e)
      case 'lb.healthCheck':
        return this.healthChecks()
      case 'token.replay':
        return this.tokenReplay(e)
      case 'server.started': {
        const srv = s.servers[serverIndex(e.server)]
        const app = this.stack.apps.get(e.server)
        if (srv && srv.status === 'starting' && srv.version === e.version && app && app.version === e.version) await app.ask({ t: 'listen' }, 'listening')
        handleEvent(s, e)
        // The product may take the server into rotation now (nginx: the operator's reload; HAProxy: `ready`).
        return this.applyFleet()
      }
      case 'server.drainCheck':
        return this.drainCheck(e)
      case 'ws.reconnect':
        if (!this.ws) return handleEvent(s, e)
        return this.ws.reconnect(e, () => handleEvent(s, e))
      default:
        throw new Divergence(`the replay cannot play the model's "${(e as SimEvent).kind}" event yet`)
    }
  }

  /**
   * The model's health checks, on the model's schedule, with real probes: the harness asks each app
   * server's /healthz; the model's thresholds turn answers into verdicts; a changed verdict is applied
   * to the real load balancer (nginx: `down` + reload). See docs/DECISIONS.md.
   */
  private async healthChecks(): Promise<void> {
    const s = this.s
    const answers = new Map<ServerId, boolean>()
    await Promise.all(
      s.servers.filter((srv) => srv.status !== 'removed').map(async (srv) => answers.set(srv.id, await probe(srv.address))),
    )
    for (const srv of s.servers) {
      const real = answers.get(srv.id)
      if (real !== undefined && real !== answersProbe(srv)) throw new Divergence(`health check: ${srv.id} ${real ? 'answered' : 'did not answer'}, the model's ${srv.id} is ${srv.status}`)
    }
    const recovered = healthCheck(s, (srv) => answers.get(srv.id) ?? false)
    // As the engine's lb.healthCheck: a deploy moves on when the server it replaced is healthy again.
    if (s.deploy && s.deploy.current !== null && recovered.includes(s.deploy.current)) deployNext(s)
    await this.applyFleet()
  }

  /**
   * `server.drainCheck` (rolling deploy, drain): the model's rule — idle and no live session in its
   * memory, or the drain timeout — asked of the real app server's memory. When the server goes, its
   * process dies for real and the model's deploy boots the new version (syncFleet: maint, spawn, and
   * `ready` at `server.started`).
   */
  private async drainCheck(e: Extract<SimEvent, { kind: 'server.drainCheck' }>): Promise<void> {
    const s = this.s
    const srv = s.servers[serverIndex(e.server)]
    if (!srv || srv.status !== 'draining' || srv.version !== e.version || !this.running(e.server)) return handleEvent(s, e)
    const { live } = await this.stack.app(e.server).ask({ t: 'sessions', now: s.now }, 'sessions')
    const drained = idle(srv) && live === 0
    if (!drained && s.now < srv.drainDeadline) return onDrainCheck(s, e.server, e.version, () => false)
    const killed = await this.killReal(e.server)
    onDrainCheck(s, e.server, e.version, () => drained)
    this.booked(killed, e.server)
    await this.syncFleet()
  }

  // ---- interventions -----------------------------------------------------------------------------

  private async intervene(iv: Intervention): Promise<void> {
    const s = this.s
    this.log.intervention(s.now, iv)
    switch (iv.kind) {
      // What users do: the model's own intervention (the browsers are the model's). The affinity
      // cookie's lifetime is the browsers' too (they drop it at the model's expiry, as in
      // affinity-ttl-expiry); the canary share is drawn by the model per request and marked for HAProxy.
      case 'setRate':
      case 'setUsers':
      case 'addNatGroup':
      case 'addHeavyUsers':
      case 'changeUserIp':
      case 'forgeHeader':
      case 'setHeaderSource':
      case 'setIdempotency':
      case 'setAffinityTtl':
      case 'setCanary':
        return applyIntervention(s, iv)
      case 'setPolicy':
        // HAProxy: cookie ↔ round robin on the runtime API (haproxyRuntime.ts); nginx: a reload.
        applyIntervention(s, iv)
        return this.applyFleet()
      case 'crashServer':
        return this.fleet(iv, this.running(iv.server) ? iv.server : null)
      case 'restartServer': {
        const srv = s.servers[serverIndex(iv.server)]
        return this.fleet(iv, srv && srv.status !== 'crashed' && srv.status !== 'starting' && this.running(iv.server) ? iv.server : null)
      }
      case 'addServer':
      case 'rollingDeploy':
        // A deploy drains (HAProxy `drain`) or kills the first server; the rest follows the model's events.
        if (iv.kind === 'rollingDeploy' && iv.mode === 'kill') break
        return this.fleet(iv, null)
      case 'removeServer':
        if (iv.mode !== 'kill') break
        return this.fleet(iv, this.running(iv.server) ? iv.server : null)
      case 'storeDown':
        return this.storeDown(iv)
      case 'storeUp':
        return this.storeUp(iv)
      case 'setStorePersistence':
        applyIntervention(s, iv)
        return this.stack.redis?.setPersistent(iv.persistent)
      case 'setStorage':
        if (s.config.storage === 'jwt' || iv.storage === 'jwt') break
        applyIntervention(s, iv)
        return this.tellApps()
      case 'setDenyList':
        applyIntervention(s, iv)
        return this.tellApps()
      case 'revokeToken':
        return this.revoke(iv)
    }
    throw new Divergence(`the replay cannot play the "${iv.kind}" intervention${'mode' in iv ? ` (${iv.mode})` : ''} yet`)
  }

  private running(id: ServerId): boolean {
    return this.stack.apps.get(id)?.alive === true
  }

  /**
   * A change to the fleet. `victim`'s process dies first, for real (SIGKILL), and the load balancer
   * decides what becomes of the requests it held; then the model books the change and the harness
   * makes the fleet match it: new processes for servers that boot, the LB's configuration.
   */
  private async fleet(iv: Intervention, victim: ServerId | null): Promise<void> {
    const s = this.s
    if (victim) await this.tar.sync(s.now, `the kill of ${victim}`, 'change')
    const killed = victim ? await this.killReal(victim) : null
    applyIntervention(s, iv)
    if (killed) this.booked(killed, victim!)
    await this.syncFleet()
  }

  /** Requests the load balancer sent on to another server after theirs died with them (test:real's late-death check). */
  movedOnDeath = 0

  /** After a real kill the model booked: the sessions the real process held, and its requests' fate. */
  private booked(killed: { live: number; held: SimRequest[] }, victim: ServerId): void {
    const s = this.s
    s.counters.sessionsLost += killed.live
    if (s.deploy) s.deploy.sessionsLost += killed.live
    for (const r of killed.held) this.afterDeath(r, victim)
  }

  /**
   * A request died with its server. The model (products/engine/) either fails it or sends it on (nginx
   * retries a GET on the next peer); the real load balancer must have done the same.
   */
  private afterDeath(r: SimRequest, dead: ServerId): void {
    const now = this.s.inflight[r.user]
    if (!now || now.id !== r.id) return
    const f = this.flights.get(r.id)!
    const product = this.stack.lb.product
    const movedTo = f.arrivals.length > 1 ? f.arrivals[f.arrivals.length - 1]! : null
    if (now.outcome === null && now.doneAt === -1) {
      if (movedTo === null) throw new Divergence(`request ${r.id} (${r.kind}) died with ${dead}; the model sends it on, ${product} answered ${f.answer().status}`)
      const chain = this.chains.get(r.id) ?? []
      // The hops after the death: refusals logged on the way (the death itself is a "closed" line).
      const more: Hop[] = this.stack.lb.failedAttempts(r.id).filter((a) => a.why === 'refused').map((a) => ({ kind: 'refused', server: this.serverAt(a.address) }))
      this.chains.set(r.id, [...chain.slice(0, now.refused.length), ...more, { kind: 'arrived', server: movedTo }])
      this.movedOnDeath += 1
      return
    }
    if (movedTo !== null) throw new Divergence(`request ${r.id} (${r.kind}) died with ${dead}; ${product} retried it on ${movedTo}, the model answers ${now.status}`)
    this.applyAnswer(now, f.answer())
  }

  /** SIGKILL a server's process; the load balancer decides what happens to the requests it held. */
  private async killReal(id: ServerId): Promise<{ live: number; held: SimRequest[] }> {
    const s = this.s
    const app = this.stack.app(id)
    const { live } = await app.ask({ t: 'sessions', now: s.now }, 'sessions')
    const held = s.inflight.filter((r): r is SimRequest => r != null && r.server === id && r.doneAt === -1 && r.serverAt >= 0)
    // Counted before the kill: the load balancer may retry a request on another server (and that
    // server report it) before this process's exit reaches the harness.
    const before = new Map(held.map((r) => [r.id, this.flights.get(r.id)!.arrivals.length]))
    app.kill()
    await app.exited()
    await this.ws?.dropped(id)
    for (const r of held) {
      const f = this.flights.get(r.id)!
      const n = before.get(r.id)!
      await f.wait(() => f.settled || f.arrivals.length > n, `what ${this.stack.lb.product} does with request ${r.id} when ${id} dies`)
    }
    return { live, held }
  }

  private appliedView = ''

  /** The model's view of the fleet to the real load balancer (HAProxy: in step with its retry timers). */
  private async applyFleet(): Promise<void> {
    const view = fleetView(this.s)
    const text = JSON.stringify(view)
    if (text === this.appliedView) return
    this.appliedView = text
    await this.tar.sync(this.s.now, 'a change of the fleet', 'change')
    await this.stack.lb.apply(view)
  }

  /** Processes and load balancer as the model's fleet now is. */
  private async syncFleet(): Promise<void> {
    const s = this.s
    for (const srv of s.servers) {
      const app = this.stack.apps.get(srv.id)
      const wantsProcess = srv.status === 'starting' || srv.status === 'up' || srv.status === 'draining'
      if (wantsProcess && !(app && app.alive && app.version === srv.version)) {
        if (app?.alive) throw new Divergence(`the model replaced ${srv.id} (version ${srv.version}) while its process ${app.version} still runs`)
        if (srv.status !== 'starting') throw new Divergence(`the model's ${srv.id} is ${srv.status} but no process runs for it`)
        await this.stack.spawnApp(serverIndex(srv.id), srv.version, s.config)
      }
      if (!wantsProcess && app?.alive) throw new Divergence(`the model's ${srv.id} is ${srv.status} but its process still runs`)
    }
    await this.applyFleet()
  }

  /** Settings every app server reads (where sessions live, the deny list). */
  private async tellApps(): Promise<void> {
    const settings = this.stack.settings(this.s.config)
    await Promise.all([...this.stack.apps.values()].filter((a) => a.alive).map((a) => a.ask({ t: 'settings', settings, now: this.s.now }, 'settings')))
  }

  /** Does this replay run that store (Redis for the shared store, PostgreSQL for the database)? */
  private runsStore(which: SessionStoreName): boolean {
    return which === 'sessionStore' ? this.stack.redis !== null : this.stack.postgres !== null
  }

  private storeName(): SessionStoreName {
    return storeInUse(this.s) === this.s.database ? 'database' : 'sessionStore'
  }

  /** The store's process dies (SIGKILL for Redis, an immediate shutdown for PostgreSQL). */
  private async storeDown(iv: Intervention): Promise<void> {
    const s = this.s
    const which = this.storeName()
    // A store this design doesn't use (sessions in memory): nothing real to stop; the model notes it.
    if (!this.runsStore(which)) return applyIntervention(s, iv)
    if (s[which].up) {
      if (which === 'sessionStore') {
        const redis = this.stack.redis
        if (!redis) throw new Divergence('the model takes the shared store down, but this replay runs no Redis')
        this.lastSeenAtOutage = await sessionLastSeens(redis)
        redis.kill()
      } else {
        if (!this.stack.postgres) throw new Divergence('the model takes the database down, but this replay runs no PostgreSQL')
        this.stack.postgres.kill()
      }
      await Promise.all([...this.stack.apps.values()].filter((a) => a.alive).map((a) => a.ask({ t: 'store', up: false }, 'store')))
    }
    applyIntervention(s, iv)
  }

  private lastSeenAtOutage: number[] = []

  /** The store starts again: with its data (Redis's append-only file, PostgreSQL's data dir) or empty. */
  private async storeUp(iv: Intervention): Promise<void> {
    const s = this.s
    const which = this.storeName()
    if (!this.runsStore(which)) return applyIntervention(s, iv)
    const wasDown = !s[which].up
    if (wasDown) {
      if (which === 'sessionStore') await this.stack.redis!.start()
      else await this.stack.postgres!.start()
      await Promise.all([...this.stack.apps.values()].filter((a) => a.alive).map((a) => a.ask({ t: 'store', up: true }, 'store')))
    }
    const persistent = s[which].persistent
    applyIntervention(s, iv)
    if (wasDown && which === 'sessionStore' && !persistent) {
      // The model counts the sessions that were live when the store came back empty.
      s.counters.sessionsLost += this.lastSeenAtOutage.filter((t) => isLive({ lastSeen: t }, s.now, s.config.sessionIdleMs)).length
    }
  }

  /** The user logs out; with a deny list their token's id goes into Redis until the token expires. */
  private async revoke(iv: Extract<Intervention, { kind: 'revokeToken' }>): Promise<void> {
    const s = this.s
    const jwt = s.users[iv.user]?.jar.jwt ?? null
    const token = jwt ? this.tokens.get(jwt.jti) : undefined
    if (jwt && s.config.jwt.denyList) {
      const redis = this.stack.redis
      if (!redis) throw new Divergence('a JWT deny list needs Redis, and this replay runs none')
      const c = redis.client()
      try {
        await c.connect()
        await c.set(`deny:${jwt.jti}`, '1')
      } finally {
        c.disconnect()
      }
    }
    if (jwt && token) this.stolen.set(jwt.jti, token)
    applyIntervention(s, iv)
  }

  /** Tokens an attacker copied before their owner logged out, by token id. */
  private readonly stolen = new Map<string, string>()

  /** `token.replay`: the stolen copy is checked by an app server's own verification code. */
  private async tokenReplay(e: Extract<SimEvent, { kind: 'token.replay' }>): Promise<void> {
    const s = this.s
    const token = this.stolen.get(e.jti)
    const app = [...this.stack.apps.values()].find((a) => a.alive)
    const [accepted0, refused0] = [s.counters.revokedTokenAccepted, s.counters.revokedTokenRefused]
    handleEvent(s, e)
    const modelAccepted = s.counters.revokedTokenAccepted > accepted0
    const modelRefused = s.counters.revokedTokenRefused > refused0
    if (!token || !app || (!modelAccepted && !modelRefused)) return
    const { accepted } = await app.ask({ t: 'verify', token, now: s.now }, 'verified')
    if (accepted !== modelAccepted) throw new Divergence(`the stolen token ${e.jti} was ${accepted ? 'accepted' : 'refused'} by app ${app.server}; the model ${modelAccepted ? 'accepts' : 'refuses'} it`)
  }
}

/** lastSeen of every session in Redis (what a non-persistent Redis loses). */
async function sessionLastSeens(redis: NonNullable<Stack['redis']>): Promise<number[]> {
  const c = redis.client()
  try {
    await c.connect()
    const keys = await c.keys('s:*')
    const out: number[] = []
    for (const k of keys) {
      if (k.startsWith('s:cart:')) continue
      const v = await c.get(k)
      if (v) out.push((JSON.parse(v) as { lastSeen: number }).lastSeen)
    }
    return out
  } finally {
    c.disconnect()
  }
}
