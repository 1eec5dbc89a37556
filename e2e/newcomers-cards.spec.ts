// What newcomers tripped over on the flashcards page (issue 14): Space on a fresh page, the
// "done" counter, "to go", what a screen reader hears, the end-of-session summary, statistics, and
// the way to the glossary.

import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'

const FIRST_Q = 'What are sticky sessions?'
const SECOND_Q = 'How does a stateless service differ from one that relies on sticky sessions?'
const DECK_IDS: string[] = (JSON.parse(readFileSync(new URL('../content/cards/deck.json', import.meta.url), 'utf8')) as { cards: { id: string }[] }).cards.map((c) => c.id)

const panel = (page: Page) => page.getByTestId('flashcard')
const question = (page: Page) => panel(page).getByRole('heading', { level: 2 })
const answer = (page: Page) => page.getByTestId('card-answer')
const live = (page: Page) => page.getByTestId('card-live')
const done = (page: Page) => page.getByTestId('session-count')

/**
 * Saved progress where every card but the first two was learned long ago and is due in a month,
 * plus `reviews` — what the statistics read — given as [days ago, rating, state before].
 */
async function seed(page: Page, reviews: [number, 1 | 2 | 3 | 4, 0 | 1 | 2 | 3][] = []) {
  await page.addInitScript(
    ({ ids, reviews }) => {
      if (sessionStorage.getItem('seeded')) return
      sessionStorage.setItem('seeded', '1')
      const day = 86_400_000
      const iso = (ms: number) => new Date(ms).toISOString()
      const now = Date.now()
      const cards: Record<string, unknown> = {}
      for (const id of ids.slice(2)) {
        cards[id] = { due: iso(now + 30 * day), stability: 40, difficulty: 5, elapsed_days: 10, scheduled_days: 30, learning_steps: 0, reps: 3, lapses: 0, state: 2, last_review: iso(now - 10 * day), introduced: iso(now - 40 * day) }
      }
      const noon = (daysAgo: number) => {
        const d = new Date(now - daysAgo * day)
        d.setHours(12, 0, 0, 0)
        return iso(d.getTime())
      }
      const log = reviews.map(([ago, rating, state], i) => ({ id: ids[2 + i]!, at: noon(ago), rating, state }))
      localStorage.setItem('ssl:cards', JSON.stringify({ version: 2, cards, undo: [], reviews: log }))
    },
    { ids: DECK_IDS, reviews },
  )
}

test.describe('flashcards for newcomers', () => {
  test('(14.11) Space on a freshly loaded page shows the answer instead of scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 600 })
    await page.goto('./#/cards')
    await expect(question(page)).toHaveText(FIRST_Q)
    await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true)
    await page.keyboard.press('Space')
    await expect(answer(page)).toBeVisible()
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    await expect(panel(page)).toBeFocused()
    await page.keyboard.press('3')
    await expect(question(page)).toHaveText(SECOND_Q)
  })

  test('(14.11) "done" survives a "Show me" round trip and a reload; "to go" is explained', async ({ page }) => {
    await page.goto('./#/cards')
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Good:/ }).click()
    await expect(done(page)).toContainText('1 done')
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('link', { name: /Show me in the lab/ }).click()
    await page.getByRole('link', { name: '← Back to your card' }).click()
    await expect(question(page)).toHaveText(SECOND_Q)
    await expect(done(page)).toContainText('1 done')
    await page.reload()
    await expect(done(page)).toContainText('1 done')
    // Why "to go" barely moves: cards just learned come back in minutes.
    await page.getByText('Why does “to go” go down slowly?').click()
    await expect(page.getByTestId('queue-explain')).toContainText('1 minute')
    await expect(page.getByTestId('queue-explain')).toContainText('10 minutes')
  })

  test('(14.4) the live region reads whole sentences, and Undo says what it did', async ({ page }) => {
    await page.goto('./#/cards')
    await expect(question(page)).toHaveText(FIRST_Q)
    await page.getByRole('button', { name: 'Show answer' }).click()
    await expect(live(page)).toHaveText(/^Answer: A load-balancer behaviour/)
    await page.getByRole('button', { name: /^Good:/ }).click()
    await expect(live(page)).toHaveText(`New card. Tags: interview, stateless. Question: ${SECOND_Q}`)
    await page.getByRole('button', { name: /Undo last grade/ }).click()
    await expect(live(page)).toHaveText(`Undid your last grade (Good). New card. Tags: interview, basics. Question: ${FIRST_Q}`)
    // The card face itself is no live region (its badge, tags and question would run together).
    expect(await question(page).evaluate((el) => el.closest('[aria-live]') === null)).toBe(true)
  })

  test('(14.11) the end of a session sums it up: reviewed, each grade, next due', async ({ page }) => {
    await seed(page)
    await page.goto('./#/cards')
    await expect(question(page)).toHaveText(FIRST_Q)
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Easy:/ }).click()
    // Wait for the next card before revealing it (a click during the flip can land on the old face).
    await expect(question(page)).toHaveText(SECOND_Q)
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Hard:/ }).click()
    // Hard keeps a new card in today's learning steps: it comes back in this sitting.
    await expect(question(page)).toHaveText(SECOND_Q)
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Easy:/ }).click()
    const summary = page.getByTestId('session-summary')
    await expect(summary).toBeVisible()
    await expect(summary).toContainText('3 reviews today')
    for (const [grade, n] of [['Again', 0], ['Hard', 1], ['Good', 0], ['Easy', 2]] as const) {
      await expect(summary.getByTestId(`summary-${grade.toLowerCase()}`)).toHaveText(`${grade}${n}`)
    }
    await expect(summary).toContainText(/Next card due in \d+ days?/)
  })

  test('(14.11) statistics: reviews per day and retention', async ({ page }) => {
    // Yesterday: four reviews of learned cards, one forgotten (Again). Three days ago: two, both known.
    await seed(page, [
      [1, 3, 2],
      [1, 3, 2],
      [1, 2, 2],
      [1, 1, 2],
      [3, 3, 2],
      [3, 4, 2],
    ])
    await page.goto('./#/cards')
    const stats = page.getByTestId('review-stats')
    await expect(stats.getByTestId('retention')).toHaveText('83%') // 5 of 6 reviews of learned cards
    await expect(stats.locator('[data-days-ago="1"]')).toContainText('4')
    await expect(stats.locator('[data-days-ago="3"]')).toContainText('2')
    await expect(stats.locator('[data-days-ago="0"]')).toContainText('0')
    await expect(stats).toContainText('6 reviews in the last 7 days')
    // Today's reviews count as they happen.
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Good:/ }).click()
    await expect(stats.locator('[data-days-ago="0"]')).toContainText('1')
  })

  test('(14.12) a card’s answer links its terms to the glossary', async ({ page }) => {
    await page.goto('./#/cards')
    await page.getByRole('button', { name: 'Show answer' }).click()
    const link = panel(page).getByRole('link', { name: 'session affinity' })
    await expect(link).toHaveAttribute('href', /^#\/glossary#/)
  })
})
