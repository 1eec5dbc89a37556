// Assertions on a run that read like the lesson they check (tldraw's TestEditor style), for tests only:
//
//   expectRun(s).logouts(0).failed(0).sessionsOn('B', 4)
//   expectRun(s).counter('cartsLost').toBeGreaterThan(0)
//   expectRun(s).loggedOut().toEqual(['Ana'])
//   expectRun(s).firstTrace('logout').time.toBeGreaterThan(60_000)
//
// Methods named after an exact fact (`logouts(n)`) assert it and return the same object, so facts
// chain. Methods named after a quantity (`counter`, `utilization`, `loggedOut`, …) return vitest's
// `expect(value)` for any matcher. Every failure message says what was measured and when ("at 2:00:
// counter unexpectedLogouts"). Something a claim needs but the run lacks — a server that is not
// there, a trace entry that never happened, a deploy that never finished — fails as an assertion
// with a sentence, never as a TypeError on `undefined`.

import { expect, type Assertion } from 'vitest'
import { imbalance, latency, serverMetrics, type ServerMetrics } from './metrics.ts'
import { liveSessionCount } from './servers.ts'
import { formatClock } from './trace.ts'
import type { Counters, DeployState, Server, ServerId, SimMs, SimState, TraceEntry, TraceKind, User, UserId } from './types.ts'

/** The window the scenario claims use for utilisation and balance: the run's last minute. */
export const CLAIM_WINDOW_MS = 60_000

export function expectRun(s: SimState, label?: string): RunExpectations {
  return new RunExpectations(s, label)
}

export class RunExpectations {
  private readonly where: string

  constructor(
    readonly state: SimState,
    label?: string,
  ) {
    this.where = `${label ? `${label}, ` : ''}at ${formatClock(state.now)}`
  }

  private that<T>(value: T, what: string): Assertion<T> {
    return expect(value, `${this.where}: ${what}`)
  }

  // ── exact facts (chainable) ────────────────────────────────────────────────────────────────────

  /** Exactly `n` unexpected logouts. */
  logouts(n: number): this {
    this.that(this.state.counters.unexpectedLogouts, 'unexpected logouts').toBe(n)
    return this
  }

  /** Exactly `n` failed requests. */
  failed(n: number): this {
    this.that(this.state.counters.failed, 'failed requests').toBe(n)
    return this
  }

  /** Exactly `n` sessions lost (with a crashed server or a non-persistent store). */
  sessionsLost(n: number): this {
    this.that(this.state.counters.sessionsLost, 'sessions lost').toBe(n)
    return this
  }

  /** Server `id` holds exactly `n` live (not idle-expired) sessions in its memory. */
  sessionsOn(id: ServerId, n: number): this {
    this.that(liveSessionCount(this.state, this.server(id)), `live sessions in ${id}'s memory`).toBe(n)
    return this
  }

  /** At least one finished request's LB decision matches `pattern`. */
  someDecision(pattern: RegExp): this {
    const all = this.state.recent.map((r) => r.decision)
    this.that(all.some((d) => pattern.test(d)), `some LB decision matches ${pattern} (among ${all.length}, e.g. ${JSON.stringify(all.at(-1))})`).toBe(true)
    return this
  }

  /** Every finished request's LB decision matches `pattern` (and there is at least one). */
  everyDecision(pattern: RegExp, of: (r: SimState['recent'][number]) => boolean = () => true): this {
    const all = this.state.recent.filter(of).map((r) => r.decision)
    this.that(all.length, 'finished requests to check').toBeGreaterThan(0)
    this.that(all.filter((d) => !pattern.test(d)), `LB decisions not matching ${pattern}`).toEqual([])
    return this
  }

  // ── quantities (vitest assertions) ─────────────────────────────────────────────────────────────

  /** One of the run's counters. */
  counter(name: keyof Counters): Assertion<number> {
    return this.that(this.state.counters[name], `counter ${name}`)
  }

  /** Names of the users logged out unexpectedly at least once, in user-id order. */
  loggedOut(): Assertion<string[]> {
    return this.that(
      this.loggedOutUsers().map((u) => u.name),
      'users logged out unexpectedly',
    )
  }

