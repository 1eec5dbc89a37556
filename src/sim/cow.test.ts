// Copy-on-write, guarded by a property that can fail: random sequences of what a learner does to a
// timeline (advance, seek, step back and forward, intervene — in the past that forks the run) mixed
// with direct engine calls on any earlier state. Afterwards every state ever produced must be byte
// for byte what it was when it appeared (stateDiff.ts MutationWatch, via testkit.ts StateGuard); the
// final state and one earlier state picked at random must equal a straight run from the start to the
// same moment, and replaying from a random checkpoint must reach the final state (canonical mode:
// copy-on-write bookkeeping aside).
// Runs are small (1–3 users and servers, a 10-second horizon) so 10,000 sequences stay fast.
// COW_N=500 runs fewer sequences and COW_SEED=n replays fast-check's seed n (for profiling; a failure
// prints its own seed and shrunk counterexample).

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveConfig } from './config.ts'
import { advanceTo, advanceToItem, advanceToNextTraced, nextItemTime, type Script } from './engine.ts'
import type { Intervention, ScriptItem } from './interventions.ts'
import { createSim } from './state.ts'
import { diffStates, formatDifference } from './stateDiff.ts'
import { StateGuard } from './testkit.ts'
import { createTimeline, intervene, play, seek, stepBack, stepForward, type Timeline } from './timeline.ts'
import { POLICY_IDS, STORAGE_KINDS, type ServerId, type SimState } from './types.ts'

const SEQUENCES = Number(process.env.COW_N ?? 10_000)
const HORIZON_MS = 10_000

const server = fc.constantFrom<ServerId>('A', 'B', 'C', 'D')
const user = fc.integer({ min: 0, max: 3 })
const onOff = fc.boolean()
const intervention: fc.Arbitrary<Intervention> = fc.oneof(
  server.map((s) => ({ kind: 'crashServer', server: s }) as const),
  server.map((s) => ({ kind: 'restartServer', server: s }) as const),
  fc.constant({ kind: 'addServer' } as const),
  fc.record({ server, mode: fc.constantFrom('drain' as const, 'kill' as const) }).map((r) => ({ kind: 'removeServer', ...r }) as const),
  fc.constantFrom('drain' as const, 'kill' as const).map((mode) => ({ kind: 'rollingDeploy', mode }) as const),
  fc.constant({ kind: 'storeDown' } as const),
  fc.constant({ kind: 'storeUp' } as const),
  fc.constantFrom(...POLICY_IDS).map((policy) => ({ kind: 'setPolicy', policy }) as const),
  fc.constantFrom(...STORAGE_KINDS).map((storage) => ({ kind: 'setStorage', storage }) as const),
  fc.record({ ttlMs: fc.integer({ min: 500, max: 10_000 }), mode: fc.constantFrom('sliding' as const, 'fixed' as const) }).map((r) => ({ kind: 'setAffinityTtl', ...r }) as const),
  fc.integer({ min: 1, max: 4 }).map((count) => ({ kind: 'setUsers', count }) as const),
  fc.integer({ min: 1, max: 2 }).map((size) => ({ kind: 'addNatGroup', size }) as const),
  fc.constant({ kind: 'addHeavyUsers', count: 1 } as const),
  user.map((u) => ({ kind: 'changeUserIp', user: u }) as const),
  // Targets that usually exist: for a missing one the attacker tries 10,000 values in vain (slow).
  fc.record({ user, target: fc.constantFrom<ServerId>('A', 'B') }).map((r) => ({ kind: 'forgeHeader', ...r }) as const),
  fc.constantFrom('gateway' as const, 'client' as const).map((source) => ({ kind: 'setHeaderSource', source }) as const),
  fc.constantFrom(0, 50, 100).map((percent) => ({ kind: 'setCanary', percent }) as const),
  user.map((u) => ({ kind: 'revokeToken', user: u }) as const),
  onOff.map((on) => ({ kind: 'setIdempotency', on }) as const),
  onOff.map((on) => ({ kind: 'setDenyList', on }) as const),
  fc.constantFrom('repin' as const, 'fail' as const).map((mode) => ({ kind: 'setFailover', mode }) as const),
  onOff.map((persistent) => ({ kind: 'setStorePersistence', persistent }) as const),
)

