// The real load balancer behind a replay, whichever product plays the design: started from the
// model's view of the fleet (which servers exist, which the model's load balancer considers usable)
// and told when that view changes. It also says which upstream attempts failed for a request before
// one answered, so the replay can book them as the model does.

import type { PolicyId, ServerId, SimState } from '../../src/sim/types.ts'
import { NginxErrorLog, type FailedAttempt } from '../drive/nginxLog.ts'
import type { FakeClock } from './fakeClock.ts'
import type { StreamView } from './haproxyStreams.ts'
import { Nginx, type UpstreamLine } from './nginx.ts'
import type { Owned } from './owned.ts'

export interface FleetSlot {
  readonly id: ServerId
  readonly address: string
  readonly present: boolean
  readonly usable: boolean
  /** Being drained (a deploy or a removal): HAProxy `drain`, nginx writes it `down`. */
  readonly draining: boolean
  /** nginx: in the upstream block — not a new server still booting (its line is added when it answers). */
  readonly joined: boolean
  /** A new process (added, or a deploy's new version) still booting: HAProxy `maint` (the engine's `stateOf`). */
  readonly booting: boolean
}

export interface FleetView {
  readonly policy: PolicyId
  readonly servers: readonly FleetSlot[]
}

export interface RealBalancer {
  readonly product: 'nginx' | 'haproxy'
  readonly port: number
  /** The affinity cookie's name, when the product sets one. */
  readonly affinityCookie: string | null
  /** Files worth showing someone who wants to look (configs, logs). */
  readonly files: readonly string[]
  start(view: FleetView): Promise<void>
  /** Brings the product in line with the model's view (reload, runtime API…) if anything changed. */
  apply(view: FleetView): Promise<void>
  /** Upstream attempts that failed for request `id` before one answered (or before the LB gave up). */
  failedAttempts(id: number): FailedAttempt[]
  /** Connection retries per request id, from a log written when each request ends (HAProxy). */
  retries?(): Map<number, number>
  /** The connections HAProxy is handling now, by client port (runtime API `show sess`; haproxyStreams.ts). */
  streams?(): Promise<Map<number, StreamView>>
  stop(): void
}

/** The model's view of the fleet, from its state. */
export function fleetView(s: SimState): FleetView {
  return {
    policy: s.config.policy,
    servers: s.servers.map((srv) => ({
      id: srv.id,
      address: srv.address,
      present: srv.status !== 'removed',
      usable: srv.healthy,
      joined: !(srv.fresh && srv.status === 'starting'),
      draining: srv.status === 'draining',
      booting: srv.fresh && srv.status === 'starting',
    })),
  }
}

export class NginxBalancer implements RealBalancer {
  readonly product = 'nginx'
  readonly affinityCookie = null
  private readonly nginx: Nginx
  private readonly log: NginxErrorLog
  private current = ''

  constructor(bin: string, owned: Owned, readonly port: number, websockets: boolean, clock: FakeClock | null = null) {
    this.nginx = new Nginx(bin, owned, port, websockets, clock)
    this.log = new NginxErrorLog(this.nginx.errorLog)
  }

  get files(): readonly string[] {
    return [this.nginx.confFile, this.nginx.errorLog, this.nginx.accessLog]
  }

  /** The model's upstream (src/sim/products/engine/nginx.ts): a booting new server has no line yet, so
   *  adding one reloads nginx once, when it answers — as the model's operator does. */
  private lines(view: FleetView): UpstreamLine[] {
    return view.servers.filter((s) => s.present && s.joined).map((s) => ({ address: s.address, down: !s.usable || s.draining }))
  }

  async start(view: FleetView): Promise<void> {
    this.current = JSON.stringify([view.policy, this.lines(view)])
    await this.nginx.start(view.policy, this.lines(view))
  }

  async apply(view: FleetView): Promise<void> {
    const next = JSON.stringify([view.policy, this.lines(view)])
    if (next === this.current) return
    this.current = next
    await this.nginx.reload(view.policy, this.lines(view))
  }

  failedAttempts(id: number): FailedAttempt[] {
    return this.log.take(id)
  }

  stop(): void {
    this.nginx.stop()
  }
}
