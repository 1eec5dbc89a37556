// One request on its way through the real system, as the replay watches it: the app servers that
// reported its arrival, and the HTTP answer the browser got. `wait` blocks the (virtual-clock)
// replay until the real system has settled for this request — with a wall-clock limit, so a stuck
// process fails the replay with a sentence instead of hanging it.

import type { ServerId, UserId } from '../../src/sim/types.ts'
import type { FromApp } from '../app/protocol.ts'
import type { HttpAnswer } from './browserHttp.ts'

/** Real software did something the model did not (or the other way round): the replay stops here. */
export class Divergence extends Error {}

const WAIT_MS = 15_000

export type AdmitAnswer = Extract<FromApp, { t: 'queued' | 'started' | 'rejected' }>

export class Flight {
  readonly arrivals: ServerId[] = []
  /** The app's answer when it admitted the request by itself (it carried its arrival time). */
  admitted: AdmitAnswer | null = null
  private result: HttpAnswer | null = null
  private failure: Error | null = null
  private readonly listeners = new Set<() => void>()
  /** The client port of the request's connection (HAProxy's `show sess` names the stream by it). */
  port: number | null = null

  constructor(
    readonly id: number,
    readonly user: UserId,
    /** Wall time just before it was sent. */
    readonly sentAt: number = Date.now(),
  ) {}

  /** The connection is up on this client port. */
  connected(port: number): void {
    this.port = port
    this.notify()
  }

  start(p: Promise<HttpAnswer>): void {
    p.then(
      (a) => {
        this.result = a
        this.notify()
      },
      (err: unknown) => {
        this.failure = err instanceof Error ? err : new Error(String(err))
        this.notify()
      },
    )
  }

  arrive(server: ServerId, admitted: AdmitAnswer | null = null): void {
    this.arrivals.push(server)
    this.admitted = admitted
    this.notify()
  }

  get settled(): boolean {
    return this.result !== null || this.failure !== null
  }

  answer(): HttpAnswer {
    if (this.failure) throw new Error(`request ${this.id}: the HTTP exchange failed: ${this.failure.message}`)
    if (!this.result) throw new Error(`request ${this.id} has no answer yet`)
    return this.result
  }

  notify(): void {
    for (const l of [...this.listeners]) l()
  }

  wait(done: () => boolean, what: string): Promise<void> {
    if (done()) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check)
        reject(new Error(`waited ${WAIT_MS / 1000} s for ${what}`))
      }, WAIT_MS)
      const check = (): void => {
        if (!done()) return
        clearTimeout(timer)
        this.listeners.delete(check)
        resolve()
      }
      this.listeners.add(check)
    })
  }
}
