// A throwaway PostgreSQL (Debian's postgresql): `initdb` into the replay's temp dir, `postgres` with
// its unix socket in that dir and no TCP listener at all. PostgreSQL refuses to run as root, so when
// the harness is root both run as the `postgres` system user (or `nobody`). An outage is an
// immediate shutdown (SIGQUIT) and a restart on the same data directory.

import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import pg from 'pg'
import { sleep } from '../../conformance/lib/net.ts'
import { stopPidSync, type Owned } from './owned.ts'
import { SESSIONS_TABLE } from '../app/stores.ts'

interface Account {
  uid: number
  gid: number
  name: string
}

/** Who runs PostgreSQL: ourselves, or when root, the `postgres` (else `nobody`) account. */
function account(): Account | null {
  if (process.getuid?.() !== 0) return null
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim())
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim())
      if (Number.isInteger(uid) && uid > 0) return { uid, gid, name }
    } catch {
      // no such account
    }
  }
  throw new Error('running as root, and neither a "postgres" nor a "nobody" account exists to run PostgreSQL')
}

export class PostgresServer {
  private child: ChildProcess | null = null
  readonly socketDir: string
  private readonly dataDir: string
  private readonly who: Account | null
  readonly database = 'shop'
  readonly user: string

  constructor(
    private readonly bins: { postgres: string; initdb: string },
    private readonly owned: Owned,
  ) {
    this.who = account()
    this.user = this.who?.name ?? (process.env.USER || 'postgres')
    const base = owned.path('postgres')
    fs.mkdirSync(base, { recursive: true })
    this.socketDir = base
    this.dataDir = owned.path('postgres', 'data')
    if (this.who) fs.chownSync(base, this.who.uid, this.who.gid)
  }

  get running(): boolean {
    return this.child !== null
  }

  /** initdb (fast: no fsync), start, and create the shop's database and table. */
  async init(): Promise<void> {
    const r = spawnSync(this.bins.initdb, ['-D', this.dataDir, '-U', this.user, '--auth=trust', '--no-sync', '--no-instructions', '-E', 'UTF8', '--locale=C'], {
      encoding: 'utf8',
      timeout: 60_000,
      ...(this.who ? { uid: this.who.uid, gid: this.who.gid } : {}),
    })
    if (r.status !== 0) throw new Error(`initdb failed: ${(r.stderr || r.stdout || '').trim()}`)
    await this.start()
    const admin = new pg.Client({ host: this.socketDir, database: 'postgres', user: this.user })
    await admin.connect()
    try {
      await admin.query(`CREATE DATABASE ${this.database}`)
    } finally {
      await admin.end()
    }
    const db = new pg.Client({ host: this.socketDir, database: this.database, user: this.user })
    await db.connect()
    try {
      await db.query(SESSIONS_TABLE)
    } finally {
      await db.end()
    }
  }

  async start(): Promise<void> {
    const log = fs.openSync(this.owned.path('postgres.log'), 'a')
    const child = spawn(
      this.bins.postgres,
      ['-D', this.dataDir, '-k', this.socketDir, '-c', 'listen_addresses=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
      { stdio: ['ignore', log, log], ...(this.who ? { uid: this.who.uid, gid: this.who.gid } : {}) },
    )
    fs.closeSync(log)
    if (child.pid === undefined) throw new Error('postgres did not start')
    this.owned.own(child.pid, 'SIGQUIT')
    this.child = child
    child.once('exit', () => {
      if (this.child === child) this.child = null
    })
    // Ready when a connection succeeds.
    const deadline = Date.now() + 20_000
    for (;;) {
      const c = new pg.Client({ host: this.socketDir, database: 'postgres', user: this.user })
      try {
        await c.connect()
        await c.end()
        return
      } catch (err) {
        if (Date.now() > deadline || this.child === null) throw new Error(`postgres did not accept connections: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
        await sleep(50)
      }
    }
  }

  /** The outage: an immediate shutdown (no checkpoint), as a crash would be; the data stays. */
  kill(): void {
    const pid = this.child?.pid
    this.child = null
    if (pid !== undefined) stopPidSync(pid, 'SIGQUIT', 10_000)
  }
}
