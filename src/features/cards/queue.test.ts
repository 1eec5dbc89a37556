import { describe, expect, it } from 'vitest'
import { loadDeck } from './deck.ts'
import { emptyProgress, grade } from './progress.ts'
import { buildQueue, deckStats, LEARN_AHEAD_MS, newAvailable } from './queue.ts'
import { createScheduler, Rating } from './scheduler.ts'

const scheduler = createScheduler({ fuzz: false })
const card = (id: string) => ({ id, front: `Q ${id}?`, back: `A ${id}.`, tags: ['t'], lesson: 'the-problem' })
const deck = loadDeck({ version: 1, deck: 'Test', cards: ['a', 'b', 'c', 'd'].map(card) })
// Local 10:00 so "today" is unambiguous in any time zone.
const t0 = new Date(2025, 2, 10, 10, 0).getTime()
const MIN = 60_000

describe('the study queue', () => {
  it('starts with new cards in deck order, limited per day', () => {
    expect(buildQueue(deck, emptyProgress(), t0).map((q) => q.id)).toEqual(['a', 'b', 'c', 'd'])
    expect(buildQueue(deck, emptyProgress(), t0, 2).map((q) => q.id)).toEqual(['a', 'b'])
  })

  it('brings a card graded Again back in the same sitting, after the other cards', () => {
    const doc = grade(emptyProgress(), scheduler, 'a', Rating.Again, new Date(t0))
    expect(buildQueue(deck, doc, t0).map((q) => `${q.kind}:${q.id}`)).toEqual(['new:b', 'new:c', 'new:d', 'learning:a'])
    // Once it is due it goes first.
    expect(buildQueue(deck, doc, t0 + 2 * MIN)[0]).toEqual({ id: 'a', kind: 'learning' })
  })

  it('ends the session when nothing is due within the learn-ahead window', () => {
    let doc = emptyProgress()
    for (const id of ['a', 'b', 'c', 'd']) doc = grade(doc, scheduler, id, Rating.Easy, new Date(t0))
    expect(buildQueue(deck, doc, t0)).toEqual([])
    const stats = deckStats(deck, doc, t0)
    expect(stats).toMatchObject({ total: 4, dueToday: 0, newToday: 0, unseen: 0, learned: 4, learning: 0 })
    expect(stats.nextDue).toBe(t0 + 8 * 86_400_000)
  })

  it('counts cards introduced today against the daily limit', () => {
    const doc = grade(emptyProgress(), scheduler, 'a', Rating.Good, new Date(t0))
    expect(newAvailable(deck, doc, t0, 2)).toBe(1)
    // Tomorrow the allowance is fresh.
    expect(newAvailable(deck, doc, t0 + 86_400_000, 2)).toBe(2)
    const stats = deckStats(deck, doc, t0, 2)
    expect(stats).toMatchObject({ dueToday: 1, newToday: 1, unseen: 3, learning: 1, learned: 0 })
  })

  it('a learning card due beyond the window waits', () => {
    const doc = grade(emptyProgress(), scheduler, 'a', Rating.Good, new Date(t0)) // due in 10 min
    const only = { ...deck, cards: deck.cards.slice(0, 1), byId: deck.byId }
    expect(buildQueue(only, doc, t0 - LEARN_AHEAD_MS)).toEqual([])
    expect(buildQueue(only, doc, t0)).toEqual([{ id: 'a', kind: 'learning' }])
  })
})
