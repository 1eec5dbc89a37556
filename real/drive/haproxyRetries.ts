// HAProxy's turn-around on the model's clock. A refused connection is retried on the same server after
// MIN(1 s, timeout connect) of HAProxy's own time (src/backend.c back_handle_st_cer, SC_ST_TAR;
// docs/facts/haproxy.md §Retries and redispatch) — a timer the replay cannot move. So while a request
// sits in that wait, the replay keeps HAProxy's view of the world in step with it: everything the model
// does before the retry (health verdicts through the runtime API, other requests) reaches HAProxy
// before its timer fires, and nothing the model does after the retry reaches it before. The harness
// usually runs far ahead of the wall clock, so it sleeps until the retry has happened; if it ever falls
// behind (more than a model second of work in a wall second), the replay fails with a sentence instead
// of letting HAProxy decide on a stale view. See docs/DECISIONS.md, "HAProxy's retries on the model's
// clock".

/** HAProxy's wait before retrying the same server: MIN(1 s, timeout connect 5 s). */
export const TURN_AROUND_MS = 1_000
/** After HAProxy's timer fires: time for its retry to be made (its tick, the loopback round trip). */
const AFTER_MS = 10
/** Before it fires: what must reach HAProxy first has to be there this much earlier. */
const BEFORE_MS = 3
/** The model's hop between the load balancer and a server (src/sim/network.ts HOP_MS). */
const HOP_MS = 2

interface Wait {
  /** Model time of the retry's arrival (the engine's request.forward). */
  readonly modelAt: number
  /** Wall time when HAProxy's timer fires. */
  readonly wallAt: number
}

export class TurnAround {
  private readonly waits = new Map<number, Wait>()
  /** Wall time HAProxy's previous retry of a request fired (a chain of waits runs on HAProxy's clock). */
  private readonly fired = new Map<number, number>()
  /** While waits are pending, the replay runs at the wall clock's pace: wall = model + offset. */
  private offset: number | null = null

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The model has refused request `id` at `refusedAt` (its arrival at the server) and HAProxy waits
   * before retrying; the model's retry arrives at `retryAt`. Called right after the refused attempt
   * was sent (a first attempt) or reached (a retry).
   */
  waiting(id: number, refusedAt: number, retryAt: number): void {
    const now = this.now()
    // HAProxy learns of the refusal at once on 127.0.0.1; the model's load balancer HOP_MS later.
    this.offset ??= now - (refusedAt + HOP_MS)
    const wallAt = (this.fired.get(id) ?? now) + TURN_AROUND_MS
    this.waits.set(id, { modelAt: retryAt, wallAt })
    this.fired.set(id, wallAt)
  }

  /** The request is done with HAProxy's waits (it arrived, failed, or its answer came back). */
  forget(id: number): void {
    this.waits.delete(id)
    this.fired.delete(id)
    this.races.delete(id)
  }

  /** Pending waits. */
  get pending(): number {
    return this.waits.size
  }

  /**
   * Before the replay tells HAProxy anything at model time `t` — a request (`send`) or a change of the
   * fleet (`change`: a runtime API command, a process killed): while HAProxy waits, keeps the wall
   * clock's pace and waits until every retry the model places at or before `t` has fired. A change that
   * would reach HAProxy after a retry the model places later fails the replay at once; a request only
   * marks that retry (its order matters only if the retry goes back to the balancer: see `raced`).
   */
  async sync(t: number, what: string, kind: 'send' | 'change'): Promise<void> {
    if (this.offset === null) return
    let until = t + this.offset
    for (const [id, w] of this.waits) {
      if (t < w.modelAt) continue
      until = Math.max(until, w.wallAt + AFTER_MS)
      this.waits.delete(id)
    }
    const ms = until - this.now()
    if (ms > 0) await new Promise((r) => setTimeout(r, ms))
    for (const [id, w] of this.waits) {
      if (this.now() <= w.wallAt - BEFORE_MS) continue
      const late = `the replay fell behind HAProxy's ${TURN_AROUND_MS / 1000} s retry timer: request ${id}'s retry (model ${w.modelAt} ms) fired before ${what} (model ${t} ms) reached HAProxy`
      if (kind === 'change') throw new Error(late)
      if (!this.races.has(id)) this.races.set(id, late)
    }
    if (this.waits.size === 0) this.offset = null
  }

  /** Requests that reached HAProxy after request `id`'s retry fired, though the model sends them before. */
  private readonly races = new Map<number, string>()

  /**
   * Request `id`'s retry went to the balancer (a redispatch): a request that reached HAProxy on the
   * wrong side of it was balanced in the wrong order, so the replay stops with the reason.
   */
  balanced(id: number): void {
    const late = this.races.get(id)
    if (late !== undefined) throw new Error(late)
  }

  /** The retry of request `id` has been played; what raced it no longer matters. */
  played(id: number): void {
    this.races.delete(id)
  }
}
