// Finding the LMS's API as SCORM 1.2 describes: this window, then parents (at most 7 hops), then
// the opener's chain; frames of another origin are skipped; an incomplete API is "partial".

import { describe, expect, it } from 'vitest'
import { checkApi, findApi, REQUIRED } from './scormApi.ts'

const api = () => Object.fromEntries(REQUIRED.map((m) => [m, () => 'true']))

/** A chain of fake windows: index 0 is the content, each one's parent is the next. */
function chain(n: number, at: Record<number, unknown> = {}): Window[] {
  const wins: Record<string, unknown>[] = Array.from({ length: n }, () => ({}))
  wins.forEach((w, i) => {
    w.parent = wins[i + 1] ?? w
    if (i in at) w.API = at[i]
  })
  return wins as unknown as Window[]
}

describe('findApi', () => {
  it('finds the API on the window itself or a parent', () => {
    const a = api()
    expect(findApi(chain(1, { 0: a })[0]!)).toEqual({ kind: 'api', api: a })
    expect(findApi(chain(4, { 3: a })[0]!)).toEqual({ kind: 'api', api: a })
  })

  it('climbs at most 7 parents, like the standard', () => {
    expect(findApi(chain(9, { 7: api() })[0]!).kind).toBe('api')
    expect(findApi(chain(10, { 8: api() })[0]!).kind).toBe('none')
  })

  it('then looks up the opener’s chain', () => {
    const content = chain(2)[0]! as unknown as Record<string, unknown>
    content.opener = chain(2, { 1: api() })[0]
    expect(findApi(content as unknown as Window).kind).toBe('api')
  })

  it('skips windows of another origin instead of throwing', () => {
    const wins = chain(3, { 2: api() })
    Object.defineProperty(wins[1], 'API', { get: () => { throw new DOMException('Blocked', 'SecurityError') } })
    expect(findApi(wins[0]!).kind).toBe('api')
    const blocked = chain(2)
    Object.defineProperty(blocked[0], 'parent', { get: () => { throw new DOMException('Blocked', 'SecurityError') } })
    expect(findApi(blocked[0]!)).toEqual({ kind: 'none' })
  })

  it('names what a partial API lacks', () => {
    const { LMSCommit: _c, LMSFinish: _f, ...rest } = api()
    expect(checkApi(rest)).toEqual({ kind: 'partial', missing: ['LMSFinish', 'LMSCommit'] })
    expect(checkApi('API')).toEqual({ kind: 'partial', missing: [...REQUIRED] })
    expect(checkApi({ ...api(), LMSSetValue: 'nope' })).toEqual({ kind: 'partial', missing: ['LMSSetValue'] })
  })
})
