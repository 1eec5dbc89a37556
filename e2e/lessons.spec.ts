// The Learn section in a real browser: the index, every lesson (no console errors, diagrams drawn,
// accessible in light and dark), predict → run → explain scenes, independent labs on one page, the
// migration walkthrough, deep links, progress that survives corrupt storage, and Mermaid loading only
// where a lesson has a diagram.

import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, gotoThemed } from './axe.ts'

const LESSONS = [
  'the-problem',
  'what-are-sticky-sessions',
  'why-they-exist',
  'how-they-work',
  'techniques',
  'sticky-vs-stateless',
  'when-sticky-helps',
  'the-four-risks',
  'better-alternatives',
  'nginx',
  'kubernetes-and-managed-lbs',
  'migration-plan',
  'interview-questions',
  'recap-and-assumptions',
]

function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

/** Wait until the lesson body, its scenes and its diagrams are on screen. */
async function lessonReady(page: Page) {
  await expect(page.getByTestId('recap')).toBeVisible()
  const diagrams = page.getByTestId('diagram')
  for (let i = 0; i < (await diagrams.count()); i++) {
    await expect(diagrams.nth(i).locator('[data-drawn="yes"] svg').first()).toBeVisible() // drawn for the current theme
  }
}

test.describe('lesson index', () => {
  test('lists the 14 lessons in order and opens one', async ({ page }) => {
    const errors = collectErrors(page)
    await page.goto('./#/learn')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    const cards = page.getByTestId('lesson-card')
    await expect(cards).toHaveCount(14)
    expect(await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-slug')))).toEqual(LESSONS)
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Learn' })).toHaveAttribute('aria-current', 'page')
    await cards.nth(9).click()
    await expect(page).toHaveURL(/#\/learn\/nginx$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Session affinity in nginx')
    await expect(page).toHaveTitle(/Session affinity in nginx/)
    expect(errors).toEqual([])
  })

  test('an unknown lesson says so and links back to the index', async ({ page }) => {
    await page.goto('./#/learn/no-such-lesson')
    await expect(page.getByRole('heading', { name: 'Lesson not found' })).toBeVisible()
    await expect(page.getByTestId('lesson-unknown')).toContainText('no-such-lesson')
    await page.getByRole('link', { name: 'the list of lessons' }).click()
    await expect(page.getByTestId('lesson-card')).toHaveCount(14)
  })

  test('corrupt saved progress is ignored, and reaching a recap alone does not tick the lesson', async ({ page }) => {
    await page.goto('./#/learn')
    await page.evaluate(() => localStorage.setItem('ssl:lessons:v2', '{"lessons": {"the-problem": {"scenes": "oops"'))
    await page.reload()
    await expect(page.getByText('0 of 14 lessons done')).toBeVisible()
    await page.goto('./#/learn/why-they-exist')
    await page.getByTestId('recap').scrollIntoViewIfNeeded()
    await expect(page.getByTestId('recap')).toBeInViewport()
    await expect(page.getByTestId('lesson-done-badge')).toHaveCount(0)
    await page.goto('./#/learn')
    await expect(page.getByText('0 of 14 lessons done')).toBeVisible()
  })
})

test.describe('every lesson', () => {
  // One visit per lesson checks everything that needs the page: it renders with its scenes and
  // diagrams, nothing autoplays, no console error, and axe passes in light and then dark (the theme
  // follows the system, so switching the emulated scheme restyles the same page).
  test.describe.configure({ timeout: 120_000 })
  for (const slug of LESSONS) {
    test(`${slug}: renders with scenes and diagrams, no console errors, axe in light and dark`, async ({ page }) => {
      const errors = collectErrors(page)
      await gotoThemed(page, `./#/learn/${slug}`, 'light')
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await lessonReady(page)
      expect(await page.getByTestId('scene').count()).toBeGreaterThan(0)
      // Scenes never autoplay.
      for (const clock of await page.getByTestId('scene').getByTestId('clock').all()) await expect(clock).toHaveText('0:00.0')
      await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible()
      await expectNoAxeViolations(page)
      await page.emulateMedia({ colorScheme: 'dark' })
      await expect(page.locator('html')).toHaveClass(/\bdark\b/)
      await lessonReady(page) // diagrams are redrawn for the dark theme
      await expectNoAxeViolations(page)
      expect(errors).toEqual([])
    })
  }
})

test.describe('the lesson index', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`passes axe in ${scheme} mode`, async ({ page }) => {
      await gotoThemed(page, './#/learn', scheme)
      await expect(page.getByTestId('lesson-card').first()).toBeVisible()
      await expectNoAxeViolations(page)
    })
  }
})

