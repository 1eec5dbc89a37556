// A fresh simulation: users scheduled to arrive, servers up, stores empty, the recurring LB events
// (health checks, metrics samples, session sweeps) on the queue.

import { MAX_USERS } from './config.ts'
import { createHistogram } from './histogram.ts'
import { createHeap } from './heap.ts'
import { createRng } from './rng.ts'
import { schedule } from './schedule.ts'
import { behaviourFor } from './products/engine/index.ts'
import { makeServer } from './servers.ts'
import type { Counters, SimConfig, SimState, User } from './types.ts'
import { makeUser } from './users.ts'

export const SAMPLE_MS = 1_000
export const SWEEP_MS = 60_000

function zeroCounters(): Counters {
  return {
    requests: 0,
    ok: 0,
    failed: 0,
    retried: 0,
    unexpectedLogouts: 0,
    cartsLost: 0,
    sessionsLost: 0,
    sessionsExpired: 0,
    duplicateOrders: 0,
    orders: 0,
    affinityRemaps: 0,
    revokedTokenAccepted: 0,
    revokedTokenRefused: 0,
    reconnects: 0,
    maxReconnectBurst: 0,
    forgedRouted: 0,
    forgedOnTarget: 0,
  }
}

export function createSim(config: SimConfig, seed: number): SimState {
  const users: User[] = []
  const heavyFrom = config.users - Math.min(config.heavyUsers, config.users)
  for (let id = 0; id < config.users; id++) {
    users.push(makeUser(seed, id, { heavy: id >= heavyFrom || config.heavyIds.includes(id) }))
  }
  config.natGroups.forEach((spec, group) => {
    for (let i = 0; i < spec.size && users.length < MAX_USERS; i++) {
      users.push(makeUser(seed, users.length, { nat: { group, spec, index: i }, heavy: spec.heavy ?? false }))
    }
  })
  const s: SimState = {
    gen: 0,
    seed,
    config,
    now: 0,
    itemCount: 0,
    eventCount: 0,
    scriptCursor: 0,
    seq: 0,
    heap: createHeap(),
    events: new Map(),
    rng: createRng(seed, 0),
    users,
    servers: Array.from({ length: config.servers }, (_, i) => makeServer(seed, config, i, 0, 'up')),
    sessionStore: { v: 0, kind: 'shared', up: true, since: 0, persistent: config.store.persistent, sessions: new Map() },
    database: { v: 0, kind: 'database', up: true, since: 0, persistent: true, sessions: new Map() },
    lb: { v: 0, rrCursor: -1, rrWeights: {}, haproxyRr: null, clientIp: new Map(), conns: new Map(), headerTable: new Map() },
    inflight: users.map(() => null),
    nextRequestId: 1,
    nextSid: 1,
    recent: [],
    trace: [],
    traceSeq: 0,
    counters: zeroCounters(),
    latency: createHistogram(),
    history: [],
    lastSample: { t: 0, requests: [], busyMs: [] },
    deny: new Map(),
    deploy: null,
    reconnectWindow: { start: 0, count: 0 },
    forgedValues: {},
    lastRouted: -1,
  }
  users.forEach((u, i) => {
    const at = Math.floor((i * config.arrivalSpreadMs) / Math.max(1, users.length))
    schedule(s, at, { kind: 'user.arrive', user: u.id })
  })
  if (behaviourFor(config.lb).activeChecks) schedule(s, config.health.intervalMs, { kind: 'lb.healthCheck' })
  schedule(s, SAMPLE_MS, { kind: 'metrics.sample' })
  schedule(s, SWEEP_MS, { kind: 'sessions.sweep' })
  return s
}
