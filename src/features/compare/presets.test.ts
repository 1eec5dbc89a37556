// The "Same crash, five load balancers" preset: one column per product, each its own sticky design
// over server memory, and the figures each column's run gives — failed requests, 502s (and the other
// error statuses) users saw, logouts, seconds until the load balancer moved traffic off B — as
// docs/facts/products.md "Same crash, five load balancers" quotes them.

import { describe, expect, it } from 'vitest'
import { crashFigures } from '../../sim/products/engine/sameCrash.ts'
import { LB_PRODUCT_IDS, LB_PRODUCTS } from '../../lab-ui/engine.ts'
import { designOverrides } from './design.ts'
import { PRESETS } from './presets.ts'
import { MAX_COLUMNS } from './urlCodec.ts'

const preset = PRESETS['five-load-balancers']

describe('compare preset: same crash, five load balancers', () => {
  it('has one column per product, in the products’ order, each with the product’s own one-click Sticky', () => {
    expect(preset.designs.map((d) => d.lb)).toEqual([...LB_PRODUCT_IDS])
    expect(preset.designs.length).toBeLessThanOrEqual(MAX_COLUMNS)
    for (const d of preset.designs) expect(d.policy, d.lb).toBe(LB_PRODUCTS[d.lb!].stickyPolicy)
    expect(preset.designs.every((d) => d.storage === 'memory')).toBe(true)
  })

  it('gives the documented numbers per column (3 minutes, B crashes at 0:30)', () => {
    const figures = Object.fromEntries(
      preset.designs.map((d) => {
        const f = crashFigures(designOverrides(d))
        return [d.lb, { failed: f.failed, errors: f.errors, bad502: f.errors[502] ?? 0, logouts: f.logouts, movedAfterS: f.outAfterS }]
      }),
    )
    expect(figures).toEqual({
      nginx: { failed: 0, errors: {}, bad502: 0, logouts: 5, movedAfterS: 0 },
      haproxy: { failed: 0, errors: {}, bad502: 0, logouts: 6, movedAfterS: 6 },
      alb: { failed: 198, errors: { 502: 198 }, bad502: 198, logouts: 6, movedAfterS: 60 },
      'kube-proxy': { failed: 3, errors: { 0: 3 }, bad502: 0, logouts: 4, movedAfterS: 2 },
      cloudflare: { failed: 50, errors: { 521: 50 }, bad502: 0, logouts: 4, movedAfterS: 30 },
    })
  })
})
