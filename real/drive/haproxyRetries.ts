// HAProxy's turn-around on the model's clock, observed. A refused connection is retried on the same
// server after MIN(1 s, timeout connect) of HAProxy's own time (src/backend.c back_handle_st_cer,
// SC_ST_TAR; docs/facts/haproxy.md §Retries and redispatch) — a timer the replay cannot move. So the
// replay watches it on the runtime API (`show sess`, real/stack/haproxyStreams.ts) instead of
// predicting it from the wall clock:
// - a wait starts when the harness *sees* the stream in its turn-around after the model's number of
//   refusals (nothing else is sent before, so HAProxy takes the waits in the model's order and their
//   timers keep it: its wait queue walks equal expiry dates in insertion order);
// - before anything the model places after a retry reaches HAProxy, the harness waits until HAProxy
//   has made that retry (the stream left its turn-around, or went round it once more);
// - before anything the model places before a retry, it checks that HAProxy has not made it yet —
//   if it has, a change of the fleet fails the replay with a sentence, and a request marks the retry,
//   which fails the replay only if it goes back to the balancer (the order mattered).
// What is left to the wall clock is the spacing of the waits: a request or reconnect that starts a
// wait is sent at the model's pace (wall = model + offset while waits are pending), so HAProxy's
// timers keep the model's gaps between them, and never within SPACING_MS after another wait's timer
// (`spaced`); everything else goes as soon as the retries before it are seen. See docs/DECISIONS.md,
// "HAProxy's retries, observed".

import { describeStream, inTurnAround, SC_ST_TAR, type StreamView } from '../stack/haproxyStreams.ts'
import { Divergence } from './flight.ts'

/** HAProxy's wait before retrying the same server: MIN(1 s, timeout connect 5 s). */
export const TURN_AROUND_MS = 1_000
/** How often the runtime API is asked while the harness waits for HAProxy. */
const POLL_MS = 2
/** Asking starts this long before the earliest moment HAProxy's timer can fire. */
const EARLY_MS = 20
/** Least wall time between the start of a wait and another wait's timer (see `spaced`). */
const SPACING_MS = 30
/** Longest the harness waits for HAProxy to show a wait or a retry (wall clock). */
const LIMIT_MS = 15_000

export type Streams = () => Promise<ReadonlyMap<number, StreamView>>

/**
 * The harness looked for one of HAProxy's retry timers too late (a starved machine): the replay stops
 * rather than count an order it did not keep. Not a difference in behaviour — test:real runs it once more.
 */
export class FellBehind extends Error {}

interface Wait {
  /** Model time of the retry. */
  readonly modelAt: number
  /** The client port of the stream (`show sess` src). */
  readonly port: number
  /** Refused attempts so far: the stream's rc while it waits. */
  readonly failed: number
  /** Wall time the stream was last seen before this wait began: HAProxy's timer fires after this + TURN_AROUND_MS. */
  readonly after: number
  /** Wall time HAProxy was first seen in this wait: its timer fires by this + TURN_AROUND_MS. */
  readonly seen: number
  readonly what: string
}

export class TurnAround {
  private readonly waits = new Map<number, Wait>()
  /** While waits are pending, what starts a wait is sent at the wall clock's pace: wall = model + offset. */
  private offset: number | null = null
  /** Requests that reached HAProxy after a retry the model places later (by the retry's key). */
  private readonly races = new Map<number, string>()
  /** Wall time each key's last retry was made, at the earliest (a wait that follows starts after it). */
  private readonly retried = new Map<number, number>()

