import { describe, expect, it } from 'vitest'
import { EXPORT_KIND, exportFileName, exportJson, parseImport } from './exportProgress.ts'
import { emptyProgress, grade } from './progress.ts'
import { createScheduler, Rating } from './scheduler.ts'

const now = new Date('2025-03-10T09:00:00.000Z')
const doc = grade(grade(emptyProgress(), createScheduler({ fuzz: false }), 'cookie-flow', Rating.Good, now), createScheduler({ fuzz: false }), 'jwt-what-it-removes', Rating.Easy, now)

describe('exporting and importing progress', () => {
  it('round-trips through the JSON file', () => {
    const text = exportJson(doc, 'Sticky Sessions Lab', now)
    expect(JSON.parse(text)).toMatchObject({ kind: EXPORT_KIND, deck: 'Sticky Sessions Lab', exportedAt: now.toISOString(), version: 2 })
    expect(parseImport(text)).toEqual({ ok: true, doc })
    expect(exportFileName(now)).toBe('sticky-sessions-cards-progress-2025-03-10.json')
  })

  it('imports an export from the v1 format', () => {
    const v1 = { kind: EXPORT_KIND, version: 1, cards: { a: { due: 0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, reps: 1, lapses: 0, state: 'Review', lastReview: 0 } } }
    const r = parseImport(JSON.stringify(v1))
    expect(r.ok && r.doc.cards.a?.due).toBe('1970-01-01T00:00:00.000Z')
  })

  it('refuses files that are not ours or not valid, with a message', () => {
    const cases: [string, RegExp][] = [
      ['not json at all', /not JSON/],
      ['{}', /not a Sticky Sessions Lab progress file/],
      ['{"kind":"something-else","version":2,"cards":{}}', /not a Sticky Sessions Lab progress file/],
      [JSON.stringify({ kind: EXPORT_KIND, version: 2, cards: { a: { due: 'soon' } } }), /card “a”/],
      [JSON.stringify({ kind: EXPORT_KIND, version: 2, cards: 'all of them' }), /could not be read because its cards are not a map/],
      [JSON.stringify({ kind: EXPORT_KIND, version: 9, cards: {} }), /newer version/],
      [' '.repeat(2_000_001), /too large/],
    ]
    for (const [text, message] of cases) {
      const r = parseImport(text)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.message).toMatch(message)
    }
  })
})
