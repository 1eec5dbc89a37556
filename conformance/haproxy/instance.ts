// One private HAProxy on loopback for a conformance run: config and stats socket in the run's temp dir,
// started in the foreground (-db) as our child, stopped by `cleanup` whatever happens.

import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { waitForPort } from '../lib/net.ts'
import { runSync, startForeground, type Cleanup, type Foreground } from '../lib/process.ts'

export interface HaproxyInstance {
  socket: string
  /** One runtime API command ("set server b/s state drain"); resolves with the answer. */
  command(line: string): Promise<string>
  stop(): Promise<void>
}

export async function startHaproxy(bin: string, dir: string, config: string, listenPorts: readonly number[], cleanup: Cleanup): Promise<HaproxyInstance> {
  const file = path.join(dir, 'haproxy.cfg')
  fs.writeFileSync(file, config)
  const check = runSync(bin, ['-c', '-q', '-f', file])
  if (!check.ok) throw new Error(`haproxy -c failed:\n${check.output}`)
  const proc: Foreground = startForeground(bin, ['-db', '-f', file], path.join(dir, 'haproxy.log'), cleanup)
  for (const port of listenPorts) await waitForPort(port, 5000, 'haproxy')
  const socket = path.join(dir, 'admin.sock')
  return {
    socket,
    command: (line) => runtimeCommand(socket, line),
    stop: () => proc.stop('SIGUSR1').then(() => proc.stop('SIGTERM')),
  }
}

/** Sends one command to the stats socket (level admin) and reads the answer until HAProxy closes. */
export function runtimeCommand(socket: string, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socket)
    let out = ''
    s.setEncoding('utf8')
    s.on('data', (d: string) => (out += d))
    s.on('error', reject)
    s.on('close', () => resolve(out))
    s.on('connect', () => s.write(`${line}\n`))
  })
}

/** Server states from `show servers state <backend>`: name → operational state (0 stopped, 2 running). */
export async function serverStates(inst: HaproxyInstance, backend: string): Promise<Map<string, { op: number; admin: number }>> {
  const text = await inst.command(`show servers state ${backend}`)
  const states = new Map<string, { op: number; admin: number }>()
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '' || /^\d+$/.test(line.trim())) continue
    const f = line.trim().split(/\s+/)
    // be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state …
    if (f[1] === backend && f[3] !== undefined) states.set(f[3], { op: Number(f[5]), admin: Number(f[6]) })
  }
  return states
}
