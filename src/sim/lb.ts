// The load balancer: builds a routing context for the active policy, runs health checks, and
// keeps nginx-style passive failure accounting.

import { mutLb, mutServer } from './cow.ts'
import { nextFloat } from './rng.ts'
import { policyById } from './policies/registry.ts'
import type { RouteContext, RouteResult } from './policies/policy.ts'
import { schedule } from './schedule.ts'
import { routable, serverIndex } from './servers.ts'
import { emit } from './trace.ts'
import type { Server, ServerId, SimState, User } from './types.ts'

/**
 * The routing context handed to policies. One instance is reused for every decision (policies never
 * keep it), which saves an allocation on the engine's hottest path.
 */
class Ctx implements RouteContext {
  s!: SimState
  user!: User
  tried!: readonly ServerId[]
  candidates(): Server[] {
    const out: Server[] = []
    for (const srv of this.s.servers) if (routable(this.s, srv, false) && !this.tried.includes(srv.id)) out.push(srv)
    return out
  }
  canUse(id: ServerId, bound: boolean): boolean {
    const srv = this.s.servers[serverIndex(id)]
    return srv !== undefined && !this.tried.includes(id) && routable(this.s, srv, bound)
  }
  roundRobin(among?: readonly Server[]): Server | null {
    return nextInRotation(this.s, among ?? this.candidates())
  }
  random(): number {
    return nextFloat(this.s.rng)
  }
}

const ctx = new Ctx()

export function route(s: SimState, user: User, tried: readonly ServerId[]): RouteResult {
  ctx.s = s
  ctx.user = user
  ctx.tried = tried
  return policyById(s.config.policy).route(ctx)
}

function nextInRotation(s: SimState, among: readonly Server[]): Server | null {
  if (among.length === 0) return null
  const last = s.lb.rrCursor
  const next = among.find((srv) => serverIndex(srv.id) > last) ?? among[0]!
  mutLb(s).rrCursor = serverIndex(next.id)
  return next
}

/** A connection to `server` was refused: nginx counts a failure (max_fails / fail_timeout). */
export function recordConnectFailure(s: SimState, server: ServerId): void {
  const srv = mutServer(s, serverIndex(server))
  srv.fails += 1
  srv.failedAt = s.now
  srv.errors += 1
  const { maxFails, failTimeoutMs } = s.config.passive
  if (maxFails > 0 && srv.fails === maxFails) {
    emit(s, 'health', `LB: connection to ${server} refused → ${server} skipped for ${failTimeoutMs / 1000} s`, { server })
  }
}

export function recordSuccess(s: SimState, server: ServerId): void {
  const srv = s.servers[serverIndex(server)]!
  if (srv.fails !== 0) mutServer(s, serverIndex(server)).fails = 0
}

/** One round of active health checks (every `health.intervalMs`). Returns servers that just became healthy. */
export function healthCheck(s: SimState): ServerId[] {
  const recovered: ServerId[] = []
  const { unhealthyThreshold, healthyThreshold, intervalMs } = s.config.health
  for (let i = 0; i < s.servers.length; i++) {
    const current = s.servers[i]!
    if (current.status === 'removed') continue
    const ok = current.status === 'up' || current.status === 'draining'
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
        emit(s, 'health', `Health check: ${srv.id} passed ${healthyThreshold}× → healthy, back in rotation`, { server: srv.id })
      }
    } else {
      srv.probeOks = 0
      srv.probeFails += 1
      if (srv.healthy && srv.probeFails >= unhealthyThreshold) {
        srv.healthy = false
        emit(s, 'health', `Health check: ${srv.id} failed ${unhealthyThreshold}× → marked unhealthy, out of rotation`, { server: srv.id })
      }
    }
  }
  schedule(s, s.now + intervalMs, { kind: 'lb.healthCheck' })
  return recovered
}
