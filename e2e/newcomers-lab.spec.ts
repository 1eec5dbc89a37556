// What newcomers tripped over in the lab (issue 14): the PNG export, stepping back, what a screen
// reader hears, Reset and the design, the Design toggle's words, jargon and the table view.
// Each test names the item of the issue it covers.

import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expectNoAxeViolationsInBothThemes } from './axe.ts'

test.describe.configure({ timeout: 90_000 })

const clock = (page: Page) => page.getByTestId('clock')
const clockMs = async (page: Page) => {
  const [m, s] = (await clock(page).textContent())!.split(':')
  return Math.round((Number(m) * 60 + Number(s)) * 1000)
}
/** What the lab's polite live region has said (react-aria's announcer keeps each message ~7 s). */
const spoken = (page: Page) => page.locator('[data-live-announcer] [aria-live="polite"]')
const lastSpoken = (page: Page) => spoken(page).locator('div').last()

async function playTo(page: Page, ms: number, speed = '16') {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed)
  await page.getByTestId('play').click()
  await expect.poll(() => clockMs(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(ms)
  await page.getByTestId('play').click()
  await expect(page.getByTestId('play')).toHaveAccessibleName('Play')
}

test.describe('stepping and narration', () => {
  test('(14.3) Step back returns the clock to the event before, and the live region says the same time', async ({ page }) => {
    await page.goto('./#/lab?scenario=cookie-affinity')
    await expect(clock(page)).toHaveText('0:00.0')
    const forward = page.getByRole('button', { name: 'Step forward one event' })
    const back = page.getByRole('button', { name: 'Step back one event' })
    for (let i = 0; i < 3; i++) await forward.click()
    const third = await clock(page).textContent()
    const newest = await page.getByTestId('event-log').locator('li').first().textContent()
    await forward.click()
    await expect(clock(page)).not.toHaveText(third!)
    await back.click()
    // Back on the third event: its time, its log entry, and the announcement agree.
    await expect(clock(page)).toHaveText(third!)
    await expect(page.getByTestId('event-log').locator('li').first()).toHaveText(newest!)
    await expect(lastSpoken(page)).toContainText(`Moved back to ${third}`)
    // All the way back to the start.
    for (let i = 0; i < 3; i++) await back.click()
    await expect(clock(page)).toHaveText('0:00.0')
    await expect(lastSpoken(page)).toContainText('Moved back to 0:00.0')
  })

  test('(14.4) moving forward is narrated: step, →, End, the crash marker, Space', async ({ page }) => {
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await page.getByRole('button', { name: 'Step forward one event' }).click()
    const at = await clock(page).textContent()
    await expect(lastSpoken(page)).toContainText(`At ${at}:`)
    // → from the lab region.
    await page.getByTestId('lab').focus()
    await page.keyboard.press('ArrowRight')
    const at2 = await clock(page).textContent()
    expect(at2).not.toBe(at)
    await expect(lastSpoken(page)).toContainText(`At ${at2}:`)
    // The crash marker on the timeline: jumping onto it says what happened there.
    await page.getByRole('button', { name: /^Jump to 0:30\.0: crash B/ }).click()
    await expect(clock(page)).toHaveText('0:30.0')
    await expect(lastSpoken(page)).toContainText('Moved to 0:30.0')
    await expect(lastSpoken(page)).toContainText('Server B crashed')
    // End on the timeline: the end of the scenario, and what happened on the way.
    await page.getByRole('slider', { name: 'Timeline' }).fill('0')
    await page.getByRole('slider', { name: 'Timeline' }).focus()
    await page.keyboard.press('End')
    await expect(clock(page)).toHaveText('1:30.0')
    await expect(lastSpoken(page)).toContainText('Moved to 1:30.0')
    await expect(lastSpoken(page)).toContainText('Server B crashed')
    await expect(lastSpoken(page)).toContainText(/unexpected logouts? so far/)
    // Space on the lab: play and pause are announced.
    await page.getByTestId('lab').focus()
    await page.keyboard.press('Space')
    await expect(lastSpoken(page)).toHaveText(/^Playing at 1×/)
    await page.keyboard.press('Space')
    await expect(lastSpoken(page)).toHaveText(/^Paused at \d:\d\d\.\d/)
  })
})

test.describe('Reset and the design', () => {
  test('(14.5) Reset keeps the chosen design; "Scenario defaults" brings the scenario’s own back', async ({ page }) => {
    await page.goto('./#/lab?scenario=scale-out-no-affinity')
    const policy = page.getByRole('combobox', { name: 'How does the LB route?' })
    await expect(policy).toHaveValue('round-robin')
    await page.getByRole('radio', { name: 'Sticky' }).check()
    await page.getByRole('slider', { name: 'Users' }).fill('20')
    await page.getByRole('button', { name: '+ Add server' }).click()
    await playTo(page, 8_000)
    await page.getByRole('button', { name: /^Reset/ }).click()
    await expect(clock(page)).toHaveText('0:00.0')
    await expect(page.getByRole('radio', { name: 'Sticky' })).toBeChecked()
    await expect(policy).toHaveValue('cookie')
    await expect(page.getByRole('slider', { name: 'Users' })).toHaveValue('20')
    await expect(page.getByTestId('server-D')).toBeVisible()
    // The design is the run's starting point now: no "your intervention" markers at 0:00.
    await expect(page.getByRole('button', { name: /\(yours\)$/ })).toHaveCount(0)
    // Playing again: nobody is logged out by a switch that no longer happens.
    await playTo(page, 30_000)
    await expect(page.getByTestId('m-logouts')).toHaveText('0')

    await page.getByRole('button', { name: 'Scenario defaults' }).click()
    await expect(clock(page)).toHaveText('0:00.0')
    await expect(policy).toHaveValue('round-robin')
    await expect(page.getByTestId('server-D')).toHaveCount(0)
    await expect(page.getByRole('button', { name: 'Scenario defaults' })).toBeDisabled()
  })

  test('(14.5) a design switch mid-run is marked, counted from, and can be replayed from the start', async ({ page }) => {
    await page.goto('./#/lab?scenario=scale-out-no-affinity')
    await expect(page.getByTestId('design-switch')).toHaveCount(0)
    await playTo(page, 20_000)
    const before = Number(await page.getByTestId('m-logouts').textContent())
    expect(before).toBeGreaterThan(0)
    const at = await clock(page).textContent()
    const atMs = await clockMs(page)
    await page.getByRole('radio', { name: 'Sticky' }).check()
    const mark = page.getByTestId('design-switch')
    await expect(mark).toContainText(`Design changed at ${at}`)
    await expect(page.getByTestId('m-logouts-since')).toHaveText(/since the switch/)
    await playTo(page, atMs + 30_000)
    const total = Number(await page.getByTestId('m-logouts').textContent())
    const since = Number((await page.getByTestId('m-logouts-since').textContent())!.match(/\d+/)![0])
    expect(total - since).toBe(before)
    // Scrubbing back before the switch: no mark; forward past it again: the mark is back.
    await page.getByRole('slider', { name: 'Timeline' }).fill(String(atMs - 5_000))
    await expect(mark).toHaveCount(0)
    await page.getByRole('slider', { name: 'Timeline' }).fill(String(atMs + 10_000))
    await mark.getByRole('button', { name: 'Replay from the start with this design' }).click()
    await expect(clock(page)).toHaveText('0:00.0')
    await expect(page.getByRole('radio', { name: 'Sticky' })).toBeChecked()
    await expect(mark).toHaveCount(0)
  })

  test('(14.8) the Design toggle names every kind of sticky routing', async ({ page }) => {
    await page.goto('./#/lab?scenario=ip-hash-nat-hotspot')
    await expect(page.getByRole('radio', { name: 'Sticky' })).toBeChecked()
    await expect(page.getByTestId('design-kind')).toHaveText('Sticky — IP hash (nginx ip_hash), sessions in server memory')
    // ClientIP is Kubernetes': nginx lists it but doesn't offer it.
    await expect(page.getByRole('option', { name: /Kubernetes ClientIP — not in nginx/ })).toBeDisabled()
    await page.goto('./#/lab?scenario=ip-hash-nat-hotspot&lb=kube-proxy')
    await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('client-ip')
    await expect(page.getByRole('radio', { name: 'Sticky' })).toBeChecked()
    await expect(page.getByTestId('design-kind')).toContainText('Sticky — Kubernetes ClientIP')
    // No affinity and sessions in memory: neither, and said so.
    await page.getByRole('combobox', { name: 'How does the LB route?' }).selectOption('least-connections')
    await expect(page.getByRole('radio', { name: 'Sticky' })).not.toBeChecked()
    await expect(page.getByRole('radio', { name: 'Stateless' })).not.toBeChecked()
    await expect(page.getByTestId('design-kind')).toContainText('Neither')
    await page.getByRole('combobox', { name: 'Where do sessions live?' }).selectOption('database')
    await expect(page.getByRole('radio', { name: 'Stateless' })).toBeChecked()
    await expect(page.getByTestId('design-kind')).toContainText('Stateless — Least connections, sessions in a database')
  })
})

test.describe('the stage as a picture', () => {
  test('(14.2) the PNG shows the session chips and none of the buttons', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto('./#/lab?scenario=cookie-affinity')
    await playTo(page, 20_000)
    const card = (await page.getByTestId('stage').locator('..').boundingBox())!
    // Where the chips and a Crash button are on screen, relative to the stage's card.
    const chips = await page.locator('[data-session]').evaluateAll((els) =>
      els.slice(0, 12).map((el) => {
        const r = el.getBoundingClientRect()
        // Left of the initials, half-way down: the chip's own colour, not a letter.
        return { x: r.left + 2.5, y: r.top + r.height / 2, fill: getComputedStyle(el).backgroundColor }
      }),
    )
    expect(chips.length).toBeGreaterThan(5)
    const crash = (await page.getByRole('button', { name: 'Crash server A' }).boundingBox())!
    await page.getByTestId('share-toggle').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()])
    const png = readFileSync((await download.path())!).toString('base64')
    const result = await page.evaluate(
      async ({ b64, chips, crash, card }) => {
        const img = new Image()
        img.src = `data:image/png;base64,${b64}`
        await img.decode()
        const c = document.createElement('canvas')
        c.width = img.width
        c.height = img.height
        const ctx = c.getContext('2d')!
        ctx.drawImage(img, 0, 0)
        // The picture is at 2× with a 16 px margin and a 68 px caption band above the stage.
        const at = (x: number, y: number) => {
          const d = ctx.getImageData(Math.round((16 + x - card.x) * 2), Math.round((68 + y - card.y) * 2), 1, 1).data
          return [d[0]!, d[1]!, d[2]!]
        }
        const rgb = (css: string) => css.match(/\d+/g)!.slice(0, 3).map(Number)
        const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) < 24)
        const chipHits = chips.filter((ch) => near(at(ch.x, ch.y), rgb(ch.fill))).length
        // The Crash button is drawn in the danger colour (border and word); its box in the picture has none.
        const bad = rgb(getComputedStyle(document.documentElement).getPropertyValue('--color-bad').trim().replace(/^#(..)(..)(..)$/, (_, r, g, b) => `${parseInt(r, 16)},${parseInt(g, 16)},${parseInt(b, 16)}`))
        let redPixels = 0
        for (let x = crash.x; x < crash.x + crash.width; x += 0.5) for (let y = crash.y; y < crash.y + crash.height; y += 0.5) if (near(at(x, y), bad)) redPixels++
        return { chipHits, redPixels }
      },
      { b64: png, chips, crash, card },
    )
    expect(result.chipHits).toBe(chips.length)
    expect(result.redPixels).toBe(0)
  })
})

