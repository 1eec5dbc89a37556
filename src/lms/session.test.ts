// A session against scorm-again's SCORM 1.2 runtime (a real LMS-side implementation) and against
// APIs that misbehave: every path ends in a reported problem, never a throw.

import type Scorm12ApiClass from 'scorm-again/scorm12'
import * as scorm12 from 'scorm-again/scorm12'
import { describe, expect, it } from 'vitest'
import type { Scorm12Api } from './scormApi.ts'
import { ScormSession, SUSPEND_LIMIT, type LmsProblem } from './session.ts'

// scorm-again 3.4's ESM build exports the class by name while its typings declare a default export.
const Scorm12API = (scorm12 as unknown as { Scorm12API: typeof Scorm12ApiClass }).Scorm12API

function lms(data: Record<string, unknown> = {}) {
  const api = new Scorm12API({ logLevel: 5, lmsCommitUrl: false, autocommit: false })
  api.loadFromJSON(data, '')
  let commits = 0
  api.on('LMSCommit', () => commits++)
  const sets: [string, string][] = []
  api.on('LMSSetValue', (element: string, value: string) => void sets.push([element, value]))
  return { api, commits: () => commits, sets }
}

function session(api: unknown, clock = { t: 0 }) {
  const problems: LmsProblem[] = []
  const s = new ScormSession(api as Scorm12Api, (p) => problems.push(p), () => clock.t)
  return { s, problems, clock }
}

describe('ScormSession with scorm-again', () => {
  it('initializes, reads what the LMS kept, reports changes, commits, and finishes with the session time', () => {
    const { api, commits, sets } = lms({ suspend_data: 'p1|@', core: { entry: 'resume' }, student_data: { mastery_score: '75' } })
    const { s, problems, clock } = session(api)
    expect(s.start()).toEqual({ suspend: 'p1|@', entry: 'resume', mastery: 75 })
    expect(s.report({ status: 'incomplete', score: null, suspend: 'p1|@the-problem', location: '/learn/the-problem' })).toBe(true)
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete')
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('p1|@the-problem')
    expect(commits()).toBe(1)
    // Nothing changed: nothing sent, no commit.
    s.report({ status: 'incomplete', score: null, suspend: 'p1|@the-problem', location: '/learn/the-problem' })
    expect(commits()).toBe(1)
    s.report({ status: 'passed', score: 80, suspend: 'p1|@the-problem', location: '/learn/the-problem' })
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('80')
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed')
    clock.t = 83_250
    s.finish(true)
    expect(sets.slice(-2)).toEqual([
      ['cmi.core.session_time', '0000:01:23.25'],
      ['cmi.core.exit', ''],
    ])
    expect(api.isTerminated()).toBe(true)
    expect(problems).toEqual([])
    // Finishing twice, or reporting after, does nothing and throws nothing.
    s.finish(true)
    expect(s.report({ status: 'completed', score: 1, suspend: '', location: '' })).toBe(false)
  })

  it('leaves with exit "suspend" while incomplete, so the LMS keeps the suspend data', () => {
    const { api } = lms()
    const { s } = session(api)
    s.start()
    s.finish(false)
    expect((api.renderCommitCMI(true) as { cmi: { core: { exit: string } } }).cmi.core.exit).toBe('suspend')
  })

  it('never sends suspend data over 4,096 characters, and says so', () => {
    const { api } = lms({ suspend_data: 'keep' })
    const { s, problems } = session(api)
    s.start()
    s.report({ status: 'incomplete', score: null, suspend: 'x'.repeat(SUSPEND_LIMIT + 1), location: '' })
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('keep')
    expect(problems).toEqual(['too-large'])
    // null leaves the LMS's copy alone.
    s.report({ status: 'incomplete', score: null, suspend: null, location: '/x' })
    expect(api.LMSGetValue('cmi.suspend_data')).toBe('keep')
  })
})

describe('ScormSession with a misbehaving API', () => {
  const base = { LMSInitialize: () => 'true', LMSFinish: () => 'true', LMSGetValue: () => '', LMSSetValue: () => 'true', LMSCommit: () => 'true' }

  it('LMSInitialize answering "false" or throwing: unavailable', () => {
    for (const init of [() => 'false', () => false, () => { throw new Error('boom') }, () => undefined]) {
      const { s, problems } = session({ ...base, LMSInitialize: init })
      expect(s.start()).toBeNull()
      expect(problems).toEqual(['unavailable'])
      expect(s.connected).toBe(false)
    }
  })

  it('a call that throws mid-session ends the session with one problem', () => {
    let sets = 0
    const { s, problems } = session({ ...base, LMSSetValue: () => { sets++; throw new TypeError('LMS gone') } })
    expect(s.start()).not.toBeNull()
    expect(s.report({ status: 'incomplete', score: 10, suspend: 'a', location: 'b' })).toBe(false)
    s.report({ status: 'completed', score: 20, suspend: 'c', location: 'd' })
    s.finish(true)
    expect(sets).toBe(1)
    expect(problems).toEqual(['failing'])
  })

  it('values refused with "false" are reported once; junk reads count as empty', () => {
    const { s, problems } = session({ ...base, LMSSetValue: () => 'false', LMSGetValue: () => ({ junk: true }) })
    expect(s.start()).toEqual({ suspend: '[object Object]', entry: '[object Object]', mastery: null })
    s.report({ status: 'incomplete', score: 10, suspend: 'a', location: 'b' })
    s.report({ status: 'completed', score: 20, suspend: 'c', location: 'd' })
    expect(problems).toEqual(['failing'])
  })
})