  /** Ids of the users logged out unexpectedly at least once, as a set. */
  loggedOutIds(): Assertion<Set<UserId>> {
    return this.that(new Set(this.loggedOutUsers().map((u) => u.id)), 'ids of users logged out unexpectedly')
  }

  /** The users matching `which` (all users by default). */
  users(which: (u: User) => boolean = () => true): Assertion<User[]> {
    return this.that(this.state.users.filter(which), 'users')
  }

  /** Busy share (0..1) of server `id`'s workers over the last `windowMs`. */
  utilization(id: ServerId, windowMs: SimMs = CLAIM_WINDOW_MS): Assertion<number> {
    return this.that(this.metricsOf(id, windowMs).utilization, `utilisation of ${id} over the last ${windowMs / 1000} s`)
  }

  /** Per-server p95 latency of server `id` (ms, over the whole run). */
  p95(id: ServerId): Assertion<number> {
    return this.that(this.metricsOf(id, CLAIM_WINDOW_MS).p95, `p95 latency of ${id}`)
  }

  /** Max ÷ mean load among servers in rotation over the last `windowMs` (1 = even). */
  imbalance(windowMs: SimMs = CLAIM_WINDOW_MS): Assertion<number> {
    return this.that(imbalance(this.state, windowMs), `load imbalance over the last ${windowMs / 1000} s`)
  }

  /** The run's overall p50 or p95 latency, in ms. */
  latency(which: 'p50' | 'p95'): Assertion<number> {
    return this.that(latency(this.state)[which], `${which} latency`)
  }

  /** Requests server `id` has answered so far. */
  requestsOn(id: ServerId): Assertion<number> {
    return this.that(this.server(id).requests, `requests answered by ${id}`)
  }

  /**
   * The first trace entry of `kind` (whose text matches `pattern`, if given). Fails with a sentence
   * when there is none; `.time` asserts on when it happened, `.entry` is the entry itself.
   */
  firstTrace(kind: TraceKind, pattern?: RegExp): { entry: TraceEntry; time: Assertion<SimMs> } {
    const entry = this.state.trace.find((e) => e.kind === kind && (!pattern || pattern.test(e.text)))
    const what = `a '${kind}' trace entry${pattern ? ` matching ${pattern}` : ''}`
    this.that(entry, `${what} (the trace holds ${this.state.trace.length})`).toBeDefined()
    return { entry: entry!, time: this.that(entry!.t, `time of the first ${what}`) }
  }

  /** How long the rolling deploy took; fails unless one started and finished. */
  deployDuration(): Assertion<SimMs> {
    const d = this.finishedDeploy()
    return this.that(d.finishedAt! - d.startedAt, 'rolling deploy duration (ms)')
  }

  /** Sessions the rolling deploy lost; fails unless one started and finished. */
  deploySessionsLost(): Assertion<number> {
    return this.that(this.finishedDeploy().sessionsLost, 'sessions lost by the rolling deploy')
  }

  // ── lookups that fail as assertions ───────────────────────────────────────────────────────────

  /** Server `id`, or a failed assertion naming the servers there are. */
  server(id: ServerId): Server {
    const srv = this.state.servers.find((x) => x.id === id)
    this.that(srv, `server ${id} (the run has ${this.state.servers.map((x) => x.id).join(', ')})`).toBeDefined()
    return srv!
  }

  private metricsOf(id: ServerId, windowMs: SimMs): ServerMetrics {
    const m = serverMetrics(this.state, windowMs).find((x) => x.id === id)
    this.that(m, `metrics of server ${id} (removed servers have none)`).toBeDefined()
    return m!
  }

  private loggedOutUsers(): User[] {
    return this.state.users.filter((u) => u.logouts > 0)
  }

  private finishedDeploy(): DeployState {
    const d = this.state.deploy
    this.that(d, 'a rolling deploy').not.toBeNull()
    this.that(d!.finishedAt, 'the rolling deploy’s end').not.toBeNull()
    return d!
  }
}
