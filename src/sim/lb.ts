// The load balancer: builds a routing context for the active policy under the chosen product
// (src/sim/products/engine/ decides which servers are available, what happens when none is, and
// routes the policies it implements its own way), runs the product's active health checks and nginx's
// passive failure accounting.

import { mutLb, mutServer } from './cow.ts'
import { nextFloat } from './rng.ts'
import { genericRoute } from './policies/registry.ts'
import type { RouteContext, RouteResult } from './policies/policy.ts'
import { behaviourOf } from './products/engine/index.ts'
import type { LbBehaviour } from './products/engine/behaviour.ts'
import { schedule } from './schedule.ts'
import { nginxSecond, serverIndex } from './servers.ts'
import { emit } from './trace.ts'
import type { RequestKind, Server, ServerId, SimState, User } from './types.ts'

/**
 * The routing context handed to policies. One instance is reused for every decision (policies never
 * keep it), which saves an allocation on the engine's hottest path.
 */
class Ctx implements RouteContext {
  s!: SimState
  b!: LbBehaviour
  user!: User
  kind!: RequestKind
  tried!: readonly ServerId[]
  redispatch = false
  candidates(): Server[] {
    const out: Server[] = []
    for (const srv of this.s.servers) if (this.b.usable(this.s, srv) && !this.tried.includes(srv.id)) out.push(srv)
    if (out.length > 0) return out
    // Nothing in rotation: the product's fallback (ALB fail-open, Cloudflare's fallback pool, terminating pods).
    for (const srv of this.b.fallback(this.s)) if (!this.tried.includes(srv.id)) out.push(srv)
    return out
  }
  canUse(id: ServerId, bound: boolean): boolean {
    const srv = this.s.servers[serverIndex(id)]
    if (srv === undefined || this.tried.includes(id)) return false
    if (bound ? this.b.pinnable(this.s, srv) : this.b.usable(this.s, srv)) return true
    // Failing open: while no server is usable, the fallback servers take pinned users too.
    return !this.s.servers.some((x) => this.b.usable(this.s, x)) && this.b.fallback(this.s).includes(srv)
  }
  roundRobin(among?: readonly Server[]): Server | null {
    return nextInRotation(this.s, among ?? this.candidates())
  }
  firstPick(): Server | null {
    if (this.s.config.lb !== 'cloudflare') return this.roundRobin()
    const candidates = this.candidates()
    return candidates.length === 0 ? null : candidates[Math.floor(this.random() * candidates.length)]!
  }
  none(why?: string): RouteResult {
    return this.b.noServer(why ?? '')
  }
  random(): number {
    return nextFloat(this.s.rng)
  }
}

const ctx = new Ctx()

/** Route `user`'s request of `kind`; `tried` are servers it already failed on; `redispatch`: HAProxy's. */
export function route(s: SimState, user: User, tried: readonly ServerId[], kind: RequestKind = user.next, redispatch = false): RouteResult {
  ctx.s = s
  ctx.b = behaviourOf(s)
  ctx.user = user
  ctx.kind = kind
  ctx.tried = tried
  ctx.redispatch = redispatch
  return ctx.b.route?.(ctx, s.config.policy) ?? genericRoute(ctx, s.config.policy)
}

function nextInRotation(s: SimState, among: readonly Server[]): Server | null {
  if (among.length === 0) return null
  const last = s.lb.rrCursor
  const next = among.find((srv) => serverIndex(srv.id) > last) ?? among[0]!
  mutLb(s).rrCursor = serverIndex(next.id)
  return next
}

/** nginx, on picking a peer: once fail_timeout has passed since its window began, the pick starts a
 *  new one (`checked = now`, ngx_http_upstream_get_peer and the hash modules), so that a success
 *  afterwards clears the failures. */
export function recordSelected(s: SimState, server: ServerId): void {
  const srv = s.servers[serverIndex(server)]!
  if (nginxSecond(s.now) - nginxSecond(srv.checkedAt) > s.config.passive.failTimeoutMs / 1000) mutServer(s, serverIndex(server)).checkedAt = s.now
}

