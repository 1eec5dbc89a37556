// WebSockets in the replay on the model's clock (src/sim/websockets.ts): each logged-in user's real
// socket through the load balancer, opened where the model opens it (on the server that answered the
// login: HAProxy's `use-server`, asked for with a header), closed for real when that server's process
// dies, and reconnected through the load balancer's own routing when the model reconnects — the real
// socket must land where the model's does. HAProxy's retries of a refused upgrade wait on its own
// clock (1 s each); the replay waits for the socket before the model moves on, so no other request is
// routed in between, as in the model, which routes the whole sequence at once.

import type { SimEvent, SimState, UserId } from '../../src/sim/types.ts'
import { Divergence } from './flight.ts'
import { openWebSocket, WS_SERVER_HEADER, type RealSocket } from './websocket.ts'

export interface SocketLb {
  readonly port: number
  readonly affinityCookie: string | null
}

export class SocketReplay {
  private readonly sockets = new Map<UserId, RealSocket>()
  /** Sockets that landed after HAProxy's retries, waiting for the model's later `ws.reconnect` there. */
  private readonly landing = new Map<UserId, RealSocket>()

  constructor(
    private readonly s: SimState,
    private readonly lb: () => SocketLb,
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

  /** `ws.reconnect`: the real upgrade goes through the load balancer first, then the model routes its own. */
  async reconnect(e: Extract<SimEvent, { kind: 'ws.reconnect' }>, model: () => void): Promise<void> {
    const s = this.s
    const id = e.user
    const landed = this.landing.get(id)
    if (e.server !== undefined && landed) {
      this.landing.delete(id)
      model()
      const now = s.users[id]!.wsServer
      if (now !== landed.server || !landed.isOpen) throw new Divergence(`user ${id}'s WebSocket reconnected to ${landed.server}; the model's to ${now ?? 'none yet'}`)
      this.sockets.set(id, landed)
      return
    }
    const real = await openWebSocket(this.lb().port, id, this.headers(id))
    model()
    const now = s.users[id]!.wsServer
    const later = [...s.events.values()].find((x): x is Extract<SimEvent, { kind: 'ws.reconnect' }> => x.kind === 'ws.reconnect' && x.user === id && x.server !== undefined)
    const want = now ?? later?.server ?? null
    const got = real.ok ? real.socket.server : null
    if (got !== want) {
      if (real.ok) real.socket.close()
      throw new Divergence(`user ${id}'s WebSocket reconnect ${real.ok ? `landed on ${real.socket.server}` : `was answered ${real.status}`}; the model's ${want === null ? 'found no server' : `lands on ${want}`}`)
    }
    if (!real.ok) return
    if (now !== null) this.sockets.set(id, real.socket)
    else this.landing.set(id, real.socket)
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
      for (const k of [...this.sockets.values(), ...this.landing.values()]) k.close()
    }
  }
}
