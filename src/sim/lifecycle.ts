// Server lifecycle: crash, restart, scale out/in (drain or kill), rolling deploys, and the
// session store's outages. Each function mutates an owned state and writes a trace sentence.

import { mutServer, mutStore } from './cow.ts'
import { failRequestsOn } from './backend.ts'
import { behaviourOf } from './products/engine/index.ts'
import { closeConnections } from './products/engine/connections.ts'
import { schedule } from './schedule.ts'
import { liveSessionCount, makeServer, serverIndex, serverRng, settleBusy } from './servers.ts'
import { isLive } from './storage.ts'
import { emit, formatDuration } from './trace.ts'
import { SERVER_IDS, type Server, type ServerId, type SessionStoreName, type SimState } from './types.ts'
import { dropSockets } from './websockets.ts'

const DRAIN_CHECK_MS = 1_000

/**
 * Runs a change to the fleet; when it changes the product's configuration (nginx's `server` lines),
 * the operator reloads it, and the product's per-upstream state starts afresh (`reloaded`).
 */
function reloading<T>(s: SimState, change: () => T): T {
  const b = behaviourOf(s)
  if (!b.configKey || !b.reloaded) return change()
  const before = b.configKey(s)
  const out = change()
  if (b.configKey(s) !== before) b.reloaded(s)
  return out
}

/** Destroy a server's process: memory sessions vanish, in-flight requests fail. Returns sessions lost. */
function killProcess(s: SimState, id: ServerId, why: string): number {
  const idx = serverIndex(id)
  const srv = mutServer(s, idx)
  const lost = liveSessionCount(s, srv)
  s.counters.sessionsLost += lost
  if (s.deploy) s.deploy.sessionsLost += lost
  srv.memory.clear()
  settleBusy(srv, s.now)
  srv.busy = 0
  srv.queue = []
  failRequestsOn(s, id, why)
  closeConnections(s, id)
  const dropped = dropSockets(s, id)
  if (dropped > 0) emit(s, 'ws', `${dropped} WebSocket connection${dropped === 1 ? '' : 's'} on ${id} dropped → all reconnect at once`, { server: id })
  return lost
}

export function crashServer(s: SimState, id: ServerId): void {
  const srv = s.servers[serverIndex(id)]
  if (!srv || srv.status === 'crashed' || srv.status === 'removed') return
  const lost = killProcess(s, id, `${id} crashed`)
  const owned = mutServer(s, serverIndex(id))
  owned.status = 'crashed'
  owned.statusSince = s.now
  emit(s, 'server', `Server ${id} crashed: ${lost} session${lost === 1 ? '' : 's'} in its memory vanished`, { server: id })
}

export function restartServer(s: SimState, id: ServerId): void {
  const srv = s.servers[serverIndex(id)]
  if (!srv || srv.status === 'removed' || srv.status === 'starting') return
  if (srv.status !== 'crashed') killProcess(s, id, `${id} restarted`)
  boot(s, id, 'restarting', false)
}

/**
 * A process starts on `id`. `fresh`: the load balancer has not seen it (added, or a deploy's new
 * version) — each product decides how it joins when it answers (products/engine/*.ts `started`); a
 * restart keeps the load balancer's view of the server, whatever the checks make of it.
 */
function boot(s: SimState, id: ServerId, verb: string, fresh: boolean): void {
  const srv = mutServer(s, serverIndex(id))
  srv.status = 'starting'
  srv.statusSince = s.now
  srv.version += 1
  srv.rng = serverRng(s.seed, serverIndex(id), srv.version)
  if (fresh) {
    srv.fresh = true
    srv.healthy = false
    srv.probeOks = 0
    srv.probeFails = 0
    srv.fails = 0
  }
  schedule(s, s.now + s.config.startupMs, { kind: 'server.started', server: id, version: srv.version })
  emit(s, 'server', `Server ${id} ${verb} (boots in ${formatDuration(s.config.startupMs)})`, { server: id })
}

