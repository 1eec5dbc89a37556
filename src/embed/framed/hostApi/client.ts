// The Sticky Sessions Lab embed client: a small typed ES module a host page imports to drive an
// embedded lab (embed.html in an iframe, with `origins=` naming the host's origin) over postMessage,
// and to listen to it. The build ships it as embed-client.js (+ embed-client.d.ts) next to the site.
// The protocol itself is docs/EMBED_API.md; this file is self-contained on purpose (no imports) so it
// bundles to one file any page can load.
//
//   import { connectLab } from 'https://example.org/sticky-lab/embed-client.js'
//   const lab = await connectLab(document.querySelector('iframe'))
//   lab.on('logout', (e) => console.log(e.total, 'unexpected logouts'))
//   await lab.load({ scenario: 'crash-sticky-memory', design: 'sticky' })
//   await lab.play({ speed: 4 })

export const PROTOCOL = 'sticky-sessions-lab'
export const VERSION = 1

export type CommandName = 'getState' | 'load' | 'play' | 'pause' | 'seek' | 'step' | 'reset' | 'intervene' | 'subscribe' | 'unsubscribe'
export type EventName = 'ready' | 'state' | 'logout' | 'serverDown' | 'sceneAnswered' | 'ended'
export type ErrorCode = 'bad-message' | 'unsupported-version' | 'unknown-command' | 'invalid-params' | 'not-possible'

/** An intervention, as in a share link (`kind` plus its fields; see docs/EMBED_API.md). */
export type Intervention = { readonly kind: string } & Readonly<Record<string, unknown>>

export interface LoadParams {
  /** A scenario id, e.g. "crash-sticky-memory". */
  readonly scenario: string
  /** The one-click designs: sticky = cookie affinity + sessions in memory; stateless = round robin + shared store. */
  readonly design?: 'sticky' | 'stateless'
  readonly seed?: number
  /** Config overrides, as in a share link (servers, users, policy, storage, …). */
  readonly overrides?: Readonly<Record<string, unknown>>
  /** The learner's interventions as [atMs, intervention] pairs, as in a share link. */
  readonly interventions?: readonly (readonly [number, Intervention])[]
  /** Open at this simulated time (replayed, paused). */
  readonly at?: number
  /** A share link's run (its `s` parameter); scenario still names the scenario. */
  readonly run?: string
}

export interface ServerState {
  readonly id: string
  readonly status: 'starting' | 'up' | 'draining' | 'crashed' | 'removed'
  readonly sessions: number
  readonly requests: number
}

export interface LabState {
  readonly scenario: string
  readonly title: string
  readonly design: 'sticky' | 'stateless' | 'custom'
  readonly policy: string
  readonly storage: string
  readonly seed: number
  /** Simulated time now, and the furthest reached. */
  readonly timeMs: number
  readonly horizonMs: number
  /** How long the scenario's story runs. */
  readonly durationMs: number
  readonly playing: boolean
  readonly speed: number
  readonly users: number
  readonly counters: {
    readonly requests: number
    readonly ok: number
    readonly failed: number
    readonly unexpectedLogouts: number
    readonly cartsLost: number
    readonly sessionsLost: number
  }
  readonly servers: readonly ServerState[]
}

export interface EventData {
  readonly ready: { readonly version: number; readonly commands: readonly CommandName[]; readonly events: readonly EventName[]; readonly state: LabState }
  readonly state: LabState
  readonly logout: { readonly timeMs: number; readonly added: number; readonly total: number }
  readonly serverDown: { readonly timeMs: number; readonly server: string; readonly status: 'crashed' | 'removed' }
  readonly sceneAnswered: { readonly lesson: string; readonly scene: number; readonly choice: number; readonly right: boolean; readonly firstTry: boolean }
  readonly ended: { readonly timeMs: number; readonly durationMs: number }
}

export interface ReplyMessage {
  readonly protocol: typeof PROTOCOL
  readonly version: number
  readonly type: 'reply'
  readonly id: string | number
  readonly command: CommandName
  readonly ok: true
  readonly result: unknown
}

export interface ErrorMessage {
  readonly protocol: typeof PROTOCOL
  readonly version: number
  readonly type: 'error'
  readonly id: string | number | null
  readonly ok: false
  readonly error: { readonly code: ErrorCode; readonly message: string }
}

export interface EventMessage<E extends EventName = EventName> {
  readonly protocol: typeof PROTOCOL
  readonly version: number
  readonly type: 'event'
  readonly event: E
  readonly data: EventData[E]
}

export type LabMessage = ReplyMessage | ErrorMessage | EventMessage

