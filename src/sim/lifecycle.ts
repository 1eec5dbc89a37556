// Server lifecycle: crash, restart, scale out/in (drain or kill), rolling deploys, and the
// session store's outages. Each function mutates an owned state and writes a trace sentence.

import { mutServer, mutStore } from './cow.ts'
import { failRequestsOn } from './backend.ts'
import { schedule } from './schedule.ts'
import { liveSessionCount, makeServer, serverIndex, settleBusy } from './servers.ts'
import { isLive } from './storage.ts'
import { emit, formatDuration } from './trace.ts'
import { SERVER_IDS, type ServerId, type SessionStoreName, type SimState } from './types.ts'
import { dropSockets } from './websockets.ts'

const DRAIN_CHECK_MS = 1_000

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
  boot(s, id, 'restarting')
}

function boot(s: SimState, id: ServerId, verb: string): void {
  const srv = mutServer(s, serverIndex(id))
  srv.status = 'starting'
  srv.statusSince = s.now
  srv.version += 1
  srv.healthy = false
  srv.probeOks = 0
  srv.probeFails = 0
  srv.fails = 0
  schedule(s, s.now + s.config.startupMs, { kind: 'server.started', server: id, version: srv.version })
  emit(s, 'server', `Server ${id} ${verb} (boots in ${formatDuration(s.config.startupMs)}, then must pass health checks)`, { server: id })
}

export function onServerStarted(s: SimState, id: ServerId, version: number): void {
  const srv = s.servers[serverIndex(id)]
  if (!srv || srv.status !== 'starting' || srv.version !== version) return
  const owned = mutServer(s, serverIndex(id))
  owned.status = 'up'
  owned.statusSince = s.now
  emit(s, 'server', `Server ${id} is up, waiting for health checks`, { server: id })
}

export function addServer(s: SimState): ServerId | null {
  const slot = s.servers.findIndex((srv) => srv.status === 'removed')
  const idx = slot >= 0 ? slot : s.servers.length
  if (idx >= SERVER_IDS.length) return null
  const fresh = makeServer(idx, s.now, 'starting')
  if (slot >= 0) s.servers[idx] = { ...fresh, v: s.gen, version: s.servers[idx]!.version }
  else s.servers.push({ ...fresh, v: s.gen })
  boot(s, fresh.id, 'added')
  return fresh.id
}

export function removeServer(s: SimState, id: ServerId, mode: 'drain' | 'kill'): void {
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
  emit(s, 'server', `Server ${id} draining: no new users; pinned users may finish (timeout ${formatDuration(s.config.drainTimeoutMs)})`, { server: id })
  schedule(s, s.now + DRAIN_CHECK_MS, { kind: 'server.drainCheck', server: id, version: owned.version })
}

export function onDrainCheck(s: SimState, id: ServerId, version: number): void {
  const srv = s.servers[serverIndex(id)]
  if (!srv || srv.status !== 'draining' || srv.version !== version) return
  const idle = srv.busy === 0 && srv.queue.length === 0 && liveSessionCount(s, srv) === 0
  if (idle) finishRemoval(s, id, `drained after ${formatDuration(s.now - srv.statusSince)}`)
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
    boot(s, id, 'replaced by the new version')
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