/** Returns true when the server is in the load balancer's rotation at once (a deploy moves on). */
export function onServerStarted(s: SimState, id: ServerId, version: number): boolean {
  return reloading(s, () => serverStarted(s, id, version))
}

function serverStarted(s: SimState, id: ServerId, version: number): boolean {
  const srv = s.servers[serverIndex(id)]
  if (!srv || srv.status !== 'starting' || srv.version !== version) return false
  const owned = mutServer(s, serverIndex(id))
  owned.status = 'up'
  owned.statusSince = s.now
  const inRotation = behaviourOf(s).started(s, owned)
  emit(s, 'server', `Server ${id} is up${inRotation ? ' and in rotation' : ', waiting for the load balancer’s health checks'}`, { server: id })
  return inRotation
}

export function addServer(s: SimState): ServerId | null {
  const slot = s.servers.findIndex((srv) => srv.status === 'removed')
  const idx = slot >= 0 ? slot : s.servers.length
  if (idx >= SERVER_IDS.length) return null
  const fresh = makeServer(s.seed, s.config, idx, s.now, 'starting')
  if (slot >= 0) s.servers[idx] = { ...fresh, v: s.gen, version: s.servers[idx]!.version }
  else s.servers.push({ ...fresh, v: s.gen })
  boot(s, fresh.id, 'added', true)
  return fresh.id
}

export function removeServer(s: SimState, id: ServerId, mode: 'drain' | 'kill'): void {
  reloading(s, () => removeNow(s, id, mode))
}

function removeNow(s: SimState, id: ServerId, mode: 'drain' | 'kill'): void {
  const srv = s.servers[serverIndex(id)]
  if (!srv || srv.status === 'removed' || srv.status === 'draining') return
  if (mode === 'kill' || srv.status === 'crashed' || srv.status === 'starting') {
    finishRemoval(s, id, 'removed at once')
    return
  }
  const owned = mutServer(s, serverIndex(id))
  owned.status = 'draining'
  owned.statusSince = s.now
  owned.drainDeadline = s.now + s.config.drainTimeoutMs
  // A terminating pod closes its idle keep-alive connections (kube-proxy sends it nothing new).
  if (s.config.lb === 'kube-proxy') closeConnections(s, id)
  emit(s, 'server', drainWords(s, id), { server: id })
  schedule(s, s.now + DRAIN_CHECK_MS, { kind: 'server.drainCheck', server: id, version: owned.version })
}

/** What draining means under the product (docs/facts/*.md, the drain sections). */
function drainWords(s: SimState, id: ServerId): string {
  const t = formatDuration(s.config.drainTimeoutMs)
  switch (s.config.lb) {
    case 'nginx':
      return `nginx: ${id} marked down and nginx reloaded — no new requests, not even hashed users; requests in flight finish`
    case 'haproxy':
      return `HAProxy: ${id} set to drain — no new users from the balancer, SERVERID holders still served (the deploy waits until their sessions end, at most ${t})`
    case 'alb':
      return `ALB: target ${id} deregistering — no new requests, sticky users re-pinned at once; in-flight requests may finish (deregistration delay ${t})`
    case 'kube-proxy':
      return `Kubernetes: pod ${id} terminating — endpoint removed, idle connections closed; in-flight requests finish (grace period ${t})`
    case 'cloudflare':
      return `Cloudflare: endpoint ${id} disabled with drain_duration ${t} — no new sessions; pinned sessions keep coming until it ends`
  }
}

/**
 * A draining server's periodic check: drained (by the product's rule) or past its deadline → removed.
 * `drained` replaces the product's rule where the sessions live elsewhere (the real replay asks the
 * real app server's memory).
 */
export function onDrainCheck(s: SimState, id: ServerId, version: number, drained: (s: SimState, srv: Server) => boolean = (st, srv) => behaviourOf(st).drained(st, srv)): void {
  reloading(s, () => drainCheck(s, id, version, drained))
}

