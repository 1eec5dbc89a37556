// Process control for the conformance runs: find a binary, make a private temp dir, run or start the
// binary on loopback, and undo all of it on exit, on error and on Ctrl-C / kill (SIGINT, SIGTERM).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sleep } from './net.ts'

/** The binary: $ENV_VAR if set (only that), else the given absolute paths, else the first match on PATH. */
export function findBinary(envVar: string, name: string, defaults: readonly string[]): string | null {
  const override = process.env[envVar]
  const candidates = override
    ? [override]
    : [...defaults, ...(process.env.PATH ?? '').split(path.delimiter).map((d) => path.join(d, name))]
  return firstAccessible(candidates, fs.constants.X_OK)
}

/** The first of `files` this process may access with `mode` (fs.constants.X_OK, R_OK…), or null. */
export function firstAccessible(files: readonly string[], mode: number): string | null {
  for (const file of files) {
    try {
      fs.accessSync(file, mode)
      return file
    } catch {
      // not here
    }
  }
  return null
}

type Undo = () => void

/**
 * Things to undo, newest first. Each undo is synchronous so it also runs from a signal handler; install()
 * makes SIGINT/SIGTERM run them all and exit 130.
 */
export class Cleanup {
  private readonly undos: Undo[] = []
  private installed: (() => void) | null = null

  add(undo: Undo): void {
    this.undos.push(undo)
  }

  runAll(): void {
    while (this.undos.length > 0) {
      const undo = this.undos.pop() as Undo
      try {
        undo()
      } catch (err) {
        console.error(`cleanup: ${err instanceof Error ? err.message : String(err)}`)
      }
    }
  }

  install(): void {
    if (this.installed) return
    const onSignal = (): void => {
      this.runAll()
      process.exit(130)
    }
    this.installed = onSignal
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
  }

  /** Runs everything left and removes the signal handlers. */
  dispose(): void {
    this.runAll()
    if (this.installed) {
      process.removeListener('SIGINT', this.installed)
      process.removeListener('SIGTERM', this.installed)
      this.installed = null
    }
  }
}

/** A private temp dir (mode 0755: nginx workers run unprivileged), removed by `cleanup` unless KEEP_DIR=1. */
export function makeTempDir(prefix: string, cleanup: Cleanup): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  fs.chmodSync(dir, 0o755)
  cleanup.add(() => {
    if (process.env.KEEP_DIR === '1') console.log(`kept ${dir}`)
    else fs.rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

/** Runs `bin` to completion; `env` adds variables to this process's environment. */
export function runSync(bin: string, args: readonly string[], timeoutMs = 15_000, env?: Readonly<Record<string, string>>): { ok: boolean; code: number | null; output: string } {
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: timeoutMs, ...(env ? { env: { ...process.env, ...env } } : {}) })
  return { ok: r.status === 0, code: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Waits up to `timeoutMs` for `pid` to exit, then sends SIGKILL to that pid only. */
export async function waitGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (alive(pid) && Date.now() < deadline) await sleep(50)
  if (alive(pid)) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}

/** A foreground child process (its output goes to `logFile`), stopped by `cleanup` if still running. */
export interface Foreground {
  child: ChildProcess
  /** Sends `signal` and waits for the exit (SIGKILL after 3 s). */
  stop(signal?: NodeJS.Signals): Promise<void>
  exited(): boolean
}

export function startForeground(bin: string, args: readonly string[], logFile: string, cleanup: Cleanup): Foreground {
  const log = fs.openSync(logFile, 'a')
  const child = spawn(bin, args, { stdio: ['ignore', log, log] })
  fs.closeSync(log)
  let done = false
  child.once('exit', () => (done = true))
  const pid = child.pid
  cleanup.add(() => {
    if (!done && pid !== undefined) {
      try {
        process.kill(pid, 'SIGKILL') // the child we started, by its own pid
      } catch {
        // already gone
      }
    }
  })
  return {
    child,
    exited: () => done,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (done || pid === undefined) return
      child.kill(signal)
      await waitGone(pid, 3000)
    },
  }
}
