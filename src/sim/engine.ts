// The discrete-event engine. State in, state out: every call copies on write and never mutates its
// input. Items are processed in a deterministic order — events by (time, seq), and a script
// intervention at time T after every event at T — so a seed, a config and a script always replay
// the same run.

import { onDone, onForward } from './backend.ts'
import { onAtClient, onClientTimeout, sendRequest } from './browser.ts'
import { beginTx, mutUser } from './cow.ts'
import { heapPop, heapTopTime } from './heap.ts'
import { applyIntervention, onTokenReplay, type ScriptItem } from './interventions.ts'
import { healthCheck } from './lb.ts'
import { deployNext, onDrainCheck, onServerStarted } from './lifecycle.ts'
import { sampleMetrics, sweepSessions } from './housekeeping.ts'
import { requestEventKind, requestEventServer, requestEventUser, takeEvent } from './schedule.ts'
import type { SimEvent, SimMs, SimState } from './types.ts'
import { onReconnect } from './websockets.ts'

export type Script = readonly ScriptItem[]

/** Everything up to and including time `t`. */
export function advanceTo(prev: SimState, t: SimMs, script: Script = []): SimState {
  const s = beginTx(prev)
  run(s, script, t, Infinity, Infinity)
  if (t > s.now) s.now = t
  return s
}

/** Replay forward until exactly `item` items (events + interventions) have been processed. */
export function advanceToItem(prev: SimState, item: number, script: Script = []): SimState {
  const s = beginTx(prev)
  run(s, script, Infinity, item, Infinity)
  return s
}

/** Process items until the next meaningful (traced) one; the clock jumps to its time. */
export function advanceToNextTraced(prev: SimState, script: Script = [], horizon: SimMs = prev.now + 3_600_000): SimState {
  const s = beginTx(prev)
  run(s, script, horizon, Infinity, s.traceSeq + 1)
  return s
}

/** Time of the next item to process, or null when nothing is scheduled. */
export function nextItemTime(s: SimState, script: Script): SimMs | null {
  const t = heapTopTime(s.heap)
  const iv = s.scriptCursor < script.length ? script[s.scriptCursor] : undefined
  if (iv && iv.at < t) return iv.at
  return t === Infinity ? null : t
}

function run(s: SimState, script: Script, untilTime: SimMs, untilItem: number, untilTrace: number): void {
  const heap = s.heap
  while (s.itemCount < untilItem && s.traceSeq < untilTrace) {
    const t = heapTopTime(heap)
    // Bounds-checked on purpose: reading past an array's end is slow in V8.
    const iv = s.scriptCursor < script.length ? script[s.scriptCursor] : undefined
    if (iv && iv.at < t) {
      if (iv.at > untilTime) return
      s.now = Math.max(s.now, iv.at)
      s.scriptCursor += 1
      s.itemCount += 1
      applyIntervention(s, iv.do)
      continue
    }
    if (t === Infinity || t > untilTime) return
    const d = heap.data
    const seq = d[1]!
    const request = d[2]!
    const code = d[3]!
    heapPop(heap)
    s.now = t
    s.eventCount += 1
    s.itemCount += 1
    if (request >= 0) handleRequest(s, request, code)
    else handle(s, takeEvent(s, seq))
  }
}

function handleRequest(s: SimState, request: number, code: number): void {
  const kind = requestEventKind(code)
  const user = requestEventUser(code)
  switch (kind) {
    case 'request.forward':
      return onForward(s, user, request)
    case 'request.done':
      return onDone(s, user, request, requestEventServer(code)!)
    case 'request.atClient':
      return onAtClient(s, user, request)
    case 'client.timeout':
      return onClientTimeout(s, user, request)
    default:
      return assertNever(kind)
  }
}

function handle(s: SimState, e: SimEvent): void {
  switch (e.kind) {
    case 'user.arrive': {
      if (s.users[e.user]!.active || s.users[e.user]!.left) return
      const user = mutUser(s, e.user)
      user.active = true
      if (!s.inflight[e.user]) sendRequest(s, user, user.next, s.now, 1)
      return
    }
    case 'lb.healthCheck': {
      const recovered = healthCheck(s)
      if (s.deploy && s.deploy.current !== null && recovered.includes(s.deploy.current)) deployNext(s)
      return
    }
    case 'server.started':
      if (onServerStarted(s, e.server, e.version) && s.deploy && s.deploy.current === e.server) deployNext(s)
      return
    case 'server.drainCheck':
      return onDrainCheck(s, e.server, e.version)
    case 'sessions.sweep':
      return sweepSessions(s)
    case 'metrics.sample':
      return sampleMetrics(s)
    case 'token.replay':
      return onTokenReplay(s, e.user, e.jti, e.exp)
    case 'ws.reconnect':
      return onReconnect(s, e.user, e.server)
    default:
      return assertNever(e)
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled event ${JSON.stringify(x)}`)
}
