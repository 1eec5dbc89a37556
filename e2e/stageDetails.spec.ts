// What newcomers tripped over in the stage (issue 14): "logged out" said of people who never logged
// in (6), a home page that never said what a sticky session is (7), repeated session chips with no
// legend (13), request lines over the load balancer's words (16), a draining server with no
// countdown (17), and keyboard-shortcut controls on touch screens (18). Tapping a user on a phone
// shows their details over the stage, where the reader is looking (issue 13).

import { expect, test, type Page } from '@playwright/test'

async function seek(page: Page, ms: number) {
  await page.getByRole('slider', { name: 'Timeline' }).fill(String(ms))
}

/** Pixels the request canvas has painted inside an element's box (the canvas covers the stage). */
function inkUnder(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const layer = document.querySelector<HTMLCanvasElement>('[data-testid="stage"] [data-testid="request-layer"]')
    const target = document.querySelector(sel)
    if (!layer || !target || layer.width === 0) return 0
    const scratch = document.createElement('canvas')
    scratch.width = layer.width
    scratch.height = layer.height
    const ctx = scratch.getContext('2d')!
    ctx.drawImage(layer, 0, 0)
    const canvasBox = layer.getBoundingClientRect()
    const box = target.getBoundingClientRect()
    const sx = layer.width / canvasBox.width
    const sy = layer.height / canvasBox.height
    const x0 = Math.max(0, Math.floor((box.left - canvasBox.left) * sx))
    const y0 = Math.max(0, Math.floor((box.top - canvasBox.top) * sy))
    const x1 = Math.min(layer.width, Math.ceil((box.right - canvasBox.left) * sx))
    const y1 = Math.min(layer.height, Math.ceil((box.bottom - canvasBox.top) * sy))
    if (x1 <= x0 || y1 <= y0) return 0
    const data = ctx.getImageData(x0, y0, x1 - x0, y1 - y0).data
    let n = 0
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
    return n
  }, selector)
}

