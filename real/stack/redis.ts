// A throwaway Redis (Debian's redis-server) on 127.0.0.1 and a free port: the shared session store.
// Its files (append-only log when persistent) live in the replay's temp dir; nothing is left behind.
// An outage is a real one: SIGKILL, then a restart on the same port — persistent data comes back from
// the append-only file (fsync always), non-persistent data is gone.

import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import Redis from 'ioredis'
import { waitForPort } from '../../conformance/lib/net.ts'
import { stopPidSync, type Owned } from './owned.ts'

export class RedisServer {
  private child: ChildProcess | null = null
  private readonly dataDir: string

  constructor(
    private readonly bin: string,
    private readonly owned: Owned,
    readonly port: number,
    private persistent: boolean,
  ) {
    this.dataDir = owned.path('redis')
    fs.mkdirSync(this.dataDir, { recursive: true })
  }

  get running(): boolean {
    return this.child !== null
  }

  args(): string[] {
    return [
      '--port', String(this.port), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--daemonize', 'no',
      '--dir', this.dataDir, '--save', '', '--logfile', '', '--loglevel', 'warning',
      '--appendonly', this.persistent ? 'yes' : 'no', '--appendfsync', 'always',
    ]
  }

  async start(): Promise<void> {
    const log = fs.openSync(this.owned.path('redis.log'), 'a')
    const child = spawn(this.bin, this.args(), { stdio: ['ignore', log, log] })
    fs.closeSync(log)
    if (child.pid === undefined) throw new Error('redis-server did not start')
    this.owned.own(child.pid, 'SIGKILL')
    this.child = child
    child.once('exit', () => {
      if (this.child === child) this.child = null
    })
    await waitForPort(this.port, 10_000, 'redis-server')
    // Ready for commands (loading an append-only file takes a moment).
    const probe = new Redis({ host: '127.0.0.1', port: this.port, lazyConnect: true, maxRetriesPerRequest: 20 })
    try {
      await probe.connect()
      await probe.ping()
    } finally {
      probe.disconnect()
    }
  }

  /** The outage: the process dies at once. */
  kill(): void {
    const pid = this.child?.pid
    this.child = null
    if (pid !== undefined) stopPidSync(pid, 'SIGKILL')
  }

  async setPersistent(on: boolean): Promise<void> {
    this.persistent = on
    if (!this.running) return
    const c = new Redis({ host: '127.0.0.1', port: this.port, lazyConnect: true })
    try {
      await c.connect()
      await c.config('SET', 'appendonly', on ? 'yes' : 'no')
    } finally {
      c.disconnect()
    }
  }

  /** A client for the harness's own use (deny list writes, counting sessions). */
  client(): Redis {
    return new Redis({ host: '127.0.0.1', port: this.port, lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0 })
  }
}
