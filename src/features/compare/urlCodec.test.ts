import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { SCENARIO_IDS } from '../../sim/scenarios/index.ts'
import { LB_PRODUCT_IDS, POLICY_IDS, STORAGE_KINDS } from '../../sim/types.ts'
import type { Design } from './design.ts'
import { DEFAULT_PRESET, PRESET_IDS, PRESETS } from './presets.ts'
import { decodeSetup, encodeSetup, presetSetup, setupHref, type CompareSetup } from './urlCodec.ts'

const q = (s: string) => new URLSearchParams(s)
const roundTrip = (setup: CompareSetup) => decodeSetup(new URLSearchParams(encodeSetup(setup)))

describe('compare URL codec', () => {
  test('a preset link opens the preset', () => {
    for (const id of PRESET_IDS) {
      const d = decodeSetup(q(`preset=${id}`))
      expect(d.problems).toEqual([])
      expect(d.preset).toBe(id)
      expect(d.setup).toEqual(presetSetup(id))
    }
  })

  test('no parameters: the default preset, no complaint', () => {
    expect(decodeSetup(q(''))).toEqual({ setup: presetSetup(DEFAULT_PRESET), preset: DEFAULT_PRESET, problems: [] })
  })

  test('scenario + columns with options', () => {
    const d = decodeSetup(q('scenario=retry-duplicates&cols=cookie.memory.ttl60.idem,round-robin.jwt.deny.s4&users=50'))
    expect(d.problems).toEqual([])
    expect(d.preset).toBeNull()
    expect(d.setup).toEqual({
      scenario: 'retry-duplicates',
      designs: [
        { policy: 'cookie', storage: 'memory', ttlS: 60, idempotency: true },
        { policy: 'round-robin', storage: 'jwt', denyList: true, servers: 4 },
      ],
      users: 50,
    })
  })

  test('a column may name its load balancer (lb-<id>)', () => {
    const d = decodeSetup(q('scenario=crash-sticky-memory&cols=cookie.memory.lb-alb,client-ip.memory.lb-kube-proxy'))
    expect(d.problems).toEqual([])
    expect(d.setup.designs).toEqual([
      { lb: 'alb', policy: 'cookie', storage: 'memory' },
      { lb: 'kube-proxy', policy: 'client-ip', storage: 'memory' },
    ])
    expect(roundTrip(d.setup).setup).toEqual(d.setup)
  })

  test('a setup equal to a preset is written as the preset', () => {
    const p = PRESETS['modulo-vs-consistent']
    expect(encodeSetup({ scenario: p.scenario, designs: p.designs })).toEqual({ preset: 'modulo-vs-consistent' })
    expect(encodeSetup({ scenario: p.scenario, designs: [...p.designs].reverse() })).toEqual({ scenario: p.scenario, cols: 'hash-consistent.memory,hash.memory' })
  })

  test('the address keeps commas readable and reads back the same', () => {
    const setup: CompareSetup = { scenario: 'rolling-deploy', designs: [{ policy: 'cookie', storage: 'memory', ttlS: 60 }, { policy: 'round-robin', storage: 'shared' }], users: 50 }
    const link = setupHref(setup)
    expect(link).toBe('#/compare?scenario=rolling-deploy&cols=cookie.memory.ttl60,round-robin.shared&users=50')
    expect(decodeSetup(new URLSearchParams(link.split('?')[1])).setup).toEqual(setup)
  })

  test('every valid setup survives the round trip', () => {
    const design: fc.Arbitrary<Design> = fc.record(
      {
        lb: fc.constantFrom(...LB_PRODUCT_IDS),
        policy: fc.constantFrom(...POLICY_IDS),
        storage: fc.constantFrom(...STORAGE_KINDS),
        ttlS: fc.integer({ min: 1, max: 31_536_000 }),
        idempotency: fc.constant(true as const),
        denyList: fc.constant(true as const),
        servers: fc.integer({ min: 1, max: 10 }),
      },
      { requiredKeys: ['policy', 'storage'] },
    )
    const setup = fc.record(
      { scenario: fc.constantFrom(...SCENARIO_IDS), designs: fc.array(design, { minLength: 2, maxLength: 4 }), users: fc.integer({ min: 1, max: 200 }) },
      { requiredKeys: ['scenario', 'designs'] },
    )
    fc.assert(
      fc.property(setup, (s) => {
        const d = roundTrip(s)
        expect(d.problems).toEqual([])
        expect(d.setup).toEqual(s)
      }),
    )
  })

  test.each([
    ['preset=nope', '“nope” is not a preset.'],
    ['scenario=<script>', '“<script>” is not a scenario.'],
    ['cols=cookie.memory', 'A comparison needs 2 to 5 designs (the link has 1).'],
    ['cols=a.memory,b.memory,c.memory,d.memory,e.memory,f.memory', 'A comparison needs 2 to 5 designs (the link has 6).'],
    ['cols=cookie.memory,teleport.memory', 'Design 2 (“teleport.memory”): “teleport” is not a routing policy.'],
    ['cols=cookie.floppy,cookie.memory', 'Design 1 (“cookie.floppy”): “floppy” is not a session storage kind (memory, shared, database or jwt).'],
    ['cols=cookie.memory,cookie.memory.turbo', 'Design 2 (“cookie.memory.turbo”): unknown option “turbo” (options are lb-<load balancer>, ttl<seconds>, idem, deny and s<servers>).'],
    ['cols=cookie.memory.lb-f5,round-robin.shared', 'Design 1 (“cookie.memory.lb-f5”): the load balancer must be one of nginx, haproxy, alb, kube-proxy, cloudflare.'],
    ['cols=cookie.memory,cookie.memory.s11', 'Design 2 (“cookie.memory.s11”): servers must be 1 to 10.'],
    ['cols=cookie.memory,cookie.memory.ttl0', 'Design 2 (“cookie.memory.ttl0”): the affinity TTL must be 1 to 31536000 seconds.'],
    ['users=lots', 'users must be a whole number from 1 to 200 (got “lots”).'],
    ['users=0', 'users must be a whole number from 1 to 200 (got “0”).'],
    [`cols=${'cookie.memory,'.repeat(30)}`, 'The list of designs is too long (at most 5 designs).'],
  ])('bad input %s: a plain message and the default preset', (query, message) => {
    const d = decodeSetup(q(query))
    expect(d.problems).toContain(message)
    expect(d.setup).toEqual(presetSetup(DEFAULT_PRESET))
    expect(d.preset).toBe(DEFAULT_PRESET)
  })
})
