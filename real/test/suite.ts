// `npm run test:real`: every scenario real software can play, under its own design and the opposite
// one (sticky ↔ stateless), two seeds each, on the model's clock — real and simulated figures must be
// equal (requests, ok, failed, retried, logouts, carts lost, sessions lost, remaps, per-server
// requests, and the rest of the report). Then one wall-clock run at 1× (crash-sticky-memory, within
// tolerances), the cleanup checks (a harness killed mid-run leaves no process and no temp dir), the
// SYN gate's checks, and the late-death check (a retry seen before the harness hears of the death).
//
//   REQUIRE_REAL=1   fail (instead of skipping) when nginx, haproxy, redis-server, postgresql or libfaketime is missing
//   REAL_JOBS=N      replays at a time (default 2)      REAL_ONLY=id,id  only these scenarios
//   REAL_SKIP_WALL=1 / REAL_SKIP_CLEANUP=1  leave out those parts
//   REAL_WALL_STRICT=1  the wall-clock run's other counts out of tolerance fail the test (logouts, lost carts
//                       and lost sessions must always be exact; the rest is otherwise reported)
//   REAL_ALL=1       also replay the rows marked simulation only (they never fail the test)

import { REAL_PROOF } from '../../src/lab-ui/proof/proof.ts'
import { tableMistakes } from '../../src/lab-ui/proof/table.ts'
import { isScenarioId, SCENARIOS, type ScenarioId } from '../../src/sim/scenarios/index.ts'
import type { LbProductId, PolicyId, StorageKind } from '../../src/sim/types.ts'
import { compareReports, differences } from '../compare.ts'
import { makePlan, NotReplayable, type Plan } from '../plan.ts'
import { replay, simulate } from '../replay.ts'
import { findProgram, MissingProgram, type Program } from '../stack/binaries.ts'
import { FellBehind } from '../drive/haproxyRetries.ts'
import { cleanupChecks } from './cleanup.ts'
import { gateChecks } from './gate.ts'
import { lateDeathCheck } from './lateDeath.ts'
import { gateUnavailable } from '../stack/synGate.ts'
import { wallClockCheck } from './wallClock.ts'

export interface Case {
  readonly scenario: ScenarioId
  readonly design: 'default' | 'opposite'
  readonly seed: number
  readonly lb: LbProductId
  readonly policy: PolicyId
  readonly storage: StorageKind
  /** The table (src/lab-ui/proof/proof.ts) says this replay matches: a difference fails the test. */
  readonly proven: boolean
}

/** The replays: each proven row's seeds (all rows with `all`, to see what else matches now). */
export function cases(only: readonly string[] | null, all = false): Case[] {
  const out: Case[] = []
  for (const r of REAL_PROOF) {
    if (!isScenarioId(r.scenario) || (only && !only.includes(r.scenario)) || (!r.proven && !all)) continue
    const seed = SCENARIOS[r.scenario].seed
    for (const s of [seed, seed + 101]) out.push({ scenario: r.scenario, design: r.design, seed: s, lb: r.lb, policy: r.policy, storage: r.storage, proven: r.proven })
  }
  return out
}

interface Outcome {
  readonly c: Case
  readonly verdict: 'equal' | 'differs' | 'failed' | 'simulation only'
  readonly detail: string
  readonly ms: number
}

function label(c: Case): string {
  return `${c.scenario} ${c.design === 'default' ? '(own design)' : `(${c.policy} + ${c.storage})`} seed ${c.seed}`
}

async function runCase(c: Case): Promise<Outcome> {
  const started = Date.now()
  let plan: Plan
  try {
    plan = makePlan({ scenario: c.scenario, seed: c.seed, lb: c.lb, policy: c.policy, storage: c.storage })
  } catch (err) {
    if (err instanceof NotReplayable) return { c, verdict: 'simulation only', detail: err.message, ms: 0 }
    throw err
  }
  try {
    const r = await replayOnFreePorts(plan)
    const diff = differences(compareReports(r.report, simulate(r.plan).report, 'exact'))
    return {
      c,
      verdict: diff === '' ? 'equal' : 'differs',
      detail: diff === '' ? `${r.report.requests.total} requests` : diff,
      ms: Date.now() - started,
    }
  } catch (err) {
    if (err instanceof MissingProgram) throw err
    return { c, verdict: 'failed', detail: err instanceof Error ? err.message.split('\n')[0]! : String(err), ms: Date.now() - started }
  }
}

/**
 * One replay; run again once if the harness, not the software, could not go on — nothing of the run
 * is compared before either error:
 * - a port it chose was taken meanwhile by a program outside the replays (a conformance run's
 *   listener): replays claim their ports from each other (stack.ts, portClaims.ts), not from them;
 * - "the replay fell behind" (FellBehind): on a starved machine the harness looked for one of
 *   HAProxy's 1 s retry timers too late (real/drive/haproxyRetries.ts) — it stops rather than count
 *   a wrong order.
 */
