// WebSockets in the replay on the model's clock (src/sim/websockets.ts): each logged-in user's real
// socket through the load balancer, opened where the model opens it (on the server that answered the
// login: HAProxy's `use-server`, asked for with a header), closed for real when that server's process
// dies, and reconnected through the load balancer's own routing when the model reconnects — the real
// socket must land where the model's does. HAProxy's retries of a refused upgrade wait on its own
// clock (1 s each): the upgrade is sent without waiting and its retries kept in step with the model's
// (real/drive/haproxyRetries.ts), which balances each retry when it happens (src/sim/websockets.ts).

import type { SimEvent, SimState, UserId } from '../../src/sim/types.ts'
import { Divergence } from './flight.ts'
import { TURN_AROUND_MS, type TurnAround } from './haproxyRetries.ts'
import { openWebSocket, WS_SERVER_HEADER, type RealSocket, type Upgrade } from './websocket.ts'

/** The turn-around's key for a user's reconnect (request ids are never negative). */
const wsKey = (user: UserId): number => -1 - user

/** A reconnect's real upgrade while the model's reconnect waits for HAProxy's retries. */
class PendingUpgrade {
  readonly upgrade: Promise<Upgrade>
  private readonly port: Promise<number | null>
  settled = false

  constructor(
    open: (onPort: (port: number) => void) => Promise<Upgrade>,
    /** Wall time just before it was sent. */
    readonly sentAt: number,
  ) {
    let known: (port: number) => void = () => {}
    const port = new Promise<number>((resolve) => (known = resolve))
    this.upgrade = open(known)
    // Handled now, awaited later: a replay that stops first (a divergence) must not leave a rejection
    // nobody handles when the stack goes down (it ended the whole test:real process once).
    const done = this.upgrade.then(
      () => (this.settled = true),
      () => (this.settled = true),
    )
    this.port = Promise.race([port, done.then(() => null)])
  }

  /** Its connection's client port (HAProxy's `show sess` names the stream by it); null if it ended first. */
  connected(): Promise<number | null> {
    return this.port
  }
}

export interface SocketLb {
  readonly port: number
  readonly affinityCookie: string | null
}

export class SocketReplay {
  private readonly sockets = new Map<UserId, RealSocket>()
  /** Upgrades sent through the load balancer whose model reconnect is still waiting for a retry. */
  private readonly pending = new Map<UserId, PendingUpgrade>()

  constructor(
    private readonly s: SimState,
    private readonly lb: () => SocketLb,
    private readonly tar: TurnAround,
  ) {}

  private headers(user: UserId): Record<string, string> {
    const u = this.s.users[user]!
    const jar = u.jar
    const cookies: string[] = []
    if (jar.uid !== null) cookies.push(`uid=${jar.uid}`)
    if (jar.sid !== null) cookies.push(`sid=${jar.sid}`)
    const name = this.lb().affinityCookie
    if (name !== null && jar.affinity !== null && jar.affinity.expiresAt > this.s.now) cookies.push(`${name}=${jar.affinity.server}`)
    return { 'x-real-ip': u.ip, ...(cookies.length > 0 ? { cookie: cookies.join('; ') } : {}) }
  }

  /** After the model's browser took an answer: a socket the model opened (a login) or moved. */
  async sync(user: UserId): Promise<void> {
    const want = this.s.users[user]?.wsServer ?? null
    const have = this.sockets.get(user)
    if (want === null || (have?.isOpen && have.server === want)) return
    if (have?.isOpen) have.close()
    const up = await openWebSocket(this.lb().port, user, { ...this.headers(user), [WS_SERVER_HEADER]: want })
    if (!up.ok) throw new Divergence(`user ${user}'s WebSocket to ${want} was answered ${up.status}; the model opened it`)
    if (up.socket.server !== want) throw new Divergence(`user ${user}'s WebSocket landed on ${up.socket.server}; the model opened it on ${want}`)
    this.sockets.set(user, up.socket)
  }

  /**
   * `ws.reconnect`: the real upgrade goes to the load balancer without waiting (HAProxy may be refused
   * and wait its 1 s before retrying while the model's clock moves on); the model routes its own. While
   * the model's reconnect waits, the retry is registered with the turn-around (haproxyRetries.ts) so
   * that everything the model does before it reaches HAProxy first; when the model's reconnect lands
   * (or gives up), the real upgrade's answer must say the same.
   */
  async reconnect(e: Extract<SimEvent, { kind: 'ws.reconnect' }>, model: () => void): Promise<void> {
    const s = this.s
    const user = e.user
    const key = wsKey(user)
    let pending = this.pending.get(user)
    if (e.retry === undefined || !pending) {
      if (pending) throw new Error(`user ${user}: a new WebSocket reconnect while the last one is still under way`)
      // At the model's pace: a refused reconnect starts one of HAProxy's waits.
      const sentAt = await this.tar.sync(s.now, `user ${user}'s WebSocket reconnect`, 'send', true)
      pending = new PendingUpgrade((onPort) => openWebSocket(this.lb().port, user, this.headers(user), onPort), sentAt)
      this.pending.set(user, pending)
    } else {
      await this.tar.sync(s.now, `user ${user}'s WebSocket retry`, 'send')
      if (e.retry.same === null) this.tar.balanced(key)
    }
    model()
    this.tar.played(key)
    const retry = [...s.events.values()].find((x): x is Extract<SimEvent, { kind: 'ws.reconnect' }> => x.kind === 'ws.reconnect' && x.user === user && x.retry !== undefined)
    if (retry) {
      // HAProxy heard of the refusal at once (the model's reconnect has no hop); its timer runs 1 s.
      const p = pending
      const port = await p.connected()
      if (port === null) throw new Divergence(`user ${user}'s WebSocket reconnect was over before the model's first retry`)
      await this.tar.waiting(key, port, retry.retry!.refused.length, s.now + TURN_AROUND_MS, `user ${user}'s WebSocket reconnect`, p.sentAt, () => p.settled)
      return
    }
    this.pending.delete(user)
    this.tar.forget(key)
    const real = await pending.upgrade
    const want = s.users[user]!.wsServer
    const got = real.ok ? real.socket.server : null
    if (got !== want) {
      if (real.ok) real.socket.close()
      throw new Divergence(`user ${user}'s WebSocket reconnect ${real.ok ? `landed on ${real.socket.server}` : `was answered ${real.status}`}; the model's ${want === null ? 'found no server' : `lands on ${want}`}`)
    }
    if (real.ok) this.sockets.set(user, real.socket)
  }

  /** A process died: the real sockets on it must close, as the model dropped them. */
  async dropped(server: string): Promise<void> {
    const on = [...this.sockets.entries()].filter(([, k]) => k.server === server)
    const timeout = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 5_000).unref())
    for (const [user, k] of on) {
      if ((await Promise.race([k.closed.then(() => 'closed' as const), timeout])) === 'late') throw new Divergence(`user ${user}'s WebSocket on ${server} stayed open after ${server} died`)
      this.sockets.delete(user)
    }
  }

  /** At the end: the real sockets per server against the model's connections; then all close. */
  finish(): void {
    try {
      for (const srv of this.s.servers) {
        const real = [...this.sockets.values()].filter((k) => k.isOpen && k.server === srv.id).length
        if (real !== srv.connections) throw new Divergence(`${srv.id} holds ${real} real WebSocket(s); the model's ${srv.id} holds ${srv.connections}`)
      }
    } finally {
      for (const k of this.sockets.values()) k.close()
      for (const p of this.pending.values()) void p.upgrade.then((u) => u.ok && u.socket.close(), () => {})
    }
  }
}
