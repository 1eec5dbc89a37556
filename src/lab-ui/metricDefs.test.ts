import { describe, expect, it } from 'vitest'
import { SCENARIO_IDS } from '../sim/scenarios/index.ts'
import { createLabStore } from '../store/labStore.ts'
import { KEY_FIGURES, METRICS, PANEL_METRICS, stripMetrics } from './metricDefs.ts'

describe('the metrics strip: unexpected logouts and each scenario’s own figure', () => {
  it('every scenario names at least one figure, and the strip starts with unexpected logouts', () => {
    for (const id of SCENARIO_IDS) {
      expect(KEY_FIGURES[id].length).toBeGreaterThan(0)
      expect(stripMetrics(id)[0]).toBe('logouts')
      expect(new Set(stripMetrics(id)).size).toBe(stripMetrics(id).length)
    }
  })

  it('test ids are unique, and the panel only repeats what the strip leaves out', () => {
    const ids = Object.values(METRICS).map((m) => m.testId)
    expect(new Set(ids).size).toBe(ids.length)
    expect(PANEL_METRICS).toContain('logouts')
  })

  it('the crash scenario’s strip shows sessions lost rising with the crash', () => {
    const store = createLabStore({ scenario: 'crash-sticky-memory' })
    store.getState().seek(29_000)
    expect(METRICS.sessions.read(store.getState().sim)).toBe(0)
    // Sessions go with B at 0:30; logouts follow once HAProxy's retries (1 s apart) give up on B.
    store.getState().seek(36_000)
    expect(METRICS.sessions.read(store.getState().sim)).toBeGreaterThan(0)
    expect(METRICS.logouts.read(store.getState().sim)).toBeGreaterThan(0)
  })
})