type Op =
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'seek'; readonly t: number }
  | { readonly kind: 'stepBack' }
  | { readonly kind: 'stepForward' }
  | { readonly kind: 'advanceToItem'; readonly items: number }
  | { readonly kind: 'intervene'; readonly iv: Intervention }
  /** Call the engine directly on an earlier state (picked by index), with that state's own script. */
  | { readonly kind: 'revisit'; readonly pick: number; readonly ms: number; readonly how: 'advanceTo' | 'advanceToNextTraced' }

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 5_000 }).map((ms) => ({ kind: 'advance', ms }) as const) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: HORIZON_MS }).map((t) => ({ kind: 'seek', t }) as const) },
  { weight: 2, arbitrary: fc.constant({ kind: 'stepBack' } as const) },
  { weight: 2, arbitrary: fc.constant({ kind: 'stepForward' } as const) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((items) => ({ kind: 'advanceToItem', items }) as const) },
  { weight: 3, arbitrary: intervention.map((iv) => ({ kind: 'intervene', iv }) as const) },
  {
    weight: 2,
    arbitrary: fc
      .record({ pick: fc.nat(), ms: fc.integer({ min: 0, max: 4_000 }), how: fc.constantFrom('advanceTo' as const, 'advanceToNextTraced' as const) })
      .map((r) => ({ kind: 'revisit', ...r }) as const),
  },
)

const run = fc.record({
  seed: fc.integer(),
  servers: fc.integer({ min: 1, max: 3 }),
  users: fc.integer({ min: 1, max: 3 }),
  policy: fc.constantFrom(...POLICY_IDS),
  storage: fc.constantFrom(...STORAGE_KINDS),
  /** What a scenario planned: kept when the learner forks the run. */
  planned: fc.array(fc.record({ at: fc.integer({ min: 0, max: HORIZON_MS }), do: intervention }), { maxLength: 2 }),
  ops: fc.array(op, { minLength: 1, maxLength: 6 }),
  /** Which produced state to compare with a straight run (besides the final one). */
  compare: fc.nat(),
  /** Which checkpoint of the final timeline (at or before the final state) to replay from. */
  replayFrom: fc.nat(),
})

/** A state, the script it belongs to, and what produced it (for failure messages). */
interface Produced {
  readonly state: SimState
  readonly script: Script
  readonly by: string
}

/**
 * The straight run from `start` to where `s` is. A state that processed everything up to its time is
 * compared with `advanceTo(start, s.now)`; one stopped between items at the same moment (step back,
 * step forward, advanceToItem) with `advanceToItem(start, s.itemCount)`.
 */
function straightRun(start: SimState, s: SimState, script: Script): SimState {
  const next = nextItemTime(s, script)
  // Nothing may be left behind: no unprocessed item earlier than the state's own clock.
  if (next !== null && next < s.now) throw new Error(`state at t=${s.now} still has an item at t=${next} to process`)
  return next === s.now ? advanceToItem(start, s.itemCount, script) : advanceTo(start, s.now, script)
}

interface Stats {
  sequences: number
  states: number
  forks: number
  replays: number
  maxStates: number
}

type RunInput = typeof run extends fc.Arbitrary<infer T> ? T : never

