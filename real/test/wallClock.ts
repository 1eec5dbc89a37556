// The wall-clock check of test:real: crash-sticky-memory (under nginx, whose fail_timeout runs on the
// wall clock) at 1× on the real clock (90 s), compared with
// the simulation within tolerances — logouts, lost carts and lost sessions exactly, every other count
// within 1 or 1 % (timing on the wall clock moves a request here and there).

import { compareReports, differences } from '../compare.ts'
import { makePlan } from '../plan.ts'
import { replay, simulate } from '../replay.ts'

/** What a learner sees: these must match exactly on the wall clock too, however loaded the machine. */
const USER_FACING = ['unexpected logouts', 'carts lost', 'sessions lost']

/** `ok`: every count within tolerance. `userFacingOk`: the user-facing counts exactly equal. */
export async function wallClockCheck(): Promise<{ ok: boolean; userFacingOk: boolean; detail: string }> {
  try {
    const r = await replay(makePlan({ scenario: 'crash-sticky-memory', lb: 'nginx' }), { clock: 'real', speed: 1 })
    const rows = compareReports(r.report, simulate(r.plan).report, 'tolerant')
    const diff = differences(rows)
    const userFacingOk = USER_FACING.every((n) => {
      const row = rows.find((x) => x.name === n)
      return row !== undefined && row.real === row.simulated
    })
    const key = (n: string) => rows.find((x) => x.name === n)
    const summary = ['requests', 'unexpected logouts', 'carts lost', 'sessions lost'].map((n) => `${n} ${key(n)?.real}/${key(n)?.simulated}`).join(', ')
    return diff === ''
      ? { ok: true, userFacingOk, detail: `crash-sticky-memory in ${(r.wallMs / 1000).toFixed(0)} s, real/simulated: ${summary}` }
      : { ok: false, userFacingOk, detail: `crash-sticky-memory: ${diff}` }
  } catch (err) {
    return { ok: false, userFacingOk: false, detail: `crash-sticky-memory failed: ${err instanceof Error ? err.message : String(err)}` }
  }
}
