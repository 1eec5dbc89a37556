// Every scenario has its prose: a one-line "what to watch" and its claim.

import { describe, expect, it } from 'vitest'
import { SCENARIO_IDS } from '../../sim/scenarios/index.ts'
import { SCENARIO_PROSE } from './scenarioProse.ts'

describe('scenario prose', () => {
  it('has a one-line watch and a claim for each of the 19 scenarios, and nothing else', () => {
    expect(Object.keys(SCENARIO_PROSE).sort()).toEqual([...SCENARIO_IDS].sort())
    for (const id of SCENARIO_IDS) {
      const p = SCENARIO_PROSE[id]
      expect(p.watch.length).toBeGreaterThan(20)
      expect(p.watch).not.toContain('\n')
      expect(p.claim.length).toBeGreaterThan(20)
    }
  })
})
