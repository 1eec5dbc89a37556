// test:real's late-death check. When a server dies with a GET in flight, nginx retries it on the next
// server at once — and on a busy machine that server can report the retried request before the dead
// process's exit event reaches the harness. The replay must still see where the request went (it
// once counted the arrivals only after the exit, waited for one more that never came and failed
// after 15 s: CI, 2026-12-01). Here the harness hears of every death 300 ms late, on purpose.

import { compareReports, differences } from '../compare.ts'
import { makePlan } from '../plan.ts'
import { replay, simulate } from '../replay.ts'
import { hearDeathsLate } from '../stack/apps.ts'

/**
 * Seeds of retry-duplicates under nginx consistent hashing whose crash of A catches a GET in flight
 * on the preferred ports (the ring is built from the servers' addresses); the second if the first did not.
 */
const SEEDS = [7, 18]
const LATE_MS = 300

export async function lateDeathCheck(): Promise<{ ok: boolean; detail: string }> {
  hearDeathsLate(LATE_MS)
  try {
    for (const seed of SEEDS) {
      const r = await replay(makePlan({ scenario: 'retry-duplicates', seed, lb: 'nginx', policy: 'hash-consistent', storage: 'memory' }))
      if (r.movedOnDeath === 0) continue
      const diff = differences(compareReports(r.report, simulate(r.plan).report, 'exact'))
      const what = `retry-duplicates seed ${seed}, deaths heard ${LATE_MS} ms late: nginx sent ${r.movedOnDeath} request${r.movedOnDeath === 1 ? '' : 's'} on after A died with ${r.movedOnDeath === 1 ? 'it' : 'them'}`
      return diff === '' ? { ok: true, detail: `${what}; real and simulated agree` } : { ok: false, detail: `${what}; ${diff}` }
    }
    return { ok: false, detail: `no request was in flight when A died in seeds ${SEEDS.join(', ')} (were the preferred ports taken?): nothing was checked` }
  } catch (err) {
    return { ok: false, detail: `retry-duplicates, deaths heard ${LATE_MS} ms late: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` }
  } finally {
    hearDeathsLate(0)
  }
}
