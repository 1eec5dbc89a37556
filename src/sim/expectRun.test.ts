// expectRun must fail as an assertion that says what was measured and when — never pass vacuously,
// never as a TypeError on something the run does not have.

import { describe, expect, it } from 'vitest'
import { expectRun } from './expectRun.ts'
import { lab } from './harness.ts'

const quiet = lab().users(4).policy('cookie').storage('shared').run(20_000)
const crashed = lab().scenario('crash-sticky-memory').run(60_000)

/** The assertion error `fn` throws (it must throw one). */
function failure(fn: () => unknown): Error {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(Error)
    expect((e as Error).name).toBe('AssertionError')
    return e as Error
  }
  throw new Error('expected an assertion failure, got none')
}

describe('expectRun', () => {
  it('chains exact facts and hands quantities to vitest matchers', () => {
    expectRun(quiet).logouts(0).failed(0).sessionsLost(0).counter('requests').toBeGreaterThan(10)
    expectRun(crashed).loggedOut().toContain('Bea')
    expectRun(crashed).firstTrace('logout').time.toBeGreaterThan(30_000)
  })

  it('names the quantity and the moment when a fact is wrong', () => {
    expect(failure(() => expectRun(crashed, 'crash').logouts(0)).message).toMatch(/^crash, at 1:00\.0: unexpected logouts/)
    expect(failure(() => expectRun(quiet).counter('requests').toBe(-1)).message).toMatch(/at 0:20\.0: counter requests/)
  })

  it('fails as an assertion, not a TypeError, when the run lacks what a claim needs', () => {
    expect(failure(() => expectRun(quiet).firstTrace('logout')).message).toMatch(/a 'logout' trace entry/)
    expect(failure(() => expectRun(quiet).server('J')).message).toMatch(/server J \(the run has A, B, C\)/)
    expect(failure(() => expectRun(quiet).utilization('J')).message).toMatch(/metrics of server J/)
    expect(failure(() => expectRun(quiet).deployDuration()).message).toMatch(/a rolling deploy/)
    expect(failure(() => expectRun(quiet).someDecision(/never said/)).message).toMatch(/some LB decision matches/)
  })

  it('does not pass vacuously: everyDecision needs at least one matching request', () => {
    expect(failure(() => expectRun(quiet).everyDecision(/.*/, () => false)).message).toMatch(/finished requests to check/)
  })
})
