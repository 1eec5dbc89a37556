import { describe, expect, it } from 'vitest'
import { StateGuard, assertSameState } from './testkit.ts'
import { lab } from './harness.ts'
import { createTimeline, intervene, play, seek, stepBack, stepForward } from './timeline.ts'
import { lastTraced } from './trace.ts'

const scenario = lab().scenario('crash-sticky-memory')
const fresh = () => createTimeline(scenario.resolvedConfig, scenario.seedNumber, scenario.scriptItems)

describe('timeline', () => {
  it('seek(t) reproduces exactly the state a straight run reaches at t', () => {
    let tl = fresh()
    const guard = new StateGuard()
    const played = play(tl, tl.checkpoints[0]!, 90_000)
    tl = played.timeline
    tl.checkpoints.forEach((c) => guard.track(c, 'checkpoint'))
    for (const t of [0, 1_234, 29_999, 30_000, 45_678, 90_000]) {
      assertSameState(scenario.run(t), guard.track(seek(tl, t).state, `seek ${t}`), `seek(${t})`)
    }
    guard.expectUnchanged()
  })

  it('records a checkpoint every 2 s of simulated time', () => {
    const { timeline } = play(fresh(), fresh().checkpoints[0]!, 10_000)
    expect(timeline.checkpoints.map((c) => c.now)).toEqual([0, 2_000, 4_000, 6_000, 8_000, 10_000])
  })

  it('step back returns to just before the latest event; step forward replays it identically', () => {
    const tl = fresh()
    const played = play(tl, tl.checkpoints[0]!, 31_000)
    const timeline = played.timeline
    // A moment that ends with a traced item (31 s may fall after untraced events such as a forward).
    const state = stepForward(timeline, played.state)
    const back = stepBack(timeline, state)
    expect(back.traceSeq).toBe(state.traceSeq - 1)
    const again = stepForward(timeline, back)
    expect(lastTraced(again)).toEqual(lastTraced(state))
    expect(again.counters).toEqual(state.counters)
    // Stepping back twice goes further.
    const twice = stepBack(timeline, back)
    expect(twice.traceSeq).toBe(state.traceSeq - 2)
  })

  it('(14.3) step back lands where the step forward started: the clock reads the newest event’s time', () => {
    const tl = fresh()
    const c0 = tl.checkpoints[0]!
    const forward = [c0]
    for (let i = 0; i < 6; i++) forward.push(stepForward(tl, forward.at(-1)!))
    let s = forward.at(-1)!
    for (let i = 5; i >= 0; i--) {
      s = stepBack(tl, s)
      expect(s.now).toBe(forward[i]!.now)
      expect(s.traceSeq).toBe(forward[i]!.traceSeq)
    }
    // From a moment reached by playing: back to the time of the event that is now the newest.
    const { state, timeline } = play(tl, c0, 31_000)
    for (let i = 0, b = state; i < 20; i++) {
      b = stepBack(timeline, b)
      expect(b.now).toBe(lastTraced(b)?.t ?? 0)
    }
  })

  it('an intervention in the past forks the run: the learner’s old future is dropped, planned events stay', () => {
    let tl = fresh()
    const guard = new StateGuard()
    let s = play(tl, tl.checkpoints[0]!, 50_000)
    tl = s.timeline
    guard.track(s.state, 'at 50 s')
    // A learner action at 50 s, then they scrub back to 20 s and act again.
    ;({ timeline: tl } = intervene(tl, s.state, { kind: 'crashServer', server: 'A' }))
    tl.checkpoints.forEach((c) => guard.track(c, 'checkpoint'))
    const past = seek(tl, 20_000)
    guard.track(past.state, 'at 20 s')
    const forked = intervene(past.timeline, past.state, { kind: 'addServer' })
    const kinds = forked.timeline.script.map((x) => `${x.at}:${x.do.kind}:${x.by ?? 'learner'}`)
    expect(kinds).toEqual(['20000:addServer:learner', '30000:crashServer:scenario'])
    expect(forked.timeline.checkpoints.every((c) => c.now <= 20_000)).toBe(true)
    s = play(forked.timeline, forked.state, 60_000)
    expect(s.state.servers.map((x) => x.id)).toEqual(['A', 'B', 'C', 'D'])
    expect(s.state.servers[0]!.status).toBe('up')
    expect(s.state.servers[1]!.status).toBe('crashed')
    // The fork left every earlier state as it was.
    guard.expectUnchanged()
  })

  it('replaying a forked timeline from scratch gives the same state', () => {
    let tl = fresh()
    const a = play(tl, tl.checkpoints[0]!, 12_000)
    const b = intervene(a.timeline, a.state, { kind: 'setPolicy', policy: 'round-robin' })
    const c = play(b.timeline, b.state, 40_000)
    tl = createTimeline(scenario.resolvedConfig, scenario.seedNumber, c.timeline.script)
    const replay = play(tl, tl.checkpoints[0]!, 40_000)
    assertSameState(c.state, replay.state)
  })
})