test.describe('scenes', () => {
  test('predict, then run: the answer and the explanation appear only after the run', async ({ page }) => {
    await page.goto('./#/learn/the-problem')
    const scene = page.getByTestId('scene').first()
    const run = scene.getByTestId('scene-run')
    await expect(run).toBeDisabled()
    await expect(scene.getByTestId('scene-result')).toHaveCount(0)
    await scene.getByRole('radio', { name: 'None' }).check()
    await expect(run).toBeEnabled()
    await run.click()
    // It really plays: simulated time moves and the choices are locked in.
    await expect(scene.getByTestId('clock')).not.toHaveText('0:00.0')
    await expect(scene.getByRole('radio', { name: 'None' })).toBeDisabled()
    await scene.getByTestId('scene-skip').click()
    const result = scene.getByTestId('scene-result')
    await expect(result).toBeVisible()
    await expect(result).toHaveAttribute('data-correct', 'true')
    await expect(result).toContainText('Every request reaches server A')
    await expect(scene.getByTestId('m-logouts')).toHaveText('0')
    await expect(scene.getByTestId('clock')).toHaveText('2:00.0')
    // A wrong guess is told so, kindly, with what actually happens.
    await scene.getByTestId('scene-again').click()
    await scene.getByRole('radio', { name: 'Almost all of them' }).check()
    await scene.getByTestId('scene-run').click()
    await scene.getByTestId('scene-skip').click()
    await expect(result).toHaveAttribute('data-correct', 'false')
    await expect(result).toContainText('What happens: None.')
    await expect(result).toContainText('You guessed “Almost all of them”')
    // Progress: one of the lesson's two prompts is finished.
    await page.goto('./#/learn')
    await expect(page.locator('[data-slug="the-problem"]')).toContainText('1 of 2 scenes finished')
  })

  test('two scenes on one page run independently', async ({ page }) => {
    await page.goto('./#/learn/the-problem')
    const [first, second] = [page.getByTestId('scene').nth(0), page.getByTestId('scene').nth(1)]
    await second.getByRole('radio', { name: /Many, spread/ }).check()
    await second.getByTestId('scene-run').click()
    await expect(second.getByTestId('clock')).not.toHaveText('0:00.0')
    await second.getByTestId('scene-skip').click()
    await expect(second.getByTestId('scene-result')).toHaveAttribute('data-correct', 'true')
    expect(Number(await second.getByTestId('m-logouts').textContent())).toBeGreaterThan(100)
    // The first scene (one server) hasn't moved and knows nothing of the second one's run.
    await expect(first.getByTestId('clock')).toHaveText('0:00.0')
    await expect(first.getByTestId('m-logouts')).toHaveText('0')
    await expect(first.getByTestId('scene-result')).toHaveCount(0)
    await expect(first.getByTestId('scene-run')).toBeDisabled()
  })

  test('lesson 11 plays the same crash under the ALB: a minute of 502s, nobody logged out yet at 1:30', async ({ page }) => {
    await page.goto('./#/learn/kubernetes-and-managed-lbs')
    const alb = page.getByTestId('scene').nth(1)
    await expect(alb.getByRole('link', { name: /Open in the full lab/ })).toHaveAttribute('href', '#/lab?scenario=crash-sticky-memory&lb=alb')
    await alb.getByRole('radio', { name: /They get 502 errors/ }).check()
    await alb.getByTestId('scene-run').click()
    await alb.getByTestId('scene-skip').click()
    await expect(alb.getByTestId('scene-result')).toHaveAttribute('data-correct', 'true')
    await expect(alb.getByTestId('clock')).toHaveText('1:30.0')
    // The numbers the lesson quotes (src/features/lessons/sceneClaims.test.ts checks them headless):
    // logouts in the strip, failed requests in the panel below the scene.
    await expect(alb.getByTestId('m-logouts')).toHaveText('0')
    await alb.getByTestId('lab-more').scrollIntoViewIfNeeded()
    await expect(alb.getByTestId('m-failed')).toHaveText('198')
    const cloudflare = page.getByTestId('scene').nth(2)
    await expect(cloudflare.getByRole('link', { name: /Open in the full lab/ })).toHaveAttribute('href', '#/lab?scenario=crash-sticky-memory&lb=cloudflare')
  })

  test('"Open in the full lab" carries the scenario and the scene’s overrides', async ({ page }) => {
    await page.goto('./#/learn/techniques')
    const links = page.getByTestId('scene').getByRole('link', { name: /Open in the full lab/ })
    await expect(links.nth(2)).toHaveAttribute('href', '#/lab?scenario=ip-hash-nat-hotspot&lb=haproxy&policy=cookie')
  })
})

