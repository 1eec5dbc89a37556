// The SYN gate: on the model's clock, a connection to a killed app server is refused when the model
// says so, not at once. On 127.0.0.1 the kernel answers a SYN to a closed port with a RST within
// microseconds, so HAProxy would redispatch a round-robin request before the next request reaches it —
// while the model's refusal takes its hop there and back (src/sim/network.ts HOP_MS) and a request
// balanced inside that window takes its turn first. The gate (synGate.py, the kernel's NFQUEUE via
// iptables) holds the SYN the harness names until the harness lets it go; every other SYN passes at
// once. The harness decides the moment, so the order is the model's, not a race (docs/DECISIONS.md,
// "The refusal round trip, held").
//
// It needs root, iptables (Debian package "iptables") and python3 (Debian package "python3"). The
// gate process owns its rules: it deletes its chain when it exits — on stdin's end, SIGTERM (the
// replay's cleanup and reaper, owned.ts) or SIGINT.

import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import readline from 'node:readline'
import { findBinary } from '../../conformance/lib/process.ts'
import type { Owned } from './owned.ts'

const SCRIPT = fileURLToPath(new URL('./synGate.py', import.meta.url))
const START_MS = 10_000

export const iptablesBinary = (): string | null => findBinary('IPTABLES', 'iptables', ['/usr/sbin/iptables'])
const pythonBinary = (): string | null => findBinary('PYTHON3', 'python3', ['/usr/bin/python3'])

/** Why the gate cannot run here, or null when it can. */
export function gateUnavailable(): string | null {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'it needs root (iptables)'
  if (iptablesBinary() === null) return 'iptables is not installed (apt-get install iptables)'
  if (pythonBinary() === null) return 'python3 is not installed (apt-get install python3)'
  return null
}

export class SynGate {
  private readonly held = new Set<string>()
  private readonly waiting = new Map<string, () => void>()
  private failure: string | null = null

  private constructor(
    private readonly child: ChildProcess,
    lines: readline.Interface,
    /** The gate's own iptables chain (it deletes it when it exits). */
    readonly chain: string,
    /** Called whenever a SYN is held (the replay's flights re-check what they wait for). */
    private readonly changed: () => void,
  ) {
    lines.on('line', (line) => this.read(line))
    child.once('exit', () => {
      this.failure ??= 'the SYN gate exited'
      for (const w of this.waiting.values()) w()
      this.changed()
    })
  }

  /** Starts the gate over SYNs to `ports` on 127.0.0.1. Throws a sentence if it cannot. */
  static async start(owned: Owned, ports: readonly number[], changed: () => void): Promise<SynGate> {
    const why = gateUnavailable()
    if (why !== null) throw new Error(`the SYN gate cannot run: ${why}`)
    const iptables = iptablesBinary()!
    const python = pythonBinary()!
    const chain = `sslab-${process.pid}-${ports[0]}`.slice(0, 28)
    const child = spawn(python, [SCRIPT, iptables, chain, ...ports.map(String)], { stdio: ['pipe', 'pipe', 'pipe'] })
    if (child.pid === undefined) throw new Error('the SYN gate did not start')
    owned.own(child.pid, 'SIGTERM')
    let stderr = ''
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    const lines = readline.createInterface({ input: child.stdout! })
    const first = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve(`error no answer in ${START_MS / 1000} s`), START_MS)
      lines.once('line', (l) => {
        clearTimeout(timer)
        resolve(l)
      })
      child.once('exit', () => resolve(`error exited: ${stderr.trim() || 'no output'}`))
    })
    if (!first.startsWith('ready ')) {
      child.kill('SIGTERM')
      throw new Error(`the SYN gate cannot run: ${first.replace(/^error /, '')}`)
    }
    return new SynGate(child, lines, chain, changed)
  }

  private read(line: string): void {
    const [what, tag] = line.split(' ', 2) as [string, string]
    if (what === 'held') {
      this.held.add(tag)
      this.changed()
    } else if (what === 'armed' || what === 'released' || what === 'cancelled') {
      this.waiting.get(tag)?.()
    } else if (what === 'error') {
      this.failure = line.slice(6)
      this.changed()
    }
  }

  private send(line: string): void {
    if (this.failure !== null) throw new Error(`SYN gate: ${this.failure}`)
    this.child.stdin!.write(`${line}\n`)
  }

  /** The next SYN to `port` is held as `tag` (see `isHeld`); resolves once the gate has the hold in place. */
  hold(port: number, tag: string): Promise<void> {
    return this.ask(`hold ${port} ${tag}`, tag)
  }

  isHeld(tag: string): boolean {
    if (this.failure !== null) throw new Error(`SYN gate: ${this.failure}`)
    return this.held.has(tag)
  }

  /** Lets the SYN `tag` go (the kernel answers it with a RST: connection refused); forgets it if it never came. */
  release(tag: string): Promise<void> {
    const verb = this.held.has(tag) ? 'release' : 'cancel'
    this.held.delete(tag)
    return this.ask(`${verb} ${tag}`, tag)
  }

  /** Sends a command and resolves on the gate's answer about `tag` (or when the gate is gone). */
  private ask(line: string, tag: string): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.set(tag, () => {
        this.waiting.delete(tag)
        resolve()
      })
      this.send(line)
    })
  }

  get pid(): number {
    return this.child.pid!
  }

  /** Lets everything go and removes the rules (the gate process exits). */
  stop(): void {
    this.child.stdin?.end()
  }
}