test.describe('the stage, as newcomers read it (issue 14)', () => {
  test('item 6: nobody reads "logged out" before logging in; an unexpected logout says so, in stage, table and names', async ({ page }) => {
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await seek(page, 2_000)
    const names = await page.locator('[data-testid="stage"] [data-testid^="user-"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
    expect(names.length).toBe(18)
    for (const n of names) expect(n).not.toMatch(/logged out/)
    expect(names.some((n) => /on the login page|opening the shop|not arrived yet/.test(n))).toBe(true)
    // After B crashes (0:30) and HAProxy's three tries 1 s apart give up on it, B's users were logged
    // out unexpectedly — and say exactly that.
    await seek(page, 36_000)
    await expect.poll(() => page.locator('[data-testid="stage"] [aria-label*="logged out unexpectedly"]').count()).toBeGreaterThan(0)
    const after = await page.locator('[data-testid="stage"] [data-testid^="user-"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
    for (const n of after) expect(n).not.toMatch(/logged in.*just logged out/)
    await page.getByRole('radio', { name: 'Table view' }).check()
    await expect(page.getByRole('table', { name: 'Users' })).toBeVisible()
    const states = await page.getByRole('table', { name: 'Users' }).locator('tbody tr td:nth-child(3)').allTextContents()
    expect(states).toContain('logged out unexpectedly')
    expect(states.filter((s) => s === 'logged out')).toEqual([])
  })

  test('item 7: the home page says what a sticky session is and leads to lesson 2 and the cards', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto('./#/')
    await expect(page.getByTestId('definition')).toContainText(/A sticky session means the load balancer sends each user back to the same server/)
    await expect(page.getByTestId('stage')).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('link', { name: /Flashcards/ })).toHaveAttribute('href', '#/cards')
    await page.getByRole('link', { name: /Lesson: what are sticky sessions/ }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What are sticky sessions?')
    // Phones: the same ways on, after the lab (the scene keeps the first screen).
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('./#/')
    await expect(page.getByTestId('stage')).toBeInViewport({ ratio: 1 })
    await expect(page.getByRole('link', { name: /Lesson: what are sticky sessions/ })).toBeVisible()
  })

  test('item 13: repeated session chips are marked stale and explained by a legend', async ({ page }) => {
    await page.goto('./#/lab?scenario=scale-out-no-affinity')
    await seek(page, 40_000)
    await expect(page.getByTestId('stale-legend')).toBeVisible()
    await expect(page.getByTestId('stale-legend')).toContainText('stale session from an earlier login')
    expect(await page.locator('[data-testid="stage"] [data-stale]').count()).toBeGreaterThan(0)
    // One session per user under cookie affinity: no stale chips, no legend.
    await page.goto('./#/lab?scenario=cookie-affinity')
    await seek(page, 40_000)
    await expect(page.getByTestId('server-A')).toHaveAttribute('data-sessions', /[1-9]/)
    await expect(page.getByTestId('stale-legend')).toHaveCount(0)
  })

  test('item 16: request lines never draw over the load balancer’s label, policy or latest decision', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.goto('./#/lab?scenario=cookie-affinity&users=60')
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('4')
    await page.getByTestId('play').click()
    await page.waitForTimeout(1_500)
    let total = 0
    for (let i = 0; i < 12; i++) {
      await page.waitForTimeout(150)
      // Lines are being drawn…
      total += await inkUnder(page, '[data-testid="stage"]')
      // …but not over the words.
      expect(await inkUnder(page, '[data-testid="lb-policy"]'), 'ink over the policy').toBe(0)
      expect(await inkUnder(page, '[data-testid="lb-decision"]'), 'ink over the latest decision').toBe(0)
      expect(await inkUnder(page, 'section[aria-label="Load balancer"] h3'), 'ink over the label').toBe(0)
    }
    expect(total).toBeGreaterThan(1_000)
  })

  test('item 17: a draining server shows its countdown and its pinned users, on the stage and in the table', async ({ page }) => {
    // HAProxy keeps cookie holders on a draining server until the timeout (an ALB moves them at once).
    await page.goto('./#/lab?scenario=cookie-affinity&lb=haproxy')
    await seek(page, 20_000)
    await page.getByTestId('server-A').getByText('Remove A…').click()
    await page.getByRole('button', { name: 'Drain' }).click()
    await seek(page, 25_000)
    const status = page.getByTestId('server-A-status')
    await expect(status).toHaveText(/^draining · \d+ pinned · 4:55 left$/)
    await expect(page.getByTestId('server-A-facts')).toContainText(/draining: \d+ pinned users?, 4:55 to the drain timeout/)
    await seek(page, 85_000)
    await expect(status).toHaveText(/^draining · \d+ pinned · 3:55 left$/)
    await page.getByRole('radio', { name: 'Table view' }).check()
    await expect(page.getByRole('table', { name: 'Servers' }).getByRole('row', { name: /^A / })).toContainText(/draining: \d+ pinned users?, 3:55 to the drain timeout/)
  })

  test('item 18: touch screens get no keyboard-shortcut switch or help; keyboards do', async ({ browser }) => {
    const touch = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    const phone = await touch.newPage()
    await phone.goto('./#/lab')
    await expect(phone.getByRole('switch', { name: 'Reduce motion' })).toBeAttached()
    await expect(phone.getByRole('switch', { name: 'Keyboard shortcuts' })).toHaveCount(0)
    await expect(phone.getByRole('button', { name: 'Shortcuts help' })).toHaveCount(0)
    await touch.close()
    const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    const laptop = await desk.newPage()
    await laptop.goto('./#/lab')
    await expect(laptop.getByRole('switch', { name: 'Keyboard shortcuts' })).toBeVisible()
    await expect(laptop.getByRole('button', { name: 'Shortcuts help' })).toBeVisible()
    await desk.close()
  })

  test('issue 13: on a phone, pressing Play shows the stage moving, and tapping a user shows their details over it', async ({ browser }) => {
    const touch = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true })
    const page = await touch.newPage()
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    // Scrolled down to the controls, the reader presses Play: the stage comes back into view.
    await page.getByTestId('jump-to-more').click()
    await expect(page.getByTestId('stage')).not.toBeInViewport()
    await page.getByTestId('play').click()
    await expect(page.getByTestId('stage')).toBeInViewport({ ratio: 0.9 })
    await expect.poll(async () => page.getByTestId('clock').textContent()).not.toBe('0:00.0')
    await page.getByTestId('play').click()
    await page.getByTestId('user-3').tap()
    const detail = page.getByTestId('user-detail')
    await expect(detail).toBeInViewport({ ratio: 1 })
    const stage = (await page.getByTestId('stage').boundingBox())!
    const box = (await detail.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(stage.y - 1)
    expect(box.y + box.height).toBeLessThanOrEqual(stage.y + stage.height + 1)
    await touch.close()
  })
})