test.describe('migration walkthrough', () => {
  test('reaches its last step with zero unexpected logouts', async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto('./#/learn/migration-plan')
    const walk = page.getByTestId('walkthrough')
    await walk.scrollIntoViewIfNeeded()
    await expect(walk.getByTestId('walk-apply-2')).toBeDisabled()
    for (let step = 1; step <= 5; step++) {
      const apply = walk.getByTestId(`walk-apply-${step}`)
      await expect(apply).toBeEnabled({ timeout: 20_000 })
      await apply.click()
      await expect(walk.getByTestId(`walk-step-${step}`)).toContainText('Applied at')
      await expect(walk.getByTestId('walk-logouts')).toHaveText('0')
      if (step === 1) await expect(walk.getByTestId('walk-inventory')).toContainText('Server A:')
    }
    await expect(walk.getByTestId('walk-done')).toBeVisible({ timeout: 20_000 })
    await expect(walk.getByTestId('walk-logouts')).toHaveText('0')
    await expect(walk.getByTestId('walk-state')).toContainText('Routing: round-robin')
    await expect(walk.getByTestId('walk-state')).toContainText('Sessions: shared store')
  })
})

test.describe('navigation inside a lesson', () => {
  test('a deep link scrolls to its heading, and the contents list jumps between headings', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto('./#/learn/nginx#ip-hash')
    const heading = page.locator('#ip-hash')
    await expect(heading).toBeInViewport()
    const top = await heading.evaluate((el) => el.getBoundingClientRect().top)
    expect(top).toBeLessThan(120)
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Modulo vs consistent' }).click()
    await expect(page).toHaveURL(/#\/learn\/nginx#modulo-vs-consistent$/)
    await expect(page.locator('#modulo-vs-consistent')).toBeInViewport()
  })

  test('previous and next lead through the course', async ({ page }) => {
    await page.goto('./#/learn/techniques')
    const nav = page.getByRole('navigation', { name: 'Lessons' })
    await nav.getByRole('link', { name: /Next/ }).click()
    await expect(page).toHaveURL(/#\/learn\/sticky-vs-stateless$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sticky sessions vs stateless apps')
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Previous/ }).click()
    await expect(page).toHaveURL(/#\/learn\/techniques$/)
  })
})

test.describe('diagrams and code', () => {
  test('Mermaid loads only on lessons with a diagram, and redraws when the theme changes', async ({ page }) => {
    const mermaid: string[] = []
    page.on('request', (r) => /mermaid/i.test(r.url()) && mermaid.push(r.url()))
    await page.goto('./#/learn/what-are-sticky-sessions')
    await lessonReady(page)
    expect(mermaid).toEqual([])
    await gotoThemed(page, './#/learn/the-problem', 'light')
    await lessonReady(page)
    expect(mermaid.length).toBeGreaterThan(0)
    const svg = page.getByTestId('diagram').first().locator('svg').first()
    await expect(svg).toBeVisible()
    expect(await svg.evaluate((el) => el.outerHTML)).toContain('#e7f0fa')
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await expect.poll(() => svg.evaluate((el) => el.outerHTML)).toContain('#1d2a3c')
  })

  test('code is highlighted at build time and follows the theme', async ({ page }) => {
    await gotoThemed(page, './#/learn/nginx', 'light')
    const code = page.locator('pre.shiki').first()
    await expect(code).toBeVisible()
    const keyword = code.locator('span[style*="--shiki-dark"]').first()
    const light = await keyword.evaluate((el) => getComputedStyle(el).color)
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark')
    await expect.poll(() => keyword.evaluate((el) => getComputedStyle(el).color)).not.toBe(light)
  })
})
