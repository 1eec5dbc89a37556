// Scene playback speed and the overrides a lesson may give a scene.

import { describe, expect, it } from 'vitest'
import { SCENARIO_LIST } from '../../../sim/scenarios/index.ts'
import { labQuery, overrideProblems, runSpeed, toPatch } from './sceneRun.ts'

describe('runSpeed', () => {
  it('plays every scenario in at most 40 s of wall time, never slower than 2×', () => {
    for (const sc of SCENARIO_LIST) {
      const s = runSpeed(sc.durationMs)
      expect(sc.durationMs / s, sc.id).toBeLessThanOrEqual(40_000)
      expect(s).toBeGreaterThanOrEqual(2)
    }
    expect(runSpeed(60_000)).toBe(2)
    expect(runSpeed(120_000)).toBe(4)
    expect(runSpeed(480_000)).toBe(16)
  })
})

describe('scene overrides', () => {
  it('accepts policy, storage, servers and users within range', () => {
    expect(overrideProblems(undefined)).toEqual([])
    expect(overrideProblems({ policy: 'hash-consistent', storage: 'shared', servers: 4, users: 30 })).toEqual([])
  })
  it('names what is wrong', () => {
    expect(overrideProblems({ policy: 'sticky' })).toEqual(['unknown policy "sticky"'])
    expect(overrideProblems({ servers: 11 })).toEqual(['servers must be an integer 1–10'])
    expect(overrideProblems({ seed: 3 })[0]).toMatch(/can't be overridden/)
    expect(overrideProblems([])).toEqual(['overrides must be an object'])
  })
  it('drops invalid overrides rather than passing them to the engine', () => {
    expect(toPatch({ policy: 'nope' } as never)).toEqual({})
    expect(toPatch({ servers: 1 })).toEqual({ servers: 1 })
  })
  it('builds the full-lab link query', () => {
    expect(labQuery('ip-hash-nat-hotspot', { policy: 'cookie' })).toEqual({ scenario: 'ip-hash-nat-hotspot', policy: 'cookie', storage: undefined, servers: undefined, users: undefined })
  })
})