test.describe('jargon', () => {
  test('(14.12) every metric tile and picker explains its term, with a way to the glossary', async ({ page }) => {
    await page.goto('./#/lab?scenario=cookie-affinity')
    for (const term of ['Unexpected logouts', 'Carts lost', 'Sessions lost', 'Failed requests', 'Imbalance (max ÷ mean)', 'p95 latency']) {
      const button = page.getByRole('button', { name: `What is “${term}”?` })
      await button.click()
      await expect(button).toHaveAttribute('aria-expanded', 'true')
      const panel = page.locator(`#${await button.getAttribute('aria-controls')}`)
      await expect(panel).toBeVisible()
      await expect(panel).not.toContainText('Loading')
      expect((await panel.textContent())!.length).toBeGreaterThan(60)
      await expect(panel.getByRole('link', { name: /glossary/i })).toHaveAttribute('href', /#\/glossary#[a-z0-9-]+$/)
      await button.click()
      await expect(panel).toBeHidden()
    }
    // The pickers: what the chosen option means, in words, with its glossary entry.
    await expect(page.getByTestId('policy-description')).toContainText('AWSALB')
    await page.getByRole('button', { name: 'What is “AWSALB”?' }).click()
    await expect(page.getByText(/AWS Application Load Balancer/).first()).toBeVisible()
    await page.getByRole('combobox', { name: 'Where do sessions live?' }).selectOption('shared')
    await expect(page.getByTestId('storage-description')).toContainText(/Redis/)
    await page.getByRole('combobox', { name: 'Where do sessions live?' }).selectOption('jwt')
    await expect(page.getByTestId('storage-description')).toContainText(/signed token/)
    await page.goto('./#/lab?scenario=crash-sticky-memory&lb=kube-proxy')
    await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('client-ip')
    await page.getByRole('button', { name: 'What is “ClientIP”?' }).click()
    await expect(page.getByText(/sessionAffinity/).first()).toBeVisible()
    // "in flight", a column of the table view.
    await page.getByRole('radio', { name: 'Table view' }).check()
    await page.getByRole('button', { name: 'What is “in flight”?' }).click()
    await expect(page.getByText(/sent to a server and not yet answered/).first()).toBeVisible()
  })

  test('(14.12) explanations pass axe in light and dark', async ({ page }) => {
    await page.goto('./#/lab?scenario=cookie-affinity')
    await page.getByRole('button', { name: 'What is “p95 latency”?' }).click()
    await page.getByRole('button', { name: 'What is “AWSALB”?' }).click()
    await expectNoAxeViolationsInBothThemes(page)
  })
})

test.describe('table view', () => {
  test('(14.15) the Servers table fits at 1366 px: no column is cut off', async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.goto('./#/lab?scenario=shared-store')
    await page.getByRole('radio', { name: 'Table view' }).check()
    const region = page.getByRole('region', { name: /Servers table/ })
    await expect(region).toBeVisible()
    const { scroll, client } = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect(scroll).toBeLessThanOrEqual(client)
    await expect(page.getByRole('columnheader', { name: 'Requests' })).toBeInViewport({ ratio: 1 })
  })
})