/** nginx: a request succeeded on `server`; its failure count starts over if the peer was picked again
 *  after its last failure (`accessed < checked`, ngx_http_upstream_free_round_robin_peer). */
export function recordSuccess(s: SimState, server: ServerId): void {
  const srv = s.servers[serverIndex(server)]!
  if (srv.fails !== 0 && nginxSecond(srv.failedAt) < nginxSecond(srv.checkedAt)) mutServer(s, serverIndex(server)).fails = 0
}

/** The model's probe: a process that is up (or draining) answers its health check. */
export const answersProbe = (srv: Server): boolean => srv.status === 'up' || srv.status === 'draining'

/**
 * One round of the product's active health checks (every `health.intervalMs`): HAProxy `check`, ALB
 * target health, Kubernetes readiness as kube-proxy applies it, Cloudflare's monitor. Returns the
 * servers that just came back into rotation. `probe` says whether a server answered; the replay on
 * real software (real/) passes the answers of real probes.
 */
export function healthCheck(s: SimState, probe: (srv: Server) => boolean = answersProbe): ServerId[] {
  const recovered: ServerId[] = []
  const { unhealthyThreshold, healthyThreshold, intervalMs } = s.config.health
  for (let i = 0; i < s.servers.length; i++) {
    const current = s.servers[i]!
    if (current.status === 'removed' || (current.fresh && current.status === 'starting')) continue
    const ok = probe(current)
    if (ok && current.healthy && current.probeFails === 0) continue
    if (!ok && !current.healthy && current.probeOks === 0) continue
    const srv = mutServer(s, i)
    if (ok) {
      srv.probeFails = 0
      srv.probeOks += 1
      if (!srv.healthy && srv.probeOks >= healthyThreshold) {
        srv.healthy = true
        srv.probeOks = 0
        recovered.push(srv.id)
        emit(s, 'health', healthWords(s, srv.id, true, srv.fresh), { server: srv.id })
        srv.fresh = false
      }
    } else {
      srv.probeOks = 0
      srv.probeFails += 1
      if (srv.healthy && srv.probeFails >= unhealthyThreshold) {
        srv.healthy = false
        emit(s, 'health', healthWords(s, srv.id, false), { server: srv.id })
      }
    }
  }
  schedule(s, s.now + intervalMs, { kind: 'lb.healthCheck' })
  behaviourOf(s).fleetChanged?.(s)
  return recovered
}

/** The health change in the product's words. */
function healthWords(s: SimState, id: ServerId, up: boolean, fresh = false): string {
  const { unhealthyThreshold: fall, healthyThreshold: rise, intervalMs } = s.config.health
  const every = `${intervalMs / 1000} s apart`
  switch (s.config.lb) {
    case 'haproxy':
      return up ? `HAProxy: ${id} is UP (${rise} checks passed, inter ${intervalMs / 1000}s) → back in rotation` : `HAProxy: ${id} is DOWN (${fall} checks failed, inter ${intervalMs / 1000}s) → out of rotation; SERVERID=${id} is ignored from now on`
    case 'alb':
      return up ? `ALB: target ${id} healthy (${fresh || rise === 1 ? `1 passed check${fresh ? ', a new target' : ''}` : `${rise} passed checks, ${every}`}) → in rotation` : `ALB: target ${id} unhealthy (${fall} failed checks, ${every}) → out of rotation; its sticky users get a new target and cookie`
    case 'kube-proxy':
      return up ? `kube-proxy: pod ${id} ready → endpoint added to the Service` : `kube-proxy: pod ${id} not ready (container not running) → endpoint removed from the Service`
    case 'cloudflare':
      return up ? `Cloudflare monitor: endpoint ${id} healthy → back in the pool` : `Cloudflare monitor: endpoint ${id} unhealthy → out of the pool; its __cflb sessions get a new endpoint`
    case 'nginx':
      return up ? `${id} healthy` : `${id} unhealthy`
  }
}
