import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CARD_H, CARD_MIN_W, HEADING_H, LB_ROW_H, planStage, SERVER_SIZES, STORE_H, type StagePlan } from './stagePlan.ts'

/** The height a plan's content needs, from the same sizes the components draw (px). */
function needed(plan: StagePlan, users: number): { usersH: number; serversH: number; total: number } {
  const u = plan.users
  const usersH = Math.ceil(users / u.cols) * (u.cell + u.gap) - u.gap + (plan.headings ? HEADING_H : 0)
  const s = plan.servers
  const serversH = s.rows * s.tileH + (s.rows - 1) * 6 + (plan.storeH > 0 ? plan.storeH + 6 : 0) + (plan.headings ? HEADING_H : 0)
  const total = plan.layout === 'wide' ? Math.max(usersH, serversH) : usersH + LB_ROW_H + serversH + 2 * plan.gap
  return { usersH, serversH, total }
}

function widthUsed(plan: StagePlan): number {
  const [a, b, c] = plan.tracks
  return plan.layout === 'wide' ? a + b + c + 2 * plan.gap : 0
}

describe('the stage plans its layout for its box', () => {
  it('a laptop lab (crash scenario, 18 users, 3 servers) gets users | LB | servers with cards', () => {
    const plan = planStage({ width: 940, height: 440, users: 18, servers: 3, store: false })
    expect(plan.layout).toBe('wide')
    expect(plan.users.tier).toBe('card')
    expect(plan.servers.tier).toBe('card')
    expect(plan.lb).toBe('full')
  })

  it('200 users and 10 servers at 1366 × 768 stay legible: faces with initials, tiles with chips', () => {
    const plan = planStage({ width: 940, height: 420, users: 200, servers: 10, store: false })
    expect(['avatar', 'small']).toContain(plan.users.tier)
    expect(plan.users.cell).toBeGreaterThanOrEqual(24)
    expect(plan.servers.tier).not.toBe('mini')
    expect(plan.servers.chips).toBeGreaterThan(10)
  })

  it('a 360 × 480 embed (3 servers, 18 users) stacks: a band of faces, the LB row, servers side by side', () => {
    const plan = planStage({ width: 330, height: 250, users: 18, servers: 3, store: false })
    expect(plan.layout).toBe('stacked')
    expect(plan.users.tier).toBe('avatar')
    expect(plan.servers.cols).toBe(3)
    expect(plan.servers.rows).toBe(1)
  })

  it('a crowd in a small box becomes colour dots rather than overflowing', () => {
    const plan = planStage({ width: 340, height: 300, users: 200, servers: 3, store: false })
    expect(plan.users.tier).toBe('dot')
    expect(plan.cramped).toBe(false)
    expect(needed(plan, 200).total).toBeLessThanOrEqual(300)
  })

  it('never asks for more room than the box has (any size from phone to desktop, any cast)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 280, max: 1600 }),
        fc.integer({ min: 150, max: 1000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (width, height, users, servers, store) => {
          const plan = planStage({ width, height, users, servers, store })
          if (plan.cramped) return
          const need = needed(plan, users)
          expect(need.total).toBeLessThanOrEqual(height)
          if (plan.layout === 'wide') {
            expect(widthUsed(plan)).toBeLessThanOrEqual(width)
            expect(need.usersH).toBeLessThanOrEqual(height)
          }
          // Each tile is at least as big as its tier needs, with one row of chips (minis: none).
          const size = SERVER_SIZES.find((x) => x.tier === plan.servers.tier)!
          expect(plan.servers.tileW).toBeGreaterThanOrEqual(size.minW)
          expect(plan.servers.tileH).toBeGreaterThanOrEqual(size.fixed)
          if (plan.users.tier === 'card') expect(plan.users.cell).toBe(CARD_H)
          if (store) expect(plan.storeH).toBeGreaterThanOrEqual(STORE_H.tile)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('cards need their minimum width; interactive faces never go below the 24 px target size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 280, max: 1600 }), fc.integer({ min: 150, max: 1000 }), fc.integer({ min: 1, max: 200 }), (width, height, users) => {
        const plan = planStage({ width, height, users, servers: 3, store: false })
        const usersW = plan.layout === 'wide' ? plan.tracks[0] : width
        if (plan.users.tier === 'card') expect(usersW / plan.users.cols).toBeGreaterThanOrEqual(CARD_MIN_W)
        if (plan.users.tier === 'avatar' || plan.users.tier === 'small') expect(plan.users.cell).toBeGreaterThanOrEqual(24)
      }),
      { numRuns: 200 },
    )
  })

  it('a box too small for anything is marked cramped (and still gets the smallest plan)', () => {
    const plan = planStage({ width: 200, height: 60, users: 200, servers: 10, store: true })
    expect(plan.cramped).toBe(true)
    expect(plan.servers.tier).toBe('mini')
  })
})
