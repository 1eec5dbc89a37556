// Brings up everything a replay's plan needs — the load balancer, Redis, PostgreSQL, one app server
// per server slot — on 127.0.0.1 and free ports, and takes it all down again (also on Ctrl-C or an
// error, see owned.ts). Ports: the preferred fixed ones when free (so consistent hashing, whose ring
// is built from the server addresses, places servers the same way run after run), else any free ones.

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { freePorts, portIsFree } from '../../conformance/lib/net.ts'
import { MAX_SERVERS } from '../../src/sim/config.ts'
import { SERVER_IDS, type ServerId, type SimConfig } from '../../src/sim/types.ts'
import type { AppOptions, AppSettings } from '../app/protocol.ts'
import type { Plan } from '../plan.ts'
import { AppProcess, bundleApp, type AppEvents } from './apps.ts'
import { NginxBalancer, type RealBalancer } from './balancer.ts'
import { findPrograms, type Program } from './binaries.ts'
import { FakeClock } from './fakeClock.ts'
import { HaproxyBalancer } from './haproxy.ts'
import { Owned } from './owned.ts'
import { claimFile, claimPorts, releaseClaims } from './portClaims.ts'
import { PostgresServer } from './postgres.ts'
import { RedisServer } from './redis.ts'
import { SynGate } from './synGate.ts'

/**
 * LB, ten app slots, Redis. Below Linux's ephemeral range (32768–60999 by default), so the browsers'
 * own connections (one per request) never hold a port an app server is about to listen on.
 */
const PREFERRED_BASE = 29_100

export interface ClockOptions {
  readonly clock: 'virtual' | 'real'
  /** Model ms per wall ms (real clock). */
  readonly speed: number
  /** Real clock: keep everything running after the scenario until Ctrl-C. */
  readonly hold?: boolean
}

/** Ports taken by replays running in this process (the tests run two at a time). */
const reserved = new Set<number>()

/** One choice at a time: two replays starting together must not both see the preferred ports free. */
let choosing: Promise<unknown> = Promise.resolve()

function choosePorts(): Promise<{ lb: number; apps: number[]; redis: number }> {
  const next = choosing.then(choosePortsNow, choosePortsNow)
  choosing = next.catch(() => {})
  return next
}

async function choosePortsNow(): Promise<{ lb: number; apps: number[]; redis: number }> {
  const preferred = Array.from({ length: MAX_SERVERS + 2 }, (_, i) => PREFERRED_BASE + i)
  const free = preferred.some((p) => reserved.has(p)) ? [false] : await Promise.all(preferred.map(portIsFree))
  // Claimed across processes too (portClaims.ts): another `npm run real` may have found them free as well.
  let ports = free.every(Boolean) && !preferred.some((p) => reserved.has(p)) && claimPorts(preferred) ? preferred : null
  for (let tries = 0; ports === null; tries++) {
    if (tries >= 20) throw new Error('could not claim free ports on 127.0.0.1 for a replay')
    const some = await freePorts(MAX_SERVERS + 2, [...reserved])
    if (claimPorts(some)) ports = some
  }
  for (const p of ports) reserved.add(p)
  return { lb: ports[0]!, apps: ports.slice(1, MAX_SERVERS + 1), redis: ports[MAX_SERVERS + 1]! }
}

type Ports = { lb: number; apps: readonly number[]; redis: number }
const allPorts = (ports: Ports): number[] => [ports.lb, ...ports.apps, ports.redis]

/** Gives a replay's ports back (the stack is down). */
export function releasePorts(ports: Ports): void {
  const all = allPorts(ports)
  for (const p of all) reserved.delete(p)
  releaseClaims(all)
}

/** Does this replay run nginx on the model's clock (libfaketime, fakeClock.ts)? */
function fakesTime(plan: Plan, clock: ClockOptions): boolean {
  return plan.lb === 'nginx' && clock.clock === 'virtual'
}

export function programsFor(plan: Plan, clock?: ClockOptions): Program[] {
  return [
    plan.lb,
    ...(plan.redis ? (['redis'] as const) : []),
    ...(plan.postgres ? (['postgres'] as const) : []),
    ...(clock && fakesTime(plan, clock) ? (['faketime'] as const) : []),
  ]
}

