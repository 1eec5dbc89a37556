// The discrete-event engine. State in, state out: every call copies on write and never mutates its
// input. Items are processed in a deterministic order — events by (time, seq), and a script
// intervention at time T after every event at T — so a seed, a config and a script always replay
// the same run.

import { onDone, onForward } from './backend.ts'
import { onAtClient, onClientTimeout, onUserArrive } from './browser.ts'
import { beginTx } from './cow.ts'
import { heapPop, heapTopTime } from './heap.ts'
import { applyIntervention, onTokenReplay, type ScriptItem } from './interventions.ts'
import { healthCheck } from './lb.ts'
import { behaviourOf } from './products/engine/index.ts'
import { deployNext, onDrainCheck, onServerStarted } from './lifecycle.ts'
import { sampleMetrics, sweepSessions } from './housekeeping.ts'
import { requestEventKind, requestEventServer, requestEventUser, takeEvent } from './schedule.ts'
import type { RequestEventKind, ServerId, SimEvent, SimMs, SimState, UserId } from './types.ts'
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
    const iv = dueIntervention(s, script, t)
    if (iv) {
      if (iv.at > untilTime) return
      applyIntervention(s, takeIntervention(s, iv).do)
      continue
    }
    if (t === Infinity || t > untilTime) return
    const d = heap.data
    const seq = d[1]!
    const request = d[2]!
    const code = d[3]!
    popEvent(s, t)
    if (request >= 0) handleRequest(s, request, code)
    else handle(s, takeEvent(s, seq))
  }
}

/** The script's next intervention if it comes before the queue's next event (at time `t`). */
function dueIntervention(s: SimState, script: Script, t: SimMs): ScriptItem | undefined {
  const iv = s.scriptCursor < script.length ? script[s.scriptCursor] : undefined
  return iv && iv.at < t ? iv : undefined
}

function takeIntervention(s: SimState, iv: ScriptItem): ScriptItem {
  s.now = Math.max(s.now, iv.at)
  s.scriptCursor += 1
  s.itemCount += 1
  return iv
}

function popEvent(s: SimState, t: SimMs): void {
  heapPop(s.heap)
  s.now = t
  s.eventCount += 1
  s.itemCount += 1
}

/**
 * One item, for a driver that handles some items itself — the replay on real software (real/) lets
 * real servers do the backend's part and hands the browser's part back to `handleEvent` and
 * browser.ts. Taking it advances the state's clock and counts exactly as `advanceTo` would.
 */
export type Item =
  | { readonly type: 'intervention'; readonly item: ScriptItem }
  | { readonly type: 'request'; readonly kind: RequestEventKind; readonly user: UserId; readonly request: number; readonly server: ServerId | null }
  | { readonly type: 'event'; readonly event: SimEvent }

/** Takes the next item at or before `untilTime` off an owned state, or returns null (nothing due). */
export function takeItem(s: SimState, script: Script, untilTime: SimMs): Item | null {
  const t = heapTopTime(s.heap)
  const iv = dueIntervention(s, script, t)
  if (iv) return iv.at > untilTime ? null : { type: 'intervention', item: takeIntervention(s, iv) }
  if (t === Infinity || t > untilTime) return null
  const d = s.heap.data
  const seq = d[1]!
  const request = d[2]!
  const code = d[3]!
  popEvent(s, t)
  if (request < 0) return { type: 'event', event: takeEvent(s, seq) }
  return { type: 'request', kind: requestEventKind(code), user: requestEventUser(code), request, server: requestEventServer(code) }
}

/** What the model does with a non-request event (exported for drivers; see `takeItem`). */
export function handleEvent(s: SimState, e: SimEvent): void {
  handle(s, e)
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
  handleOne(s, e)
  // A balancer with state of its own sees server and deploy changes as they happen.
  if (e.kind === 'lb.healthCheck' || e.kind === 'server.started' || e.kind === 'server.drainCheck') behaviourOf(s).fleetChanged?.(s)
}

function handleOne(s: SimState, e: SimEvent): void {
  switch (e.kind) {
    case 'user.arrive':
      return onUserArrive(s, e.user)
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
      return onReconnect(s, e.user, e.retry)
    default:
      return assertNever(e)
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled event ${JSON.stringify(x)}`)
}
