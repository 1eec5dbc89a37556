// What the LMS is told: incomplete until every scene was predicted and run, then completed — or
// passed/failed against a mastery score; the score is the share of first predictions that were right.

import { describe, expect, it } from 'vitest'
import { EMPTY, withPrediction, withRun, withVisit, type Progress } from '../progress.ts'
import { locationOf, scoreOf } from './scoring.ts'

const scope = [
  { slug: 'a', sceneCount: 2 },
  { slug: 'b', sceneCount: 2 },
]
const run = (p: Progress, slug: string, i: number, right: boolean) => withRun(withPrediction(p, slug, i, right ? 0 : 1, right), slug, i, 2)

describe('scoreOf', () => {
  it('reports incomplete and no score before anything ran', () => {
    expect(scoreOf(EMPTY, scope, null)).toEqual({ status: 'incomplete', score: null })
    expect(scoreOf(withPrediction(EMPTY, 'a', 0, 0, true), scope, null)).toEqual({ status: 'incomplete', score: null })
  })

  it('completes when every scene ran, whatever the guesses; the score counts first guesses only', () => {
    let p = run(EMPTY, 'a', 0, true)
    expect(scoreOf(p, scope, null)).toEqual({ status: 'incomplete', score: 25 })
    p = run(p, 'a', 1, false)
    p = run(p, 'b', 0, false)
    p = run(p, 'b', 1, true)
    expect(scoreOf(p, scope, null)).toEqual({ status: 'completed', score: 50 })
    // A right answer on the second try doesn't raise the score.
    p = run(p, 'a', 1, true)
    expect(scoreOf(p, scope, null)).toEqual({ status: 'completed', score: 50 })
  })

  it('passes or fails against a mastery score once complete', () => {
    let p = run(EMPTY, 'a', 0, true)
    p = run(p, 'a', 1, true)
    p = run(p, 'b', 0, true)
    expect(scoreOf(p, scope, 50).status).toBe('incomplete')
    p = run(p, 'b', 1, false)
    expect(scoreOf(p, scope, 75)).toEqual({ status: 'passed', score: 75 })
    expect(scoreOf(p, scope, 80)).toEqual({ status: 'failed', score: 75 })
  })

  it('names the learner’s place as a route', () => {
    expect(locationOf(EMPTY)).toBe('')
    expect(locationOf(withVisit(EMPTY, 'nginx'))).toBe('/learn/nginx')
    expect(locationOf(withPrediction(EMPTY, 'nginx', 2, 0, true))).toBe('/learn/nginx#scene-3')
  })
})
