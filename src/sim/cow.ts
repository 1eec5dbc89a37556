// Copy-on-write for the engine. A transition never mutates its input: `beginTx` makes a new
// top-level state, and an entity (user, server, store, LB) is copied the first time a transition
// touches it — so untouched entities keep their identity (cheap checkpoints, cheap React renders)
// and every older state stays valid for time travel.

import { cloneHeap } from './heap.ts'
import { cloneHistogram } from './histogram.ts'
import type { LbState, SimRequest, Server, SessionStore, SessionStoreName, SimState, User, UserId } from './types.ts'

export function beginTx(prev: SimState): SimState {
  return {
    ...prev,
    gen: prev.gen + 1,
    heap: cloneHeap(prev.heap),
    events: new Map(prev.events),
    rng: prev.rng.clone(),
    users: prev.users.slice(),
    servers: prev.servers.slice(),
    inflight: prev.inflight.slice(),
    recent: prev.recent.slice(),
    trace: prev.trace.slice(),
    history: prev.history.slice(),
    counters: { ...prev.counters },
    latency: cloneHistogram(prev.latency),
    reconnectWindow: { ...prev.reconnectWindow },
    deploy: prev.deploy && { ...prev.deploy, queue: prev.deploy.queue.slice() },
  }
}

export function mutUser(s: SimState, id: number): User {
  const u = s.users[id]!
  if (u.v === s.gen) return u
  const jar = u.jar.affinity ? { ...u.jar, affinity: { ...u.jar.affinity } } : { ...u.jar }
  const copy: User = { ...u, v: s.gen, rng: u.rng.clone(), jar }
  s.users[id] = copy
  return copy
}

export function mutServer(s: SimState, index: number): Server {
  const srv = s.servers[index]!
  if (srv.v === s.gen) return srv
  const copy: Server = {
    ...srv,
    v: s.gen,
    rng: srv.rng.clone(),
    queue: srv.queue.slice(),
    memory: new Map(srv.memory),
    latency: cloneHistogram(srv.latency),
  }
  s.servers[index] = copy
  return copy
}

export function mutStore(s: SimState, which: SessionStoreName): SessionStore {
  const st = s[which]
  if (st.v === s.gen) return st
  const copy: SessionStore = { ...st, v: s.gen, sessions: new Map(st.sessions) }
  s[which] = copy
  return copy
}

export function mutLb(s: SimState): LbState {
  const lb = s.lb
  if (lb.v === s.gen) return lb
  const weights: LbState['rrWeights'] = {}
  for (const [k, w] of Object.entries(lb.rrWeights)) weights[k as keyof typeof weights] = { ...w }
  const copy: LbState = { ...lb, v: s.gen, rrWeights: weights, haproxyRr: lb.haproxyRr && { ...lb.haproxyRr, servers: lb.haproxyRr.servers.map((x) => ({ ...x })) }, clientIp: new Map(lb.clientIp), conns: new Map(lb.conns), headerTable: new Map(lb.headerTable) }
  s.lb = copy
  return copy
}

/** `user`'s request in flight, owned — if it is request `id` (an event about an older one is stale). */
export function mutRequest(s: SimState, user: UserId, id: number): SimRequest | undefined {
  const r = s.inflight[user]
  if (r == null || r.id !== id) return undefined
  if (r.v === s.gen) return r
  const copy: SimRequest = { ...r, v: s.gen }
  s.inflight[user] = copy
  return copy
}
