import { describe, expect, it } from 'vitest'
import type { SimRequest, SimState } from '../sim/types.ts'
import { drawFrame, replay } from './drawList.ts'
import { recordRequests } from './requestDrawList.ts'
import { anchors, base } from './testFixtures.ts'

/** Just the parts of the state the canvas reads. */
function sim(now: number, inFlight: SimRequest[], recent: SimRequest[] = []): SimState {
  return { now, inflight: inFlight, recent, users: [{ color: 1 }, { color: 2 }] } as unknown as SimState
}

/** A 2D context that logs the calls the drawing makes. */
function fakeContext() {
  const calls: string[] = []
  const ctx = new Proxy({} as Record<string, unknown>, {
    get: (_, key: string) => (key in props ? props[key] : (...args: unknown[]) => calls.push(`${key}(${args.map((a) => (typeof a === 'number' ? Math.round(a) : a)).join(',')})`)),
    set: (_, key: string, value) => {
      props[key] = value
      calls.push(`${key}=${value}`)
      return true
    },
  })
  const props: Record<string, unknown> = {}
  return { ctx: ctx as unknown as CanvasRenderingContext2D, calls }
}

describe('the request canvas draw list', () => {
  it('draws a dot for each request in flight, where the engine says it is', () => {
    const list = recordRequests(sim(1020, [base, { ...base, id: 2, user: 1, sentAt: 1010, lbAt: 1050 }]), anchors, null, false, false)
    const { ctx, calls } = fakeContext()
    replay(ctx, list)
    expect(calls.filter((c) => c.startsWith('arc('))).toEqual(['arc(50,0,5,0,6)', 'arc(25,0,5,0,6)'])
    expect(calls).toContain('fillStyle=#56B4E9') // user 0's colour index 1
    expect(calls).toContain('fillStyle=#009E73')
  })

  it('records into a typed array (moved to the worker, not copied) that grows past its first size', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...base, id: i + 1, user: i % 2 }))
    const list = recordRequests(sim(1020, many), anchors, null, false, false)
    expect(list.ops).toBeInstanceOf(Float64Array)
    expect(list.ops).toHaveLength(300 * 5)
    const { ctx, calls } = fakeContext()
    replay(ctx, list)
    expect(calls.filter((c) => c.startsWith('arc('))).toHaveLength(300)
  })

  it('with reduced motion, draws still lines instead of travelling dots', () => {
    const { ctx, calls } = fakeContext()
    replay(ctx, recordRequests(sim(1020, [base]), anchors, null, true, false))
    expect(calls.some((c) => c.startsWith('arc('))).toBe(false)
    expect(calls.filter((c) => c === 'stroke()')).toHaveLength(1)
  })

  it('fades finished trails and marks a failed request with a cross', () => {
    const failed = { ...base, id: 3, outcome: 'error' as const, refused: [{ server: 'B' as const, at: 1042 }], serverAt: -1 }
    const { ctx, calls } = fakeContext()
    replay(ctx, recordRequests(sim(1200, [], [failed]), anchors, null, false, true))
    // The trail, then a cross at B (the server that refused it) in the dark theme's red.
    expect(calls).toContain('strokeStyle=#ff8a80')
    expect(calls).toContain('moveTo(194,94)')
    const alphas = calls.filter((c) => c.startsWith('globalAlpha=')).map((c) => Number(c.split('=')[1]))
    expect(alphas[0]).toBeGreaterThan(0)
    expect(alphas[0]).toBeLessThan(0.55)
  })

  it('outlines the selected request', () => {
    const { ctx, calls } = fakeContext()
    replay(ctx, recordRequests(sim(1020, [base]), anchors, 1, false, false))
    expect(calls).toContain('lineWidth=6')
  })

  it('draws only the on-screen slice: the transform shifts the slice to the top of the canvas', () => {
    const { ctx, calls } = fakeContext()
    const canvas = { width: 0, height: 0 } as HTMLCanvasElement
    drawFrame(canvas, ctx, { width: 300, height: 200, top: 150, dpr: 2, list: { ops: [], colors: [] } })
    expect(canvas).toMatchObject({ width: 600, height: 400 })
    expect(calls).toEqual(expect.arrayContaining(['setTransform(2,0,0,2,0,-300)', 'clearRect(0,150,300,200)']))
  })

  it('refuses a corrupted list instead of drawing garbage', () => {
    const { ctx } = fakeContext()
    expect(() => replay(ctx, { ops: [9], colors: [] })).toThrow(/unknown draw op/)
  })
})