async function replayOnFreePorts(plan: Plan): ReturnType<typeof replay> {
  try {
    return await replay(plan)
  } catch (err) {
    const why = err instanceof FellBehind ? 'the harness fell behind HAProxy’s retry timer' : err instanceof Error && err.message.includes('EADDRINUSE') ? 'a port was taken by another process' : null
    if (why === null) throw err
    console.log(`  (${plan.scenario} seed ${plan.seed}: ${why} — once more)`)
    return await replay(plan)
  }
}

/** Runs `tasks` at most `jobs` at a time, in order of submission. */
async function pool<T, R>(items: readonly T[], jobs: number, fn: (t: T) => Promise<R>, each: (r: R) => void): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(jobs, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i]!)
        each(out[i]!)
      }
    }),
  )
  return out
}

async function main(): Promise<number> {
  const started = Date.now()
  const needed: Program[] = ['nginx', 'haproxy', 'redis', 'postgres', 'faketime']
  const missing = needed.filter((p) => findProgram(p) === null)
  if (missing.length > 0) {
    const line = missing.map((p) => new MissingProgram(p).message).join('; ')
    if (process.env.REQUIRE_REAL === '1') {
      console.error(`${line} — REQUIRE_REAL=1, failing`)
      return 1
    }
    console.log(`${line} — test:real skipped`)
    return 0
  }
  const mistakes = tableMistakes()
  for (const m of mistakes) console.log(`✗ proof table: ${m}`)
  const only = process.env.REAL_ONLY ? process.env.REAL_ONLY.split(',') : null
  const jobs = Math.max(1, Number(process.env.REAL_JOBS ?? 2))
  const everything = process.env.REAL_ALL === '1'
  const all = cases(only, everything)
  console.log(`test:real — ${all.length} replays on the model's clock (${everything ? 'every row of' : 'the proven rows of'} src/lab-ui/proof/proof.ts), ${jobs} at a time`)
  const wall = process.env.REAL_SKIP_WALL === '1' || only ? null : wallClockCheck()
  const results = await pool(all, jobs, runCase, (o) => {
    const mark = o.verdict === 'equal' ? '✓' : !o.c.proven ? '–' : '✗'
    const note = o.c.proven ? '' : o.verdict === 'equal' ? ' — matches now: mark it proven in proof.ts' : ' (simulation only in proof.ts)'
    console.log(`${mark} ${label(o.c).padEnd(64)} ${(o.ms / 1000).toFixed(1).padStart(5)} s  ${o.verdict === 'equal' ? o.detail : `${o.verdict}: ${o.detail}`}${note}`)
  })
  const virtualMs = Date.now() - started
  const proven = results.filter((r) => r.c.proven)
  let passed = proven.filter((r) => r.verdict === 'equal').length
  let failed = proven.length - passed + mistakes.length
  console.log(`\nmodel's clock: ${passed} of ${proven.length} proven replays equal${everything ? `, ${results.filter((r) => !r.c.proven && r.verdict === 'equal').length} of ${results.length - proven.length} others` : ''} — ${(virtualMs / 1000).toFixed(1)} s`)
  if (wall) {
    const w = await wall
    // On the wall clock the harness shares the CPU with everything else: on a loaded machine its
    // browsers fall behind and send fewer requests. Logouts, lost carts and lost sessions must match
    // exactly always; the other counts' tolerance (±1 or ±1 %) counts only with REAL_WALL_STRICT=1.
    const strict = process.env.REAL_WALL_STRICT === '1' || !w.userFacingOk
    console.log(`${w.ok ? '✓' : strict ? '✗' : '–'} wall clock ×1: ${w.detail}${w.ok || strict ? '' : ' (user-facing counts equal; the rest informational: REAL_WALL_STRICT=1 makes it count)'}`)
    if (w.ok) passed += 1
    else if (strict) failed += 1
  }
  if (process.env.REAL_SKIP_CLEANUP !== '1' && !only) {
    const noGate = gateUnavailable()
    if (noGate !== null && process.env.REQUIRE_REAL === '1') {
      console.log(`✗ SYN gate: ${noGate}`)
      failed += 1
    }
    const checks = [
      ...(await cleanupChecks()).map((c) => ({ ...c, what: 'cleanup' })),
      ...(noGate === null ? await gateChecks() : []).map((c) => ({ ...c, what: 'SYN gate' })),
      { ...(await lateDeathCheck()), what: 'late death' },
    ]
    for (const c of checks) {
      console.log(`${c.ok ? '✓' : '✗'} ${c.what}: ${c.detail}`)
      if (c.ok) passed += 1
      else failed += 1
    }
  }
  console.log(`\ntest:real took ${((Date.now() - started) / 1000).toFixed(1)} s`)
  console.log(`${passed} passed, ${failed} failed`)
  return failed > 0 ? 1 : 0
}

if (process.argv[1]?.endsWith('real/test/suite.ts')) process.exitCode = await main()
