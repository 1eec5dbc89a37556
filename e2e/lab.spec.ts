// The journeys a learner takes through the lab (issue: the Lab), in real Chromium on the built site.

import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolationsInBothThemes } from './axe.ts'
import { inkedPixels } from './canvas.ts'

const logouts = (page: Page) => page.getByTestId('m-logouts').first()
const count = async (page: Page) => Number(await logouts(page).textContent())
const clockMs = async (page: Page) => {
  const [m, s] = (await page.getByTestId('clock').textContent())!.split(':')
  return Math.round((Number(m) * 60 + Number(s)) * 1000)
}
async function play(page: Page, speed: string) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed)
  await page.getByRole('button', { name: 'Play' }).click()
}
async function pause(page: Page) {
  await page.getByRole('button', { name: 'Pause' }).click()
}
/** The status cell of a server's row in the table view. */
const tableStatus = (page: Page, id: string) => page.getByRole('table', { name: 'Servers' }).getByRole('row', { name: new RegExp(`^${id} `) }).getByRole('cell').first()

/** Let simulated time pass (playing) until the clock reaches `ms`. */
async function runUntil(page: Page, ms: number, timeout = 45_000) {
  await expect.poll(() => clockMs(page), { timeout }).toBeGreaterThanOrEqual(ms)
}

