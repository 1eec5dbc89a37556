// The replay's browsers' WebSockets (config.websockets, src/sim/websockets.ts): one real socket per
// user through the load balancer — an RFC 6455 upgrade to `/ws` with the user's cookies and address,
// held open (HAProxy's `timeout tunnel`) until the user's server dies, which closes it. Where a socket
// lands is the app's x-served-by on the 101 answer; the replay checks it against the model's.

import crypto from 'node:crypto'
import http from 'node:http'
import type { Socket } from 'node:net'
import type { ServerId } from '../../src/sim/types.ts'
import { acceptKey } from '../app/websocket.ts'
import { H } from '../app/protocol.ts'
import { whenConnected } from './browserHttp.ts'

/** Asks HAProxy for one server (`use-server`), where the model opens the socket on a known server. */
export const WS_SERVER_HEADER = 'x-lab-ws-server'

export class RealSocket {
  private open = true
  readonly closed: Promise<void>
  constructor(
    readonly server: ServerId,
    private readonly socket: Socket,
  ) {
    this.closed = new Promise((resolve) => {
      socket.on('close', () => {
        this.open = false
        resolve()
      })
    })
    socket.on('error', () => socket.destroy())
  }
  get isOpen(): boolean {
    return this.open
  }
  close(): void {
    this.socket.destroy()
  }
}

export type Upgrade = { readonly ok: true; readonly socket: RealSocket } | { readonly ok: false; readonly status: number }

/** Opens a WebSocket through the load balancer on `port`; resolves when it is up or refused. `onPort`: the connection's client port, once connected. */
export function openWebSocket(port: number, user: number, headers: Record<string, string>, onPort?: (port: number) => void): Promise<Upgrade> {
  const key = crypto.randomBytes(16).toString('base64')
  return new Promise((resolve, reject) => {
    const r = http.request({
      host: '127.0.0.1',
      port,
      path: `/ws?u=${user}`,
      headers: { ...headers, connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': key, 'sec-websocket-version': '13' },
      agent: false,
    })
    r.on('upgrade', (res, socket: Socket) => {
      const server = res.headers[H.server]
      if (res.headers['sec-websocket-accept'] !== acceptKey(key) || typeof server !== 'string') {
        socket.destroy()
        reject(new Error(`user ${user}: a WebSocket upgrade came back without a valid accept key or server`))
        return
      }
      resolve({ ok: true, socket: new RealSocket(server as ServerId, socket) })
    })
    r.on('response', (res) => {
      res.resume()
      resolve({ ok: false, status: res.statusCode ?? 0 })
    })
    if (onPort) r.on('socket', (sock) => whenConnected(sock, onPort))
    r.on('error', reject)
    r.end()
  })
}
