// Suspend data: progress round-trips through the compact text form, the whole course fits SCORM
// 1.2's 4,096 characters with room to spare, and anything corrupted decodes to null.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EMPTY, withPrediction, withRun, type Progress, type SceneRecord } from '../progress.ts'
import { decodeProgress, encodeProgress } from './suspend.ts'

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/)
const record: fc.Arbitrary<SceneRecord | null> = fc.option(
  fc.record({ first: fc.nat(35), firstRight: fc.boolean(), picked: fc.nat(35), right: fc.boolean(), ran: fc.boolean(), solved: fc.boolean() }),
)
const progress: fc.Arbitrary<Progress> = fc.record({
  lessons: fc.dictionary(slug, fc.record({ scenes: fc.array(record, { maxLength: 8 }), done: fc.boolean() }), { maxKeys: 14 }),
  last: fc.option(fc.record({ slug, scene: fc.option(fc.nat(63)) })),
})

describe('suspend data', () => {
  it('round-trips any progress', () => {
    fc.assert(
      fc.property(progress, (p) => {
        expect(decodeProgress(encodeProgress(p)!)).toEqual(p)
      }),
    )
  })

  it('keeps the whole course (14 lessons, 35 scenes, all answered) far under 4,096 characters', () => {
    const counts = [2, 2, 2, 2, 5, 2, 2, 5, 3, 3, 2, 2, 2, 1]
    let p: Progress = EMPTY
    counts.forEach((n, l) => {
      for (let i = 0; i < n; i++) p = withRun(withPrediction(p, `lesson-number-${l}-with-a-long-slug`, i, 2, i % 2 === 0), `lesson-number-${l}-with-a-long-slug`, i, n)
    })
    const text = encodeProgress(p)!
    expect(text.length).toBeLessThan(1200)
    expect(decodeProgress(text)).toEqual(p)
  })

  it('drops lessons outside the package first when over the limit, and gives up (null) if still over', () => {
    let p: Progress = EMPTY
    for (let l = 0; l < 40; l++) p = withPrediction(p, `l${l}`, 0, 1, true)
    const full = encodeProgress(p)!
    expect(encodeProgress(p, ['l3'], full.length - 1)).toBe('p1|@l39.0|l3:0:113')
    expect(encodeProgress(p, ['l3'], 10)).toBeNull()
    expect(encodeProgress(p, null, 10)).toBeNull()
  })

  it('decodes anything corrupted or hand-edited to null', () => {
    for (const text of ['', 'p1', 'p2|@', 'p1|x', 'p1|@|bad', 'p1|@|a:2:', 'p1|@|a:1:00', 'p1|@|a:1:0Z1', 'p1|@|A:1:', 'p1|@x.y', '{"lessons":{}}', 'p1|@|a:1:00g']) {
      expect(decodeProgress(text), text).toBeNull()
    }
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => decodeProgress(s)).not.toThrow()
      }),
    )
  })
})
