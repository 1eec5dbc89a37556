// Tiny loopback HTTP backends for the conformance runs. Each answers 200 with its port in the body and
// its own name in `X-Backend`, and echoes the Cookie header it received in `X-Seen-Cookie` (to check
// what a proxy strips). A request may ask for response headers with `X-Reply-Headers: {"Name": "value"}`.

import http from 'node:http'

function handler(name: string): http.RequestListener {
  return (req, res) => {
    req.resume()
    const headers: Record<string, string> = { 'Content-Type': 'text/plain', 'X-Backend': name }
    const cookie = req.headers.cookie
    headers['X-Seen-Cookie'] = cookie === undefined ? '(none)' : cookie
    const extra = req.headers['x-reply-headers']
    if (typeof extra === 'string') Object.assign(headers, JSON.parse(extra) as Record<string, string>)
    res.writeHead(200, headers)
    res.end(String(req.socket.localPort))
  }
}

/** Starts a backend on 127.0.0.1:port; `name` defaults to the port. */
export async function listenOn(port: number, name = String(port)): Promise<http.Server> {
  const srv = http.createServer(handler(name))
  await new Promise<void>((resolve, reject) => {
    srv.once('error', reject)
    srv.listen(port, '127.0.0.1', () => resolve())
  })
  return srv
}

export const closeServer = (srv: http.Server): Promise<void> =>
  new Promise((resolve) => {
    srv.close(() => resolve())
    srv.closeAllConnections()
  })

export async function startBackends(ports: readonly number[], names?: readonly string[]): Promise<http.Server[]> {
  const servers: http.Server[] = []
  for (const [i, port] of ports.entries()) servers.push(await listenOn(port, names?.[i]))
  return servers
}

/** A backend that goes up and down during a run (closed port while down). */
export class FlappingBackend {
  server: http.Server | null = null
  up = false
  constructor(public port = 0) {}
  async set(up: boolean): Promise<void> {
    if (up === this.up) return
    if (up) this.server = await listenOn(this.port)
    else if (this.server) {
      await closeServer(this.server)
      this.server = null
    }
    this.up = up
  }
}
