// Everything a replay starts, owned and undone: a private temp dir, the processes (each stopped by its
// own pid, never by name), and a reaper — a tiny detached process that stops them and removes the dir
// if the harness itself dies without cleaning up (even by SIGKILL). Cleanup runs on exit, on error and
// on Ctrl-C / SIGTERM (conformance/lib/process.ts `Cleanup`).

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { alive, Cleanup } from '../../conformance/lib/process.ts'

/** Blocks the thread for `ms` (cleanup must be synchronous: it also runs from a signal handler). */
export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Is `pid` still running? A child that died but was not yet reaped (a zombie: cleanup is synchronous,
 * so Node cannot reap it meanwhile) counts as gone.
 */
export function running(pid: number): boolean {
  if (!alive(pid)) return false
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
  } catch {
    return true
  }
}

/** Sends `signal` to `pid` (ours), waits up to `timeoutMs` for it to go, then SIGKILL. */
export function stopPidSync(pid: number, signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 3000): void {
  const alive = running
  if (!alive(pid)) return
  try {
    process.kill(pid, signal)
  } catch {
    return
  }
  const deadline = Date.now() + timeoutMs
  while (alive(pid) && Date.now() < deadline) sleepSync(20)
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // gone
    }
    while (alive(pid) && Date.now() < deadline + 2000) sleepSync(20)
  }
}

// The reaper, as a script for `node -e`: argv = harness pid, temp dir. It reads `<dir>/pids`
// ("<pid> <signal>" lines) when the harness is gone, and removes the port claims listed in
// `<dir>/claims` that still name the harness (portClaims.ts).
const REAPER = `
const fs = require('fs'), path = require('path')
const [parent, dir] = [Number(process.argv[1]), process.argv[2]]
const alive = (p) => { try { process.kill(p, 0); return true } catch { return false } }
const tick = () => {
  if (alive(parent)) return setTimeout(tick, 250)
  let lines = []
  try { lines = fs.readFileSync(path.join(dir, 'pids'), 'utf8').split('\\n').filter(Boolean) } catch {}
  const pids = lines.map((l) => l.split(' ')).map(([p, s]) => [Number(p), s || 'SIGTERM'])
  for (const [p, s] of pids.reverse()) { try { process.kill(p, s) } catch {} }
  const until = Date.now() + 3000
  const wait = () => {
    if (pids.some(([p]) => alive(p)) && Date.now() < until) return setTimeout(wait, 50)
    for (const [p] of pids) { try { process.kill(p, 'SIGKILL') } catch {} }
    let claims = []
    try { claims = fs.readFileSync(path.join(dir, 'claims'), 'utf8').split('\\n').filter(Boolean) } catch {}
    for (const f of claims) { try { if (fs.readFileSync(f, 'utf8').trim() === String(parent)) fs.rmSync(f, { force: true }) } catch {} }
    try { fs.rmSync(dir, { recursive: true, force: true }) } catch {}
    process.exit(0)
  }
  wait()
}
tick()
`

export class Owned {
  readonly cleanup = new Cleanup()
  readonly dir: string
  private readonly pidFile: string
  private reaperPid: number | null = null

  constructor(prefix: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
    fs.chmodSync(this.dir, 0o755)
    this.pidFile = path.join(this.dir, 'pids')
    fs.writeFileSync(this.pidFile, '')
    this.cleanup.add(() => {
      if (process.env.KEEP_DIR === '1') console.error(`kept ${this.dir}`)
      else fs.rmSync(this.dir, { recursive: true, force: true })
    })
    this.cleanup.install()
    const reaper = spawn(process.execPath, ['-e', REAPER, String(process.pid), this.dir], { detached: true, stdio: 'ignore' })
    reaper.unref()
    if (reaper.pid !== undefined) {
      const pid = reaper.pid
      this.reaperPid = pid
      // Last to go (undos run newest first, and this was the first one after the dir's).
      this.cleanup.add(() => stopPidSync(pid, 'SIGKILL', 1000))
    }
  }

  /** Records a process for the reaper (stopped with `signal`), and stops it on cleanup. */
  own(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
    fs.appendFileSync(this.pidFile, `${pid} ${signal}\n`)
    this.cleanup.add(() => stopPidSync(pid, signal))
  }

  /** Port claim files (portClaims.ts) for the reaper to remove if the harness dies without letting go. */
  claims(files: readonly string[]): void {
    fs.writeFileSync(path.join(this.dir, 'claims'), files.map((f) => `${f}\n`).join(''))
  }

  path(...parts: string[]): string {
    return path.join(this.dir, ...parts)
  }

  /** Undo everything (idempotent). */
  dispose(): void {
    this.cleanup.dispose()
  }

  get reaper(): number | null {
    return this.reaperPid
  }
}
