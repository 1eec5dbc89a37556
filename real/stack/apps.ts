// The app servers: one child process per server incarnation (a restart or a deploy starts a new one),
// each a plain node:http server (real/app/main.ts, bundled once per replay with esbuild so a process
// starts in tens of milliseconds). The harness talks to them over Node IPC (real/app/protocol.ts).

import { fork, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { ServerId } from '../../src/sim/types.ts'
import type { AppOptions, FromApp, ToApp } from '../app/protocol.ts'
import { stopPidSync, type Owned } from './owned.ts'

const ENTRY = fileURLToPath(new URL('../app/main.ts', import.meta.url))

let bundled: Promise<string> | null = null

/** Bundles the app server (once per harness process) into the replay's temp dir; pg's optional native binding is left out. */
export async function bundleApp(owned: Owned): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    external: ['pg-native'],
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }).then((r) => r.outputFiles[0]!.text)
  const out = owned.path('app.mjs')
  fs.writeFileSync(out, await bundled)
  return out
}

type Reply = Exclude<FromApp, { t: 'ready' | 'arrived' | 'admitted' | 'done' | 'error' }>

export interface AppEvents {
  arrived(app: AppProcess, id: number, admitted?: Extract<FromApp, { t: 'admitted' }>['answer']): void
  done(app: AppProcess, m: Extract<FromApp, { t: 'done' }>): void
  listening(app: AppProcess): void
  exited(app: AppProcess): void
}

/**
 * The harness hears of every app server's death this much later than it happens (test:real's
 * "late death" check: a load balancer may act on a death — retry a request elsewhere — before the
 * child's exit event reaches the harness). 0 outside that check.
 */
let lateExitMs = 0
export function hearDeathsLate(ms: number): void {
  lateExitMs = ms
}

export class AppProcess {
  readonly child: ChildProcess
  private readonly pending: { resolve: (m: FromApp) => void; reject: (e: Error) => void; want: string }[] = []
  private gone = false
  private readyWait: Promise<void>
  listening = false

  constructor(
    readonly server: ServerId,
    readonly index: number,
    readonly version: number,
    readonly port: number,
    bundle: string,
    options: AppOptions,
    owned: Owned,
    private readonly events: AppEvents,
  ) {
    const log = fs.openSync(owned.path(`app-${server}${version}.log`), 'a')
    this.child = fork(bundle, [JSON.stringify(options)], { execArgv: [], stdio: ['ignore', log, log, 'ipc'] })
    fs.closeSync(log)
    if (this.child.pid === undefined) throw new Error(`app server ${server} did not start`)
    owned.own(this.child.pid, 'SIGKILL')
    let ready: () => void = () => undefined
    let failed: (e: Error) => void = () => undefined
    this.readyWait = new Promise<void>((resolve, reject) => {
      ready = resolve
      failed = reject
    })
    this.child.on('message', (m: FromApp) => {
      switch (m.t) {
        case 'ready':
          return ready()
        case 'arrived':
          return this.events.arrived(this, m.id)
        case 'admitted':
          return this.events.arrived(this, m.id, m.answer)
        case 'done':
          return this.events.done(this, m)
        case 'error':
          console.error(`app ${server}${version}: ${m.message}`)
          return this.pending.shift()?.reject(new Error(`app server ${server}: ${m.message}`))
        case 'listening':
          this.listening = true
          if (this.pending[0]?.want === 'listening') return this.pending.shift()!.resolve(m)
          return this.events.listening(this)
        default: {
          const p = this.pending.shift()
          if (!p) return console.error(`app ${server}${version}: unexpected ${m.t}`)
          return p.resolve(m)
        }
      }
    })
    this.child.once('exit', () => {
      this.gone = true
      failed(new Error(`app server ${server} exited during start-up`))
      for (const p of this.pending.splice(0)) p.reject(new Error(`app server ${server} died`))
      this.events.exited(this)
    })
  }

  get alive(): boolean {
    return !this.gone
  }

  ready(): Promise<void> {
    return this.readyWait
  }

  /** One command and its answer (commands to one process are sent one at a time). */
  ask<T extends Reply['t']>(m: ToApp, ...want: T[]): Promise<Extract<FromApp, { t: T }>> {
    if (this.gone) return Promise.reject(new Error(`app server ${this.server} is not running`))
    return new Promise((resolve, reject) => {
      const ok = (r: FromApp): void =>
        (want as string[]).includes(r.t) ? resolve(r as Extract<FromApp, { t: T }>) : reject(new Error(`app ${this.server}: expected ${want.join('|')}, got ${r.t}`))
      this.pending.push({ resolve: ok, reject, want: want.join('|') })
      this.child.send(m)
    })
  }

  /** SIGKILL: the process dies with whatever it holds (a crash, as the model's crashServer). */
  kill(): void {
    if (this.child.pid !== undefined) stopPidSync(this.child.pid, 'SIGKILL')
  }

  /** Waits until the 'exit' event fired (the harness has seen the death). */
  async exited(): Promise<void> {
    if (!this.gone) await new Promise<void>((resolve) => this.child.once('exit', () => resolve()))
    if (lateExitMs > 0) await new Promise((resolve) => setTimeout(resolve, lateExitMs))
  }
}
