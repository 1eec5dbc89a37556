// The share codec: every run the lab can write reads back identically, and no input — random bytes,
// truncations, wrong versions, huge numbers, markup — makes reading throw or echo the input.

import fc from 'fast-check'
import LZString from 'lz-string'
import { describe, expect, it } from 'vitest'
import { decodeRun } from './decode.ts'
import { encodeRun, type LinkedRun } from './encode.ts'
import { MAX_AT_MS, MAX_ENCODED_LENGTH, MAX_SCRIPT_ITEMS } from './limits.ts'
import { arbIntervention, arbRun } from './testArbitraries.ts'

const pack = (data: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(data))
const MARKUP = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}']

/** Payloads that are well-formed JSON but must be refused. */
const badPayload = fc.oneof(
  fc.record({ v: fc.oneof(fc.integer({ min: 2, max: 1e9 }), fc.constant(0), fc.constant(-1), fc.string(), fc.constant(null), fc.double()), t: fc.nat() }),
  fc.record({ v: fc.constant(1), t: fc.oneof(fc.integer({ min: MAX_AT_MS + 1 }), fc.constant(1e308), fc.constant(-5), fc.constant(1.5), fc.string(), fc.constant(null)) }),
  fc.record({ v: fc.constant(1), t: fc.constant(0), k: fc.oneof(fc.constant(2 ** 53), fc.constant(-1), fc.constant(0.5), fc.constantFrom(...MARKUP)) }),
  fc.record({ v: fc.constant(1), t: fc.constant(0), c: fc.oneof(fc.record({ servers: fc.integer({ min: 11 }) }), fc.record({ users: fc.constant(1e9) }), fc.record({ policy: fc.constantFrom(...MARKUP) }), fc.record({ cookie: fc.record({ name: fc.constantFrom(...MARKUP) }) }), fc.constant([]), fc.constant('x')) }),
  fc.record({
    v: fc.constant(1),
    t: fc.constant(0),
    i: fc.oneof(
      fc.constant('not a list'),
      fc.array(fc.tuple(fc.nat({ max: 1000 }), fc.record({ kind: fc.constantFrom(...MARKUP, 'crashServer', 'launchMissiles') })), { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(fc.constant(-1), arbIntervention), { minLength: 1, maxLength: 2 }),
      fc.array(fc.tuple(fc.nat({ max: MAX_AT_MS }), arbIntervention), { minLength: MAX_SCRIPT_ITEMS + 1, maxLength: MAX_SCRIPT_ITEMS + 5 }),
      fc.constant([[0, { kind: 'setUsers', count: 1e12 }]]),
      fc.constant([[0, { kind: 'crashServer', server: 'Z' }]]),
      fc.constant([[0, { kind: 'setRate', rate: Infinity }]]),
    ),
  }),
  fc.oneof(fc.constant([1, 2, 3]), fc.constant('hello'), fc.constant(42), fc.constant(null), fc.constantFrom(...MARKUP)),
)

/** Strings that are not a compressed run at all, or a run cut short. */
const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$'.split('')), minLength: 1, maxLength: 400 }),
  fc.constantFrom(...MARKUP, '', ' ', '%', '%%%', 'null', '{}', 'N4Ig'),
  fc.string({ minLength: MAX_ENCODED_LENGTH + 1, maxLength: MAX_ENCODED_LENGTH + 50 }),
)

describe('share codec', () => {
  it('reads back every run it writes, exactly', () => {
    fc.assert(
      fc.property(arbRun(), (run) => {
        const decoded = decodeRun(encodeRun(run))
        expect(decoded).toEqual({ ok: true, run })
      }),
      { numRuns: 300 },
    )
  })

  it('keeps links short: a crash and a policy change fit in well under 200 characters', () => {
    const s = encodeRun({ at: 45_300, seed: 7, script: [{ at: 12_000, do: { kind: 'crashServer', server: 'B' } }, { at: 20_000, do: { kind: 'setPolicy', policy: 'cookie' } }] })
    expect(s.length).toBeLessThan(200)
    expect(s).toMatch(/^[A-Za-z0-9+\-$]+$/)
  })

  it('survives URLSearchParams turning "+" into a space', () => {
    const run: LinkedRun = { at: 91_000, seed: 3, script: Array.from({ length: 40 }, (_, i) => ({ at: i * 997, do: { kind: 'setRate', rate: 1 + (i % 8) / 4 } as const })) }
    const s = encodeRun(run)
    expect(s).toContain('+')
    const viaQuery = new URLSearchParams(`s=${s}`).get('s')
    expect(viaQuery).not.toBeNull()
    expect(decodeRun(viaQuery ?? '')).toEqual({ ok: true, run })
  })

  it('refuses well-formed but wrong payloads with a plain sentence, never echoing the input', () => {
    fc.assert(
      fc.property(badPayload, (payload) => {
        const decoded = decodeRun(pack(payload))
        expect(decoded.ok).toBe(false)
        if (decoded.ok) return
        expect(decoded.problem).toMatch(/^The saved run in this link could not be read: .+\.$/)
        expect(decoded.problem).not.toMatch(/[<>]|alert|launchMissiles/)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws on random bytes, truncations and oversized input', () => {
    const truncated = arbRun().chain((run) => {
      const s = encodeRun(run)
      return fc.integer({ min: 0, max: Math.max(0, s.length - 2) }).map((n) => s.slice(0, n))
    })
    fc.assert(
      fc.property(fc.oneof(garbage, truncated), (input) => {
        const decoded = decodeRun(input)
        if (decoded.ok) return // a cut that happens to keep a whole run is still a run
        expect(decoded.problem).toMatch(/^The saved run in this link could not be read: /)
        expect(decoded.problem).not.toMatch(/[<>]|alert/)
      }),
      { numRuns: 400 },
    )
  })

  it('names what was wrong', () => {
    expect(decodeRun(pack({ v: 2, t: 0 }))).toMatchObject({ problem: expect.stringContaining('newer version') })
    expect(decodeRun(pack({ v: 1, t: 1e12 }))).toMatchObject({ problem: expect.stringContaining('the moment to open at is too large (at most 60:00.0)') })
    expect(decodeRun(pack({ v: 1, t: 0, c: { servers: 99 } }))).toMatchObject({ problem: expect.stringContaining('the setting “servers” is too large (at most 10)') })
    expect(decodeRun(pack({ v: 1, t: 0, i: [[0, { kind: 'crashServer', server: 'Z' }]] }))).toMatchObject({ problem: expect.stringContaining('intervention 1 (its “server”)') })
    expect(decodeRun('N4IgbiBcCMA0IBcoBYCsB')).toMatchObject({ ok: false, problem: expect.stringContaining('garbled or cut short') })
  })
})