/** A command the lab refused, with the lab's code and sentence. */
export class LabError extends Error {
  readonly code: ErrorCode | 'timeout'
  constructor(code: ErrorCode | 'timeout', message: string) {
    super(message)
    this.name = 'LabError'
    this.code = code
  }
}

export interface ConnectOptions {
  /** The lab's origin; defaults to the iframe's src origin. */
  readonly origin?: string
  /** How long to wait for the lab to answer (ms). */
  readonly timeoutMs?: number
}

function isLabMessage(x: unknown): x is LabMessage {
  return typeof x === 'object' && x !== null && (x as { protocol?: unknown }).protocol === PROTOCOL
}

type Listener = (data: never) => void

export class LabClient {
  private next = 1
  private readonly pending = new Map<string | number, { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }>()
  private readonly listeners = new Map<EventName, Set<Listener>>()
  private readonly onMessage: (e: MessageEvent) => void

  constructor(
    private readonly target: Window,
    private readonly origin: string,
    private readonly timeoutMs = 10_000,
  ) {
    this.onMessage = (e: MessageEvent) => {
      if (e.source !== this.target || (this.origin !== '*' && e.origin !== this.origin) || !isLabMessage(e.data)) return
      const m = e.data
      if (m.type === 'event') {
        for (const f of this.listeners.get(m.event) ?? []) (f as (d: unknown) => void)(m.data)
        return
      }
      const p = m.id === null ? undefined : this.pending.get(m.id)
      if (!p || m.id === null) return
      this.pending.delete(m.id)
      clearTimeout(p.timer)
      if (m.type === 'reply') p.resolve(m.result)
      else p.reject(new LabError(m.error.code, m.error.message))
    }
    window.addEventListener('message', this.onMessage)
  }

  /** Send one command; resolves with its result, rejects with a LabError. */
  request<T = unknown>(command: CommandName, params: Readonly<Record<string, unknown>> = {}): Promise<T> {
    const id = `c${this.next++}`
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new LabError('timeout', `The lab did not answer "${command}" within ${this.timeoutMs} ms (is origins= set on the embed?)`))
      }, this.timeoutMs)
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer })
      this.target.postMessage({ ...params, protocol: PROTOCOL, version: VERSION, id, type: command }, this.origin)
    })
  }

  getState(): Promise<LabState> {
    return this.request('getState')
  }
  load(params: LoadParams): Promise<LabState> {
    return this.request('load', { ...params })
  }
  play(params: { readonly speed?: number } = {}): Promise<LabState> {
    return this.request('play', params)
  }
  pause(): Promise<LabState> {
    return this.request('pause')
  }
  seek(ms: number): Promise<LabState> {
    return this.request('seek', { ms })
  }
  step(params: { readonly back?: boolean } = {}): Promise<LabState> {
    return this.request('step', params)
  }
  reset(): Promise<LabState> {
    return this.request('reset')
  }
  intervene(intervention: Intervention): Promise<LabState> {
    return this.request('intervene', { intervention })
  }

  /** Listen to an event (subscribing to it on the lab); returns a function that stops listening. */
  on<E extends EventName>(event: E, listener: (data: EventData[E]) => void): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as Listener)
    if (event !== 'ready' && set.size === 1) void this.request('subscribe', { events: [event] }).catch(() => {})
    return () => {
      set.delete(listener as Listener)
      if (event !== 'ready' && set.size === 0) void this.request('unsubscribe', { events: [event] }).catch(() => {})
    }
  }

  /** Stop listening to the lab and fail what is still waiting. */
  close(): void {
    window.removeEventListener('message', this.onMessage)
    for (const [, p] of this.pending) {
      clearTimeout(p.timer)
      p.reject(new LabError('timeout', 'The client was closed'))
    }
    this.pending.clear()
    this.listeners.clear()
  }
}

/**
 * Connect to an embedded lab: resolves once it answers (the lab may still be loading when this is
 * called; the first getState is retried until the timeout).
 */
export async function connectLab(frame: HTMLIFrameElement, options: ConnectOptions = {}): Promise<LabClient> {
  const origin = options.origin ?? new URL(frame.src, window.location.href).origin
  const target = frame.contentWindow
  if (!target) throw new LabError('not-possible', 'The iframe is not in the page yet')
  const timeoutMs = options.timeoutMs ?? 10_000
  const client = new LabClient(target, origin, 500)
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await client.getState()
      client.close()
      return new LabClient(target, origin, timeoutMs)
    } catch (e) {
      if (!(e instanceof LabError) || e.code !== 'timeout' || Date.now() >= deadline) {
        client.close()
        throw e
      }
    }
  }
}