function checkSequence(input: RunInput, stats: Stats): void {
  const config = resolveConfig({ servers: input.servers, users: input.users, policy: input.policy, storage: input.storage, arrivalSpreadMs: 1_000 })
  const planned: ScriptItem[] = input.planned.map((x) => ({ ...x, by: 'scenario' }))
  const guard = new StateGuard()
  const produced: Produced[] = []
  const known = new Set<SimState>()
  const record = (state: SimState, script: Script, by: string): void => {
    if (known.has(state)) return
    known.add(state)
    produced.push({ state, script, by })
    guard.track(state, by)
  }
  const recordTimeline = (tl: Timeline, by: string): Timeline => {
    for (const c of tl.checkpoints) record(c, tl.script, `${by}: checkpoint`)
    return tl
  }

  // One initial state for every straight run below (itself an input the runs must not touch).
  const start = guard.track(createSim(config, input.seed), 'createSim')
  let tl = recordTimeline(createTimeline(config, input.seed, planned), 'createTimeline')
  let cur = tl.checkpoints[0]!
  for (const o of input.ops) {
    switch (o.kind) {
      case 'advance':
        ;({ timeline: tl, state: cur } = play(tl, cur, Math.min(HORIZON_MS, cur.now + o.ms)))
        break
      case 'seek':
        ;({ timeline: tl, state: cur } = seek(tl, o.t))
        break
      case 'stepBack':
        cur = stepBack(tl, cur)
        break
      case 'stepForward':
        cur = stepForward(tl, cur)
        break
      case 'advanceToItem':
        cur = advanceToItem(cur, cur.itemCount + o.items, tl.script)
        break
      case 'intervene': {
        const fork = cur.scriptCursor < tl.script.length || tl.checkpoints.some((c) => c.now > cur.now)
        if (fork) stats.forks += 1
        ;({ timeline: tl, state: cur } = intervene(tl, cur, o.iv))
        break
      }
      case 'revisit': {
        const earlier = produced[o.pick % produced.length]!
        const s = o.how === 'advanceTo' ? advanceTo(earlier.state, earlier.state.now + o.ms, earlier.script) : advanceToNextTraced(earlier.state, earlier.script, earlier.state.now + o.ms)
        record(s, earlier.script, `revisit ${o.how} from ${earlier.by}`)
        continue
      }
    }
    recordTimeline(tl, o.kind)
    record(cur, tl.script, o.kind)
  }

  // The checks below run the engine again (straight runs, a replay): whatever they find, a mutation
  // of an earlier state is reported first — it is the likelier cause.
  let mismatch: unknown = null
  try {
    // 2. The final state, and one picked at random (often from an abandoned branch), equal the straight
    //    run from the start to the same moment. (Comparing every state costs three times as much;
    //    across 10,000 sequences every kind of state gets picked many times.)
    const final: Produced = { state: cur, script: tl.script, by: `the final state (after ${input.ops.map((o) => o.kind).join(', ')})` }
    for (const p of [final, produced[input.compare % produced.length]!]) {
      const d = diffStates(straightRun(start, p.state, p.script), p.state, 'canonical')
      if (d) throw new Error(`${p.by} (t=${p.state.now}, item ${p.state.itemCount}) is not what a straight run reaches: ${formatDifference(d)}`)
    }

    // 3. Replaying the final timeline from a checkpoint before the current state reaches that state.
    const before = tl.checkpoints.filter((c) => c.itemCount <= cur.itemCount && c.now <= cur.now)
    const from = before[input.replayFrom % before.length]!
    const midMoment = nextItemTime(cur, tl.script) === cur.now
    const replayed = midMoment ? advanceToItem(from, cur.itemCount, tl.script) : advanceTo(from, cur.now, tl.script)
    const d = diffStates(cur, replayed, 'canonical')
    if (d) throw new Error(`replaying from the checkpoint at t=${from.now} does not reach the state at t=${cur.now}: ${formatDifference(d)}`)
    stats.replays += 1
  } catch (e) {
    mismatch = e
  }

  // 1. Nothing produced along the way was mutated afterwards — not by later calls, not by forks, not
  //    by the straight runs and the replay above.
  guard.expectUnchanged()
  if (mismatch) throw mismatch

  stats.sequences += 1
  stats.states += produced.length
  stats.maxStates = Math.max(stats.maxStates, produced.length)
}

describe('copy-on-write (property)', () => {
  it(`${SEQUENCES} random sequences of advance / seek / step / intervene / fork: no state ever changes, every state equals a straight run`, () => {
    const stats: Stats = { sequences: 0, states: 0, forks: 0, replays: 0, maxStates: 0 }
    const started = performance.now()
    const cpu = process.cpuUsage()
    fc.assert(
      fc.property(run, (input) => checkSequence(input, stats)),
      { numRuns: SEQUENCES, ...(process.env.COW_SEED ? { seed: Number(process.env.COW_SEED) } : {}) },
    )
    const ms = performance.now() - started
    const cpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000
    // The property must really have exercised what it claims to (a generator change could quietly stop it).
    expect(stats.sequences).toBe(SEQUENCES)
    expect(stats.forks).toBeGreaterThan(SEQUENCES / 20)
    expect(stats.states / stats.sequences).toBeGreaterThan(4)
    console.info(`copy-on-write property: ${stats.sequences} sequences, ${stats.states} states (max ${stats.maxStates} in one), ${stats.forks} forks, ${stats.replays} replays, ${Math.round(ms)} ms (${Math.round(cpuMs)} ms CPU)`)
  }, 120_000)
})
