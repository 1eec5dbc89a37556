// Node's registry holds every product (all.ts, loaded by the vitest setup): each id, its own record.

import { describe, expect, it } from 'vitest'
import { LB_PRODUCT_IDS } from '../../types.ts'
import { behaviourFor, hasBehaviour } from './index.ts'

describe('every product is registered in Node', () => {
  it.each(LB_PRODUCT_IDS)('%s', (lb) => {
    expect(hasBehaviour(lb)).toBe(true)
    expect(behaviourFor(lb).id).toBe(lb)
  })
})