  constructor(
    private readonly streams: Streams,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /**
   * The model has refused `failed` attempts of `what` (key `id`; its connection's client port
   * `port`) and waits before retrying at model time `retryAt`. Returns when HAProxy shows the same
   * wait; fails the replay with a sentence if HAProxy does something else. `since`: wall time before
   * the refused attempt was sent or retried (HAProxy's timer fires at least a turn-around after it);
   * `ended`: the connection has been answered or closed (a stream that is gone did not wait).
   */
  async waiting(id: number, port: number, failed: number, retryAt: number, what: string, since: number, ended: () => boolean): Promise<void> {
    const { at: seen } = await this.poll((all) => {
      const v = all.get(port)
      if (inTurnAround(v, failed)) return true
      // Already past this wait (a later one, or connected after more refusals): the harness came too late to see it.
      if (v && v.failed > failed) throw new FellBehind(`${what}: the replay fell behind HAProxy's ${TURN_AROUND_MS / 1000} s retry timer — by the time it looked for the turn-around after ${failed} refused connection(s), HAProxy's stream was ${describeStream(v)}`)
      // Answered or connected after as many refusals: HAProxy did not wait where the model waits.
      if ((v && v.failed === failed && v.state > SC_ST_TAR) || (!v && ended())) {
        throw new Divergence(`${what}: the model waits HAProxy's turn-around after ${failed} refused connection(s); HAProxy's stream is ${describeStream(v)}`)
      }
      return false
    }, `${what} to wait in HAProxy's turn-around after ${failed} refused connection(s)`)
    this.offset ??= seen - (retryAt - TURN_AROUND_MS)
    this.waits.set(id, { modelAt: retryAt, port, failed, after: this.retried.get(id) ?? since, seen, what })
    this.retried.delete(id)
  }

  /** The key is done with HAProxy's waits (its request arrived, failed, or its answer came back). */
  forget(id: number): void {
    this.waits.delete(id)
    this.races.delete(id)
    this.retried.delete(id)
  }

  /** Pending waits. */
  get pending(): number {
    return this.waits.size
  }

  /**
   * Before the replay tells HAProxy anything at model time `t` — a request (`send`) or a change of the
   * fleet (`change`): waits until HAProxy has made every retry the model places at or before `t`, and
   * checks it has made none the model places after. `pace`: the item may start a wait of its own, so it
   * keeps the model's spacing from the waits already running. Returns the wall time it finished (a
   * retry of a wait that the item starts fires a turn-around after it at the earliest).
   */
  async sync(t: number, what: string, kind: 'send' | 'change', pace = false): Promise<number> {
    if (this.waits.size === 0) {
      this.offset = null
      return this.now()
    }
    if (pace && this.offset !== null) {
      const ms = this.spaced(t + this.offset) - this.now()
      if (ms > 0) await this.sleep(ms)
    }
    const due = [...this.waits.entries()].filter(([, w]) => w.modelAt <= t).sort((a, b) => a[1].modelAt - b[1].modelAt)
    for (const [id, w] of due) {
      const soonest = w.after + TURN_AROUND_MS - EARLY_MS - this.now()
      if (soonest > 0) await this.sleep(soonest)
      const { missed } = await this.poll((all) => !inTurnAround(all.get(w.port), w.failed), `HAProxy to retry ${w.what} (model ${w.modelAt} ms)`)
      this.waits.delete(id)
      // When HAProxy retried, at the earliest: a turn-around after the wait began, or after the last look that found it waiting.
      this.retried.set(id, Math.max(w.after + TURN_AROUND_MS, missed ?? 0))
    }
    const before = this.now()
    const all = this.waits.size > 0 ? await this.streams() : new Map<number, StreamView>()
    for (const [id, w] of this.waits) {
      if (inTurnAround(all.get(w.port), w.failed)) continue
      const late = `HAProxy retried ${w.what} (model ${w.modelAt} ms) before ${what} (model ${t} ms) reached it: the replay fell behind HAProxy's ${TURN_AROUND_MS / 1000} s retry timer`
      if (kind === 'change') throw new FellBehind(late)
      if (!this.races.has(id)) this.races.set(id, late)
    }
    return before
  }

  /**
   * When a new wait may start (wall time `at`, the model's pace): HAProxy's timers fire a turn-around
   * apart, each a turn-around after the one before, so a wait that starts within SPACING_MS after
   * another wait's timer (in any of its rounds) is moved to SPACING_MS after it. Within a few ms two
   * retries' order is HAProxy's and the kernel's to decide — on a loaded machine one refusal was seen
   * 16 ms late and two redispatches swapped (docs/DECISIONS.md, "HAProxy's retries, observed"). Moving
   * a wait later keeps every order the model has: what it places after the other wait's retry already
   * waits for that retry, and the new wait's own retries come later still.
   */
  private spaced(at: number): number {
    let t = Math.max(at, this.now())
    for (let moved = true, rounds = 0; moved && rounds < this.waits.size + 1; rounds++) {
      moved = false
      for (const w of this.waits.values()) {
        const since = (((t - w.seen) % TURN_AROUND_MS) + TURN_AROUND_MS) % TURN_AROUND_MS
        if (since < SPACING_MS) {
          t += SPACING_MS - since
          moved = true
        }
      }
    }
    return t
  }

  /**
   * The retry keyed `id` went to the balancer (a redispatch): a request that reached HAProxy on the
   * wrong side of it was balanced in the wrong order, so the replay stops with the reason.
   */
  balanced(id: number): void {
    const late = this.races.get(id)
    if (late !== undefined) throw new FellBehind(late)
  }

  /** The retry keyed `id` has been played; what raced it no longer matters. */
  played(id: number): void {
    this.races.delete(id)
  }

  /**
   * Asks the runtime API until `done` says so. Returns the wall time of the question that it did
   * (what it waits for had happened by the answer) and of the last that it didn't (it happened after).
   */
  private async poll(done: (all: ReadonlyMap<number, StreamView>) => boolean, what: string): Promise<{ at: number; missed: number | null }> {
    const limit = this.now() + LIMIT_MS
    let missed: number | null = null
    for (;;) {
      const asked = this.now()
      if (done(await this.streams())) return { at: asked, missed }
      missed = asked
      if (this.now() > limit) throw new Error(`waited ${LIMIT_MS / 1000} s for ${what}`)
      await this.sleep(POLL_MS)
    }
  }
}
