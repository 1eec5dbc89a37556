// Loopback ports for the conformance runs: free ones to listen on (or leave closed as "dead" backends).

import net from 'node:net'

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A free loopback port (bound, then released). Used both for listeners and for "dead" backends. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/** `count` distinct free ports, none of them in `avoid`. */
export async function freePorts(count: number, avoid: readonly number[] = []): Promise<number[]> {
  const ports: number[] = []
  while (ports.length < count) {
    const p = await freePort()
    if (!ports.includes(p) && !avoid.includes(p)) ports.push(p)
  }
  return ports
}

export async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer()
    srv.once('error', () => resolve(false))
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)))
  })
}

export async function waitForPort(port: number, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1')
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`${what} did not start listening on 127.0.0.1:${port}`)
    await sleep(50)
  }
}
