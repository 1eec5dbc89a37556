import { describe, expect, test } from 'vitest'
import type { SimState } from '../../sim/types.ts'
import { createCompareStore, type CompareStore } from './compareStore.ts'
import { presetSetup } from './urlCodec.ts'

const sims = (c: CompareStore): SimState[] => c.getState().columns.map((col) => col.store.getState().sim)
const nows = (c: CompareStore) => sims(c).map((s) => s.now)
const status = (c: CompareStore, id: string) => sims(c).map((s) => s.servers.find((x) => x.id === id)?.status)
/** Play in frame-sized chunks, as the clock does. */
function playFor(c: CompareStore, ms: number, frame = 16 * 4) {
  for (let t = 0; t < ms; t += frame) c.getState().advance(Math.min(frame, ms - t))
}

describe('the compare controller keeps every column at the same moment', () => {
  test('advance, seek, step: one clock for all', () => {
    const c = createCompareStore(presetSetup('memory-vs-store-vs-jwt'))
    playFor(c, 5_000)
    expect(nows(c)).toEqual([5_000, 5_000, 5_000])
    expect(c.getState().now).toBe(5_000)
    c.getState().seek(12_345)
    expect(nows(c)).toEqual([12_345, 12_345, 12_345])
    c.getState().stepForward()
    const stepped = c.getState().now
    expect(stepped).toBeGreaterThan(12_345)
    expect(nows(c)).toEqual([stepped, stepped, stepped])
    c.getState().stepBack()
    expect(new Set(nows(c)).size).toBe(1)
    c.getState().reset()
    expect(nows(c)).toEqual([0, 0, 0])
  })

  test('the scenario’s crash happens in every column; only the sticky one logs users out', () => {
    const c = createCompareStore(presetSetup('sticky-vs-stateless'))
    playFor(c, 60_000)
    expect(status(c, 'B')).toEqual(['crashed', 'crashed'])
    const [sticky, stateless] = sims(c)
    expect(sticky!.counters.unexpectedLogouts).toBeGreaterThan(0)
    expect(stateless!.counters.unexpectedLogouts).toBe(0)
  })

  test('scrubbing back and forth gives the same state at the same moment', () => {
    const c = createCompareStore(presetSetup('sticky-vs-stateless'))
    playFor(c, 50_000)
    const at50 = sims(c).map((s) => ({ ...s.counters }))
    c.getState().seek(10_000)
    expect(status(c, 'B')).toEqual(['up', 'up'])
    c.getState().seek(50_000)
    expect(sims(c).map((s) => ({ ...s.counters }))).toEqual(at50)
  })

  test('one intervention applies to all columns, and a column added later replays it', () => {
    const c = createCompareStore(presetSetup('sticky-vs-stateless'))
    playFor(c, 5_000)
    c.getState().intervene({ kind: 'crashServer', server: 'C' })
    expect(status(c, 'C')).toEqual(['crashed', 'crashed'])
    playFor(c, 5_000)
    c.getState().addColumn({ policy: 'hash-consistent', storage: 'memory' })
    expect(nows(c)).toEqual([10_000, 10_000, 10_000])
    expect(status(c, 'C')).toEqual(['crashed', 'crashed', 'crashed'])
    // …and the new column's run is the same as if it had been there from the start.
    const late = sims(c)[2]!
    const fresh = createCompareStore({ scenario: 'crash-sticky-memory', designs: [{ policy: 'hash-consistent', storage: 'memory' }, { policy: 'cookie', storage: 'memory' }] })
    playFor(fresh, 5_000)
    fresh.getState().intervene({ kind: 'crashServer', server: 'C' })
    playFor(fresh, 5_000)
    expect(late.counters).toEqual(sims(fresh)[0]!.counters)
  })

  test('play and pause reach every column (their panels throttle while playing)', () => {
    const c = createCompareStore(presetSetup('deploy'))
    c.getState().play()
    expect(c.getState().columns.map((col) => col.store.getState().playing)).toEqual([true, true])
    c.getState().addColumn({ policy: 'random', storage: 'shared' })
    expect(c.getState().columns[2]!.store.getState().playing).toBe(true)
    c.getState().pause()
    expect(c.getState().columns.map((col) => col.store.getState().playing)).toEqual([false, false, false])
  })

  test('a new design for a column: a new run at the same moment, in the same place', () => {
    const c = createCompareStore(presetSetup('sticky-vs-stateless'))
    playFor(c, 8_000)
    const before = c.getState().columns[1]!
    c.getState().setDesign(1, { policy: 'round-robin', storage: 'database' })
    const after = c.getState().columns[1]!
    expect(after.slot).toBe(before.slot)
    expect(after.id).not.toBe(before.id)
    expect(after.store.getState().sim.config.storage).toBe('database')
    expect(nows(c)).toEqual([8_000, 8_000])
  })

  test('2 to 5 columns', () => {
    const c = createCompareStore(presetSetup('sticky-vs-stateless'))
    c.getState().removeColumn(0)
    expect(c.getState().columns).toHaveLength(2)
    c.getState().addColumn({ policy: 'random', storage: 'memory' })
    c.getState().addColumn({ policy: 'random', storage: 'shared' })
    c.getState().addColumn({ policy: 'random', storage: 'jwt' })
    c.getState().addColumn({ policy: 'random', storage: 'database' })
    c.getState().addColumn({ policy: 'round-robin', storage: 'database' })
    expect(c.getState().columns).toHaveLength(5)
    c.getState().removeColumn(4)
    c.getState().removeColumn(1)
    expect(c.getState().setup().designs.map((d) => `${d.policy}.${d.storage}`)).toEqual(['cookie.memory', 'random.memory', 'random.shared'])
  })

  test('same users everywhere: a users override reaches every column', () => {
    const c = createCompareStore({ ...presetSetup('sticky-vs-stateless'), users: 50 })
    expect(sims(c).map((s) => s.users.length)).toEqual([50, 50])
  })
})
