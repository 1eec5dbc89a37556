// Flashcards in a real browser: a keyboard-only study session, progress across reloads, corrupted
// and blocked storage, export/import, the Anki file, "Show me" into the lab and back, and axe.

import { expect, test, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { expectNoAxeViolationsInBothThemes } from './axe.ts'

const FIRST_Q = 'What are sticky sessions?'
const SECOND_Q = 'How does a stateless service differ from one that relies on sticky sessions?'

const panel = (page: Page) => page.getByTestId('flashcard')
const question = (page: Page) => panel(page).getByRole('heading', { level: 2 })
const answer = (page: Page) => page.getByTestId('card-answer')
const stat = (page: Page, label: string) => page.getByTestId('deck-stats').locator(`dt:text-is("${label}") + dd`)

/** Errors thrown in the page fail the test that collected them. */
function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  return errors
}

async function tabToCard(page: Page) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'flashcard')) return
  }
  throw new Error('Tab never reached the flashcard')
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') }
}

test.describe('flashcards', () => {
  test('a study session by keyboard alone: reveal, grade, undo — only while the card has focus', async ({ page }) => {
    const errors = watchErrors(page)
    await page.goto('./#/cards')
    await expect(question(page)).toHaveText(FIRST_Q)
    await tabToCard(page)

    await page.keyboard.press('Space')
    await expect(answer(page)).toContainText('session affinity')
    // Each grade shows the interval ts-fsrs would give a new card (learning steps on).
    await expect(page.getByRole('button', { name: /^Again: next review in 1 minute/ })).toBeVisible()
    await expect(page.getByRole('button', { name: /^Good: next review in 10 minutes/ })).toBeVisible()

    await page.keyboard.press('3')
    await expect(question(page)).toHaveText(SECOND_Q)
    await expect(answer(page)).toHaveCount(0)
    await expect(page.getByTestId('session-count')).toContainText('1 done')
    await expect(panel(page)).toBeFocused()

    await page.keyboard.press('u')
    await expect(question(page)).toHaveText(FIRST_Q)
    await expect(page.getByTestId('session-count')).toContainText('0 done')

    await page.keyboard.press('Space')
    await page.keyboard.press('1')
    await expect(question(page)).toHaveText(SECOND_Q)
    await page.keyboard.press('Space')
    await page.keyboard.press('4')
    await expect(page.getByTestId('session-count')).toContainText('2 done')
    // Again keeps the first card in today's learning steps; Easy sends the second days away.
    await expect(stat(page, 'Due today')).toHaveText('1')
    await expect(stat(page, 'Learned')).toContainText('1')

    // Shortcuts are scoped to the card: with focus elsewhere, Space does nothing to it.
    await page.getByRole('heading', { level: 1 }).click()
    await page.keyboard.press('Space')
    await expect(answer(page)).toHaveCount(0)

    // And they can be switched off from the page (WCAG 2.1.4).
    const toggle = page.getByRole('switch', { name: 'Keyboard shortcuts' })
    await toggle.focus()
    await page.keyboard.press('Space')
    await expect(toggle).not.toBeChecked()
    await panel(page).focus()
    await page.keyboard.press('Space')
    await expect(answer(page)).toHaveCount(0)
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter') // the "Show answer" button still works by keyboard
    await expect(answer(page)).toBeVisible()
    expect(errors).toEqual([])
  })

  test('progress survives a reload, and undo still works after it', async ({ page }) => {
    await page.goto('./#/cards')
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Good:/ }).click()
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Easy:/ }).click()
    await expect(stat(page, 'Due today')).toHaveText('1')
    await expect(stat(page, 'Learned')).toContainText('1')
    await expect(stat(page, 'New today')).toHaveText('18')

    await page.reload()
    await expect(stat(page, 'Due today')).toHaveText('1')
    await expect(stat(page, 'Learned')).toContainText('1')
    await expect(stat(page, 'New today')).toHaveText('18')
    const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('ssl:cards') ?? 'null'))
    expect(saved).toMatchObject({ version: 2, cards: { 'iq-what-are-sticky-sessions': { reps: 1 }, 'iq-sticky-vs-stateless': { reps: 1, state: 2 } } })

    await page.getByRole('button', { name: /Undo last grade/ }).click()
    await expect(question(page)).toHaveText(SECOND_Q)
    await expect(stat(page, 'Learned')).toContainText('0')
  })

  test('corrupted saved data: a clear notice, a backup (kept and downloadable), a fresh start', async ({ page }) => {
    const errors = watchErrors(page)
    const garbage = '{"version":2,"cards":{"iq-what-are-sticky-sessions":{"due":'
    await page.addInitScript((g) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('ssl:cards', g)
        sessionStorage.setItem('seeded', '1')
      }
    }, garbage)
    await page.goto('./#/cards')
    const notice = page.getByRole('alert').filter({ hasText: 'Your saved progress could not be read' })
    await expect(notice).toContainText('not valid JSON')
    await expect(notice).toContainText('ssl:cards:backup')
    expect(await page.evaluate(() => localStorage.getItem('ssl:cards:backup'))).toBe(garbage)
    const file = await download(page, () => notice.getByRole('button', { name: 'Download the saved data' }).click())
    expect(file.text).toBe(garbage)

    // Study works from a fresh schedule, and the next visit is clean.
    await expect(stat(page, 'New today')).toHaveText('20')
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Good:/ }).click()
    await expect(page.getByTestId('session-count')).toContainText('1 done')
    await page.reload()
    await expect(page.getByText('Your saved progress could not be read')).toHaveCount(0)
    await expect(stat(page, 'Due today')).toHaveText('1')
    expect(errors).toEqual([])
  })

  test('blocked storage (sandboxed frame): study works in memory and a quiet notice says so', async ({ page }) => {
    const errors = watchErrors(page)
    await page.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError')
        },
      }),
    )
    await page.goto('./#/cards')
    await expect(page.getByRole('status').filter({ hasText: 'Progress won’t be kept' })).toBeVisible()
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Good:/ }).click()
    await expect(question(page)).toHaveText(SECOND_Q)
    await expect(stat(page, 'Due today')).toHaveText('1')
    expect(errors).toEqual([])
  })

  test('export and import progress as JSON; bad files are refused; the deck exports for Anki', async ({ page }) => {
    await page.goto('./#/cards')
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('button', { name: /^Easy:/ }).click()
    await expect(stat(page, 'Learned')).toContainText('1')

    const exported = await download(page, () => page.getByRole('button', { name: 'Export progress (JSON)' }).click())
    expect(exported.name).toMatch(/^sticky-sessions-cards-progress-\d{4}-\d\d-\d\d\.json$/)
    expect(JSON.parse(exported.text)).toMatchObject({ kind: 'sticky-sessions-lab/cards-progress', version: 2, cards: { 'iq-what-are-sticky-sessions': { state: 2 } } })

    await page.getByRole('button', { name: 'Reset all progress…' }).click()
    await page.getByRole('button', { name: 'Reset everything' }).click()
    await expect(stat(page, 'Learned')).toContainText('0')

    const input = page.getByLabel('Import progress…')
    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') })
    await expect(page.getByRole('alert').filter({ hasText: 'Not imported' })).toContainText('not a Sticky Sessions Lab progress file')
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":') })
    await expect(page.getByRole('alert').filter({ hasText: 'Not imported' })).toContainText('not JSON')
    await expect(stat(page, 'Learned')).toContainText('0')

    await input.setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) })
    await expect(page.getByRole('status').filter({ hasText: 'Imported progress for 1 card' })).toBeVisible()
    await expect(stat(page, 'Learned')).toContainText('1')
    await page.reload()
    await expect(stat(page, 'Learned')).toContainText('1')

    const anki = await download(page, () => page.getByRole('button', { name: 'Export deck for Anki' }).click())
    const lines = anki.text.trimEnd().split('\n')
    expect(lines.slice(0, 5)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#deck:Sticky Sessions Lab', '#tags column:3'])
    expect(lines[5]!.split('\t')).toEqual([FIRST_Q, expect.stringContaining('session affinity'), 'interview basics'])
  })

  test('cram goes through cards without touching the schedule', async ({ page }) => {
    await page.goto('./#/cards?view=cram')
    await page.getByRole('combobox', { name: 'Cards' }).selectOption('jwt')
    await page.getByRole('button', { name: /Start cram · 4 cards/ }).click()
    for (let i = 0; i < 4; i++) {
      await page.getByRole('button', { name: 'Show answer' }).click()
      await page.getByRole('button', { name: /Got it/ }).click()
    }
    await expect(page.getByRole('heading', { name: 'Cram finished' })).toBeVisible()
    await expect(stat(page, 'New today')).toHaveText('20')
    expect(await page.evaluate(() => localStorage.getItem('ssl:cards'))).toBeNull()
  })

  test('"Show me" opens the scene in the lab, and the way back returns to the same card', async ({ page }) => {
    await page.goto('./#/cards')
    await page.getByRole('button', { name: 'Show answer' }).click()
    await page.getByRole('link', { name: /Show me in the lab/ }).click()
    await expect(page).toHaveURL(/#\/lab\?scenario=cookie-affinity&from=iq-what-are-sticky-sessions$/)
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('cookie-affinity')

    await page.getByRole('link', { name: '← Back to your card' }).click()
    await expect(page).toHaveURL(/#\/cards\?card=iq-what-are-sticky-sessions$/)
    await expect(question(page)).toHaveText(FIRST_Q)
    await expect(answer(page)).toBeVisible()
    await expect(panel(page)).toBeFocused()
    // Grading it continues the normal queue.
    await page.keyboard.press('3')
    await expect(question(page)).toHaveText(SECOND_Q)
    await expect(page).toHaveURL(/#\/cards$/)
  })

  test('a scene with overrides opens the lab with them; bad overrides get a notice', async ({ page }) => {
    await page.goto('./#/cards?card=problem-least-connections-no-fix')
    await page.getByRole('link', { name: /Show me in the lab/ }).click()
    await expect(page).toHaveURL(/scenario=scale-out-no-affinity&policy=least-connections&from=problem-least-connections-no-fix/)
    await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('least-connections')

    await page.goto('./#/lab?scenario=cookie-affinity&policy=sticky-glue&servers=99&users=12')
    await expect(page.getByRole('alert').filter({ hasText: 'Some settings in the link were ignored' })).toContainText('“sticky-glue” is not a routing policy')
    await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('cookie')
    await expect(page.getByRole('link', { name: '← Back to your card' })).toHaveCount(0)
  })

  test('an unknown ?card= says so and falls back to the queue', async ({ page }) => {
    await page.goto('./#/cards?card=no-such-card')
    await expect(page.getByRole('alert').filter({ hasText: 'Card not found' })).toBeVisible()
    await expect(question(page)).toHaveText(FIRST_Q)
  })

  test('browse: search and tag filter', async ({ page }) => {
    await page.goto('./#/cards?view=browse')
    await expect(page.getByTestId('browse-card')).toHaveCount(64)
    await page.getByRole('searchbox', { name: 'Search' }).fill('deny list')
    await expect(page.getByTestId('browse-card')).toHaveCount(2)
    await expect(page.getByText('2 of 64 cards')).toBeVisible()
    await page.getByRole('searchbox', { name: 'Search' }).fill('')
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('kubernetes')
    await expect(page.getByTestId('browse-card')).toHaveCount(3)
    await page.getByRole('link', { name: /^Study this card/ }).first().click()
    await expect(question(page)).toContainText('Kubernetes')
    await expect(answer(page)).toBeVisible()
  })

  test('no axe violations, light and dark: study, answer side, browse, cram', async ({ page }) => {
    await page.goto('./#/cards')
    await expect(question(page)).toBeVisible()
    await expectNoAxeViolationsInBothThemes(page)
    await page.getByRole('button', { name: 'Show answer' }).click()
    await expect(answer(page)).toBeVisible()
    await expectNoAxeViolationsInBothThemes(page)
    await page.goto('./#/cards?view=browse')
    await page.locator('summary').first().click()
    await expectNoAxeViolationsInBothThemes(page)
    await page.goto('./#/cards?view=cram')
    await page.getByRole('button', { name: /Start cram/ }).click()
    await expectNoAxeViolationsInBothThemes(page)
  })
})
