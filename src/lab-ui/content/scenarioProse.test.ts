// Every scenario has its prose: a one-line "what to watch" and its claim (and nothing else is listed).

import { describe, expect, it } from 'vitest'
import { SCENARIO_IDS } from '../../sim/scenarios/index.ts'
import { SCENARIO_CLAIMS } from './scenarioClaims.ts'
import { SCENARIO_WATCH } from './scenarioWatch.ts'

describe('scenario prose', () => {
  it('has a one-line watch and a claim for each of the 19 scenarios', () => {
    const ids = [...SCENARIO_IDS].sort()
    expect(Object.keys(SCENARIO_WATCH).sort()).toEqual(ids)
    expect(Object.keys(SCENARIO_CLAIMS).sort()).toEqual(ids)
    for (const id of SCENARIO_IDS) {
      expect(SCENARIO_WATCH[id].length).toBeGreaterThan(20)
      expect(SCENARIO_WATCH[id]).not.toContain('\n')
      expect(SCENARIO_CLAIMS[id].length).toBeGreaterThan(20)
    }
  })
})