function drainCheck(s: SimState, id: ServerId, version: number, drained: (s: SimState, srv: Server) => boolean): void {
  const srv = s.servers[serverIndex(id)]
  if (!srv || srv.status !== 'draining' || srv.version !== version) return
  if (drained(s, srv)) finishRemoval(s, id, `drained after ${formatDuration(s.now - srv.statusSince)}`)
  else if (s.now >= srv.drainDeadline) finishRemoval(s, id, `drain timed out after ${formatDuration(s.now - srv.statusSince)}`)
  else schedule(s, s.now + DRAIN_CHECK_MS, { kind: 'server.drainCheck', server: id, version })
}

function finishRemoval(s: SimState, id: ServerId, how: string): void {
  const lost = killProcess(s, id, `${id} removed`)
  const deploying = s.deploy !== null && s.deploy.current === id
  const srv = mutServer(s, serverIndex(id))
  srv.statusSince = s.now
  srv.drainDeadline = -1
  if (deploying) {
    emit(s, 'deploy', `Deploy: ${id} ${how}, ${lost} session${lost === 1 ? '' : 's'} lost; starting the new version`, { server: id })
    boot(s, id, 'replaced by the new version', true)
    return
  }
  srv.status = 'removed'
  srv.healthy = false
  emit(s, 'server', `Server ${id} ${how}: ${lost} session${lost === 1 ? '' : 's'} lost`, { server: id })
}

export function startRollingDeploy(s: SimState, mode: 'drain' | 'kill'): void {
  if (s.deploy && s.deploy.finishedAt === null) return
  const queue = s.servers.filter((srv) => srv.status === 'up' || srv.status === 'crashed').map((srv) => srv.id)
  s.deploy = { mode, queue, current: null, startedAt: s.now, finishedAt: null, sessionsLost: 0 }
  emit(s, 'deploy', `Rolling deploy started (${mode === 'drain' ? 'drain' : 'kill'} each server in turn): ${queue.join(', ')}`)
  deployNext(s)
}

/** Called when the server being replaced is healthy again. */
export function deployNext(s: SimState): void {
  reloading(s, () => deployStep(s))
}

function deployStep(s: SimState): void {
  const d = s.deploy
  if (!d || d.finishedAt !== null) return
  const next = d.queue.shift()
  if (next === undefined) {
    d.current = null
    d.finishedAt = s.now
    emit(s, 'deploy', `Rolling deploy finished in ${formatDuration(s.now - d.startedAt)}: ${d.sessionsLost} session${d.sessionsLost === 1 ? '' : 's'} lost`)
    return
  }
  d.current = next
  const srv = s.servers[serverIndex(next)]!
  if (srv.status === 'crashed') {
    finishRemoval(s, next, 'replaced')
    return
  }
  if (d.mode === 'kill') finishRemoval(s, next, 'killed')
  else {
    removeServer(s, next, 'drain')
    const owned = mutServer(s, serverIndex(next))
    emit(s, 'deploy', `Deploy: draining ${next} (${owned.memory.size} session${owned.memory.size === 1 ? '' : 's'} in memory)`, { server: next })
  }
}

export function storeOutage(s: SimState, which: SessionStoreName): void {
  if (!s[which].up) return
  const st = mutStore(s, which)
  st.up = false
  st.since = s.now
  emit(s, 'store', `${which === 'sessionStore' ? 'Shared store' : 'Database'} is DOWN: every request that needs a session fails`)
}

export function storeRecovery(s: SimState, which: SessionStoreName): void {
  if (s[which].up) return
  const st = mutStore(s, which)
  st.up = true
  st.since = s.now
  if (!st.persistent) {
    let lost = 0
    for (const session of st.sessions.values()) if (isLive(session, s.now, s.config.sessionIdleMs)) lost += 1
    st.sessions.clear()
    s.counters.sessionsLost += lost
    emit(s, 'store', `${which === 'sessionStore' ? 'Shared store' : 'Database'} is back, but it was not persistent: ${lost} session${lost === 1 ? '' : 's'} lost`)
    return
  }
  emit(s, 'store', `${which === 'sessionStore' ? 'Shared store' : 'Database'} is back with every session intact (persistent)`)
}