test.describe('the lab', () => {
  test('landing scenario: logouts climb; switching to Sticky stops them', async ({ page }) => {
    await page.goto('./#/')
    await expect(logouts(page)).toHaveText('0')
    const still = await inkedPixels(page) // at most the first requests' dots, sitting at their users
    await play(page, '4')
    // Requests travel on the stage, leaving trails (drawn by the canvas worker).
    await expect.poll(() => inkedPixels(page)).toBeGreaterThan(still + 1000)
    await expect.poll(() => count(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(5)
    await page.getByRole('radio', { name: 'Sticky' }).check()
    await expect(page.getByTestId('policy-description')).toContainText('cookie SERVERID, session cookie')
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
    // Give the switch a few simulated seconds (a user whose new cookie points elsewhere logs out once).
    const switchedAt = await clockMs(page)
    await runUntil(page, switchedAt + 15_000)
    const settled = await count(page)
    await runUntil(page, switchedAt + 45_000)
    expect(await count(page)).toBe(settled)
  })

  test('crash a server under Sticky: its chips vanish and exactly its users are logged out', async ({ page }) => {
    test.setTimeout(150_000)
    await page.goto('./#/lab?scenario=cookie-affinity')
    await play(page, '16')
    await runUntil(page, 20_000)
    await pause(page)
    const b = page.getByTestId('server-B')
    const owners = await b.locator('[data-session]').evaluateAll((els) => els.map((e) => e.getAttribute('title')!.split("'s ")[0]!))
    expect(owners.length).toBeGreaterThan(2)
    expect(await count(page)).toBe(0)
    // Watch B's chips as it crashes: they should spin away (leave with an animation), not just blink out.
    const spun = page.evaluate(
      () =>
        new Promise<number>((done) => {
          const server = document.querySelector('[data-testid="server-B"]')!
          let most = 0
          const watch = new MutationObserver(() => (most = Math.max(most, server.querySelectorAll('.chip-leave[data-leaving]').length)))
          watch.observe(server, { subtree: true, childList: true, attributes: true })
          setTimeout(() => (watch.disconnect(), done(most)), 2_000)
        }),
    )
    await page.getByRole('button', { name: 'Crash server B' }).click()
    await expect(page.getByTestId('server-B-status')).toContainText('crashed')
    await expect(b.locator('[data-session]')).toHaveCount(0)
    expect(await spun).toBe(owners.length)
    await expect(b.locator('[data-leaving]')).toHaveCount(0)
    await play(page, '16')
    const crashedAt = await clockMs(page)
    await runUntil(page, crashedAt + 180_000, 100_000)
    await pause(page)
    await page.getByRole('radio', { name: 'Table view' }).check()
    await expect(page.getByRole('table', { name: 'Users' })).toBeVisible()
    const rows = await page
      .getByRole('table', { name: 'Users' })
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('[data-name]')!.textContent!,
          lastServer: tr.children[3]!.textContent!.trim(),
          logouts: Number(tr.lastElementChild!.textContent),
        })),
      )
    const victims = rows.filter((r) => r.logouts > 0).map((r) => r.name)
    // Only B's users were logged out, each once, and the counter says so…
    for (const v of victims) expect(owners).toContain(v)
    expect(await count(page)).toBe(rows.reduce((n, r) => n + r.logouts, 0))
    expect(rows.every((r) => r.logouts <= 1)).toBe(true)
    // …and every one of B's users who has been back since the crash was (the rest are still away, last seen on B).
    for (const o of owners) if (!victims.includes(o)) expect(rows.find((r) => r.name === o)!.lastServer).toBe('B')
    expect(victims.length).toBeGreaterThan(owners.length / 2)
  })

  test('reduced motion, from the in-app switch or the system: chips appear and vanish without animating', async ({ page }) => {
    await page.goto('./#/lab?scenario=cookie-affinity')
    await play(page, '16')
    await runUntil(page, 10_000)
    await pause(page)
    const motion = () => page.evaluate(() => document.documentElement.dataset.motion ?? '')
    const chipAnimation = () => page.getByTestId('server-B').locator('[data-session]').first().evaluate((el) => getComputedStyle(el).animationName)
    expect(await motion()).toBe('')
    expect(await chipAnimation()).toBe('chip-enter')
    const toggle = page.getByRole('switch', { name: 'Reduce motion' })
    await toggle.check()
    expect(await motion()).toBe('reduce')
    expect(await chipAnimation()).toBe('none')
    // Crash B: its chips go at once; none stays on screen to spin away.
    const lingered = page.evaluate(
      () =>
        new Promise<number>((done) => {
          const server = document.querySelector('[data-testid="server-B"]')!
          let most = 0
          const shown = () => [...server.querySelectorAll<HTMLElement>('.chip-leave')].filter((el) => getComputedStyle(el).display !== 'none').length
          const watch = new MutationObserver(() => (most = Math.max(most, shown())))
          watch.observe(server, { subtree: true, childList: true, attributes: true })
          setTimeout(() => (watch.disconnect(), done(most)), 1_500)
        }),
    )
    await page.getByRole('button', { name: 'Crash server B' }).click()
    await expect(page.getByTestId('server-B').locator('[data-session]')).toHaveCount(0)
    expect(await lingered).toBe(0)
    // Switched back, the system's setting still counts.
    await toggle.uncheck()
    expect(await motion()).toBe('')
    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await page.getByTestId('server-A').locator('[data-session]').first().evaluate((el) => getComputedStyle(el).animationName)).toBe('none')
  })

  test('Stateless: crash a server and nobody is logged out', async ({ page }) => {
    await page.goto('./#/')
    await page.getByRole('radio', { name: 'Stateless' }).check()
    await expect(page.getByTestId('store-node')).toBeVisible()
    await play(page, '16')
    await runUntil(page, 20_000)
    const before = await count(page)
    await page.getByRole('button', { name: 'Crash server B' }).click()
    await expect(page.getByTestId('server-B-status')).toContainText('crashed')
    const crashedAt = await clockMs(page)
    await runUntil(page, crashedAt + 40_000)
    expect(await count(page)).toBe(before)
    await expect(page.getByTestId('m-sessions')).toHaveText('0')
  })

  test('step back and scrub: an earlier moment shows exactly what it showed before', async ({ page }) => {
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await page.getByRole('radio', { name: 'Table view' }).check()
    const timeline = page.getByRole('slider', { name: 'Timeline' })
    const snapshot = async () => ({
      clock: await page.getByTestId('clock').textContent(),
      metrics: await page.getByTestId('metrics').innerText(),
      servers: await page.getByRole('table', { name: 'Servers' }).innerText(),
      users: await page.getByRole('table', { name: 'Users' }).innerText(),
    })
    await timeline.fill('34000')
    await expect(page.getByTestId('clock')).toHaveText('0:34.0')
    const at34 = await snapshot()
    // HAProxy marks B DOWN after 3 failed checks 2 s apart, at 0:36.
    await expect(tableStatus(page, 'B')).toHaveText('crashed (LB hasn’t noticed yet)')
    // Later, then back again.
    await timeline.fill('60000')
    await expect(page.getByTestId('clock')).toHaveText('1:00.0')
    await timeline.fill('34000')
    await expect(page.getByTestId('clock')).toHaveText('0:34.0')
    expect(await snapshot()).toEqual(at34)
    // Before the crash, B was up.
    await timeline.fill('29000')
    await expect(tableStatus(page, 'B')).toHaveText('up')
    // Step forward twice; one back and one forward again lands on the same moment.
    await page.getByRole('button', { name: 'Step forward one event' }).click()
    await page.getByRole('button', { name: 'Step forward one event' }).click()
    const two = await snapshot()
    await page.getByRole('button', { name: 'Step back one event' }).click()
    expect((await snapshot()).metrics + (await snapshot()).users).not.toBe('')
    await page.getByRole('button', { name: 'Step forward one event' }).click()
    expect(await snapshot()).toEqual(two)
  })

  test('the whole lab works from the keyboard alone', async ({ page }) => {
    await page.goto('./#/lab?scenario=cookie-affinity')
    const lab = page.getByTestId('lab')
    // Tab from the top of the page until the lab region has focus.
    for (let i = 0; i < 15 && !(await lab.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    await expect(lab).toBeFocused()
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
    // → steps one event forward: a new entry tops the event log.
    const newest = page.getByTestId('event-log').locator('li').first()
    const before = await newest.textContent()
    await page.keyboard.press('ArrowRight')
    await expect(newest).not.toHaveText(before!)
    // ← steps back: the log shows the earlier newest entry again.
    await page.keyboard.press('ArrowLeft')
    await expect(newest).toHaveText(before!)
    await page.keyboard.press('?')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden()
    // Reach the Crash button for server B by tabbing, and press it.
    const crashB = page.getByRole('button', { name: 'Crash server B' })
    for (let i = 0; i < 80 && !(await crashB.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    await expect(crashB).toBeFocused()
    const outline = await crashB.evaluate((el) => getComputedStyle(el).outlineStyle)
    expect(outline).not.toBe('none')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('server-B-status')).toContainText('crashed')
    // Shortcuts can be turned off.
    await page.getByRole('switch', { name: 'Keyboard shortcuts' }).focus()
    await page.keyboard.press('Space')
    await expect(page.getByRole('switch', { name: 'Keyboard shortcuts' })).not.toBeChecked()
    await lab.focus()
    await page.keyboard.press('Space')
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible()
  })

  test('scenario picker, table view and live updates (the text view of the engine)', async ({ page }) => {
    await page.goto('./#/lab')
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Sessions in a shared store' })
    await expect(page).toHaveURL(/scenario=shared-store/)
    await expect(page.getByTestId('watch')).toContainText('nobody is logged out')
    await page.getByRole('radio', { name: 'Table view' }).check()
    const servers = page.getByRole('table', { name: 'Servers' })
    await expect(servers.locator('tbody tr')).toHaveCount(4) // A, B, C and the shared store
    await play(page, '16')
    await runUntil(page, 35_000)
    await pause(page)
    // nginx has no health checks: the first request B refused marked it failed.
    await expect(tableStatus(page, 'B')).toHaveText('crashed (nginx marked it failed)')
    await expect(page.getByRole('table', { name: 'Users' }).locator('tbody tr')).toHaveCount(18)
    await expect(page.getByRole('table', { name: 'Users' })).toContainText('logged in')
  })

  test('an unknown scenario in the URL: a plain notice and the default scene', async ({ page }) => {
    await page.goto('./#/lab?scenario=%3Cscript%3Ealert(1)%3C/script%3E')
    await expect(page.getByTestId('notice')).toContainText('There is no scenario called “<script>alert(1)</script>”')
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('scale-out-no-affinity')
  })

  test('axe: no violations on #/ and #/lab, light and dark', async ({ page }) => {
    await page.goto('./#/')
    await expect(page.getByTestId('lab')).toBeVisible()
    await expectNoAxeViolationsInBothThemes(page)
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await page.getByRole('radio', { name: 'Table view' }).check()
    await expectNoAxeViolationsInBothThemes(page)
    // Two intervention markers close together on the timeline.
    await page.goto('./#/lab?scenario=store-outage')
    await expect(page.getByTestId('lab')).toBeVisible()
    await expectNoAxeViolationsInBothThemes(page)
  })

  for (const [name, width, height] of [
    ['phone', 390, 844],
    ['desktop', 1440, 1000],
  ] as const) {
    test(`screenshot at ${name} width`, async ({ page }, info) => {
      await page.setViewportSize({ width, height })
      await page.goto('./#/lab?scenario=crash-sticky-memory')
      await page.getByRole('slider', { name: 'Timeline' }).fill('36000')
      await expect(page.getByTestId('server-B-status')).toContainText('crashed')
      // The stage must fit the viewport: nothing scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await page.screenshot({ path: info.outputPath(`lab-${name}.png`), fullPage: true })
    })
  }
})
