// The app server's WebSockets (config.websockets): `GET /ws` with an RFC 6455 upgrade gets a
// `101 Switching Protocols` and the connection stays open — the lab's sockets carry nothing, they are
// held until the client or a dying process closes them. Node's own `upgrade` event and the
// handshake's accept key are all it takes (no library). The answer names the server (x-served-by).

import crypto from 'node:crypto'
import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { H } from './protocol.ts'

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

/** Sec-WebSocket-Accept for a Sec-WebSocket-Key (RFC 6455 §4.2.2). */
export function acceptKey(key: string): string {
  return crypto.createHash('sha1').update(key + GUID).digest('base64')
}

/** Accepts upgrades on `/ws`; returns how many sockets are open. */
export function acceptWebSockets(server: http.Server, serverId: string): () => number {
  const open = new Set<Duplex>()
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex) => {
    const key = req.headers['sec-websocket-key']
    const path = (req.url ?? '/').split('?')[0]
    if (path !== '/ws' || typeof key !== 'string' || (req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
      return
    }
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ${acceptKey(key)}\r\n${H.server}: ${serverId}\r\n\r\n`)
    open.add(socket)
    socket.on('data', () => {}) // frames are not used; a client's close ends the TCP connection
    socket.on('close', () => open.delete(socket))
    socket.on('error', () => socket.destroy())
  })
  return () => open.size
}