export class Stack {
  readonly apps = new Map<ServerId, AppProcess>()
  wallT0 = Date.now()
  /** HAProxy on the model's clock: holds SYNs to the app ports until the harness lets them go (synGate.ts). */
  gate: SynGate | null = null
  private constructor(
    readonly plan: Plan,
    readonly owned: Owned,
    readonly clock: ClockOptions,
    readonly ports: { lb: number; apps: number[]; redis: number },
    readonly lb: RealBalancer,
    readonly redis: RedisServer | null,
    readonly postgres: PostgresServer | null,
    /** The model's clock for the programs that read it (nginx on the virtual clock); the driver sets it. */
    readonly fakeClock: FakeClock | null,
    private readonly bundle: string,
    private readonly jwtKey: string,
    private readonly events: AppEvents,
  ) {}

  /** The plan's config with the app servers' real addresses (see src/sim/servers.ts `serverAddress`). */
  static async prepare(plan: Plan): Promise<{ plan: Plan; ports: { lb: number; apps: number[]; redis: number } }> {
    const ports = await choosePorts()
    const config: SimConfig = { ...plan.config, serverAddresses: ports.apps.map((p) => `127.0.0.1:${p}`) }
    return { plan: { ...plan, config }, ports }
  }

  static async up(plan: Plan, ports: { lb: number; apps: number[]; redis: number }, clock: ClockOptions, events: AppEvents): Promise<Stack> {
    const bins = findPrograms(programsFor(plan, clock))
    const owned = new Owned(`real-${plan.scenario}-`)
    // The claims go on cleanup too (Ctrl-C, SIGTERM, an error), and with the reaper after a SIGKILL.
    owned.claims(allPorts(ports).map((p) => claimFile(p)))
    owned.cleanup.add(() => releaseClaims(allPorts(ports)))
    try {
      fs.mkdirSync(owned.path('orders'))
      const bundle = await bundleApp(owned)
      const redis = plan.redis ? new RedisServer(bins.redis!, owned, ports.redis, plan.config.store.persistent) : null
      const postgres = plan.postgres ? new PostgresServer(bins.postgres!, owned) : null
      await Promise.all([redis?.start(), postgres?.init()])
      const fakeClock = bins.faketime ? new FakeClock(bins.faketime, owned) : null
      const lb: RealBalancer =
        plan.lb === 'nginx'
          ? new NginxBalancer(bins.nginx!, owned, ports.lb, plan.config.websockets, fakeClock)
          : new HaproxyBalancer(bins.haproxy!, owned, ports.lb, plan.config, { clock: clock.clock, speed: clock.speed, ports: ports.apps })
      return new Stack(plan, owned, clock, ports, lb, redis, postgres, fakeClock, bundle, randomBytes(32).toString('hex'), events)
    } catch (err) {
      owned.dispose()
      throw err
    }
  }

  settings(config: SimConfig): AppSettings {
    return { storage: config.storage, jwtCarts: config.jwt.carts, denyList: config.jwt.denyList }
  }

  appOptions(index: number, version: number, config: SimConfig): AppOptions {
    return {
      server: SERVER_IDS[index]!,
      index,
      version,
      seed: this.plan.seed,
      port: this.ports.apps[index]!,
      clock: this.clock.clock,
      speed: this.clock.speed,
      wallT0: this.wallT0,
      settings: this.settings(config),
      heavyCostFactor: config.heavyCostFactor,
      queueLimit: config.queueLimit,
      sessionIdleMs: config.sessionIdleMs,
      jwtTtlMs: config.jwt.ttlMs,
      jwtKey: this.jwtKey,
      redis: this.redis ? { port: this.redis.port } : null,
      postgres: this.postgres ? { socketDir: this.postgres.socketDir, database: this.postgres.database, user: this.postgres.user } : null,
      ordersDir: this.owned.path('orders'),
    }
  }

  /** Starts a process for server slot `index` (its incarnation `version`); it listens when told (virtual clock). */
  async spawnApp(index: number, version: number, config: SimConfig): Promise<AppProcess> {
    const id = SERVER_IDS[index]!
    const app = new AppProcess(id, index, version, this.ports.apps[index]!, this.bundle, this.appOptions(index, version, config), this.owned, this.events)
    this.apps.set(id, app)
    await app.ready()
    return app
  }

  /** Starts the SYN gate over the app servers' ports; `changed` runs when it holds a SYN. Throws a sentence if it cannot. */
  async startGate(changed: () => void): Promise<void> {
    this.gate = await SynGate.start(this.owned, this.ports.apps, changed)
  }

  app(id: ServerId): AppProcess {
    const a = this.apps.get(id)
    if (!a) throw new Error(`no app server ${id}`)
    return a
  }

  down(): void {
    this.gate?.stop()
    this.lb.stop()
    for (const a of this.apps.values()) a.kill()
    this.redis?.kill()
    this.postgres?.kill()
    this.owned.dispose()
    releasePorts(this.ports)
  }
}
