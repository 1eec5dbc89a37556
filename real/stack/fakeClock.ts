// The model's clock for a real program: a program started with `env()` (libfaketime preloaded, Debian
// package "faketime") reads the wall-clock time (time(), gettimeofday(), clock_gettime(CLOCK_REALTIME))
// from a file the replay rewrites with the model's `now` — a stopped clock that moves only when the
// replay moves it. Monotonic clocks stay real (FAKETIME_DONT_FAKE_MONOTONIC), so the program's own
// timers (connect and read timeouts, keep-alive) keep working. Why: nginx counts `fail_timeout` on
// ngx_time() (whole seconds, refreshed when its event loop wakes), which a replay of a 90-second
// scenario in a few seconds could never reach otherwise (docs/DECISIONS.md, "nginx on the model's clock").
// Any program can use it (HAProxy reads the same clocks); nginx must also keep the variables (`env`
// lines) because it clears its workers' environment.

import fs from 'node:fs'
import path from 'node:path'
import { EPOCH_MS } from '../app/shop.ts'
import { firstAccessible } from '../../conformance/lib/process.ts'
import type { Owned } from './owned.ts'

/** The variables libfaketime reads; nginx must `env`-keep them for its workers. */
export const FAKETIME_VARIABLES = ['LD_PRELOAD', 'FAKETIME_TIMESTAMP_FILE', 'FAKETIME_NO_CACHE', 'FAKETIME_DONT_FAKE_MONOTONIC', 'FAKETIME_DISABLE_SHM', 'TZ'] as const

/** Where Debian puts the library (multiarch directories), unless FAKETIME_LIB names it. */
export function findFaketimeLibrary(): string | null {
  const override = process.env.FAKETIME_LIB
  const candidates = override ? [override] : libraryCandidates()
  return firstAccessible(candidates, fs.constants.R_OK)
}

function libraryCandidates(): string[] {
  const out: string[] = []
  for (const lib of ['/usr/lib', '/usr/lib64', '/usr/local/lib']) {
    let dirs: string[]
    try {
      dirs = fs.readdirSync(lib)
    } catch {
      continue
    }
    out.push(path.join(lib, 'faketime', 'libfaketime.so.1'))
    for (const d of dirs) if (d.includes('-linux-')) out.push(path.join(lib, d, 'faketime', 'libfaketime.so.1'))
  }
  return out
}

/** "YYYY-MM-DD hh:mm:ss" in UTC: libfaketime's absolute (stopped) time. */
export function faketimeText(wallMs: number): string {
  return new Date(wallMs).toISOString().slice(0, 19).replace('T', ' ')
}

export class FakeClock {
  readonly file: string
  private second = Number.NaN

  constructor(
    private readonly library: string,
    owned: Owned,
    /** Wall-clock time (ms since 1970) of the model's 0:00 — a whole second (shop.ts EPOCH_MS). */
    private readonly epochMs: number = EPOCH_MS,
  ) {
    if (epochMs % 1000 !== 0) throw new Error('the fake clock’s epoch must be a whole second')
    this.file = owned.path('faketime.rc')
    this.set(0)
  }

  /** The environment a program needs to read this clock. */
  env(): Record<string, string> {
    return {
      LD_PRELOAD: this.library,
      FAKETIME_TIMESTAMP_FILE: this.file,
      // Re-read the file at every clock call (the default caches it for 10 s).
      FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      // No shared-memory segments left behind (they only serve "start at" times across children).
      FAKETIME_DISABLE_SHM: '1',
      TZ: 'UTC',
    }
  }

  /**
   * The model's time is now `nowMs`. Programs read whole seconds (nginx's ngx_time()), so the file
   * changes only when the second does; it is replaced in one rename, never read half-written.
   */
  set(nowMs: number): void {
    const second = Math.floor(nowMs / 1000)
    if (second === this.second) return
    this.second = second
    const tmp = `${this.file}.tmp`
    fs.writeFileSync(tmp, `${faketimeText(this.epochMs + second * 1000)}\n`)
    fs.renameSync(tmp, this.file)
  }
}
