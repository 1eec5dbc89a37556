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

/**
 * `count` distinct free ports for backends that must stay closed ("dead"), or that we open and close
 * ourselves, none of them in `avoid`. They come from 20000–28999, below the kernel's ephemeral range
 * (32768–60999 on Linux) and the replay's preferred ports (29100 and up, real/stack/stack.ts): a port
 * from `freePort()` is one the kernel hands out again, and when the suites run side by side
 * (`test:software`), another process's listener once took a "dead" backend's port and answered 404.
 */
export async function closedPorts(count: number, avoid: readonly number[] = []): Promise<number[]> {
  const ports: number[] = []
  for (let tries = 0; ports.length < count; tries++) {
    if (tries > 1000) throw new Error('no free port found in 20000–28999 for a closed backend')
    const p = 20_000 + Math.floor(Math.random() * 9_000)
    if (!ports.includes(p) && !avoid.includes(p) && (await portIsFree(p))) ports.push(p)
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
