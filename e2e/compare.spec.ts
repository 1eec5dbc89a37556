// The compare view (issue 7): designs side by side on the same traffic, one clock, one set of
// interventions, a scoreboard and live charts — in real Chromium on the built site.

import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolationsInBothThemes } from './axe.ts'

const columns = (page: Page) => page.getByTestId('compare-column')
const colClocks = (page: Page) => page.getByTestId('col-clock').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.ms)))
const colNumbers = (page: Page, id: string) => page.getByTestId(id).evaluateAll((els) => els.map((e) => Number(e.textContent)))
const serverStatus = (page: Page, id: string) => page.getByTestId(`col-server-${id}`).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.status))

async function play(page: Page, speed: string) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption(speed)
  await page.getByRole('button', { name: 'Play' }).click()
}
async function pause(page: Page) {
  await page.getByRole('button', { name: 'Pause' }).click()
}
/** Let simulated time pass (playing) until every column's clock reaches `ms`. */
async function runUntil(page: Page, ms: number, timeout = 60_000) {
  await expect.poll(async () => Math.min(...(await colClocks(page))), { timeout }).toBeGreaterThanOrEqual(ms)
}
async function scrub(page: Page, ms: number) {
  await page.getByTestId('compare-timeline').fill(String(ms))
}

test.describe('compare designs', () => {
  test('sticky vs stateless with a crash: logouts only in the sticky column, best marked in the scoreboard', async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto('./#/compare?preset=sticky-vs-stateless')
    await expect(columns(page)).toHaveCount(2)
    await expect(columns(page).nth(0).getByRole('heading')).toContainText('Sticky')
    await expect(columns(page).nth(1).getByRole('heading')).toContainText('Stateless')
    await play(page, '16')
    await runUntil(page, 60_000)
    await pause(page)
    // The scenario's crash of B (0:30) happened in both columns…
    expect(await serverStatus(page, 'B')).toEqual(['crashed', 'crashed'])
    // …and only the design with sessions in server memory logged anyone out.
    const [sticky, stateless] = await colNumbers(page, 'col-logouts')
    expect(sticky).toBeGreaterThan(0)
    expect(stateless).toBe(0)
    const row = page.getByTestId('score-logouts')
    await expect(row.getByRole('cell').nth(0)).toHaveText(String(sticky))
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^0\s*★\s*best$/)
    await expect(row.getByRole('cell').nth(1)).toHaveAttribute('data-best', 'true')
    await expect(row.getByRole('cell').nth(0)).toHaveAttribute('data-best', 'false')
    // The chart's data table tells the same story as the counters.
    const chart = page.getByTestId('logouts-chart')
    await expect(chart.locator('canvas')).toHaveCount(1)
    await chart.getByText('Show data').click()
    const last = chart.getByRole('table').locator('tbody tr').last()
    await expect(last.getByRole('cell')).toHaveText([String(sticky), '0'])
  })

  test('one control crashes the same server in every design', async ({ page }) => {
    await page.goto('./#/compare?preset=memory-vs-store-vs-jwt')
    await expect(columns(page)).toHaveCount(3)
    await play(page, '4')
    await runUntil(page, 5_000)
    await pause(page)
    await page.getByRole('combobox', { name: 'Server', exact: true }).selectOption('A')
    await page.getByRole('button', { name: 'Crash A' }).click()
    expect(await serverStatus(page, 'A')).toEqual(['crashed', 'crashed', 'crashed'])
    await expect(page.getByRole('button', { name: /: crash A \(yours\)$/ })).toHaveCount(1)
    await expect(page.getByRole('button', { name: 'Restart A' })).toBeVisible()
  })

  test('lock-step: play, scrub and step move every column to the same moment and the same state', async ({ page }) => {
    test.setTimeout(120_000)
    await page.goto('./#/compare?preset=memory-vs-store-vs-jwt')
    await play(page, '16')
    await runUntil(page, 50_000)
    await pause(page)
    const paused = await colClocks(page)
    expect(new Set(paused).size).toBe(1)

    await scrub(page, 40_000)
    await expect.poll(() => colClocks(page)).toEqual([40_000, 40_000, 40_000])
    await expect(page.getByTestId('compare-clock')).toHaveText('0:40.0')
    expect(await serverStatus(page, 'B')).toEqual(['crashed', 'crashed', 'crashed'])
    const at40 = { logouts: await colNumbers(page, 'col-logouts'), carts: await colNumbers(page, 'col-carts') }
    expect(at40.logouts[0]).toBeGreaterThan(0) // memory: logged out
    expect(at40.logouts[1]).toBe(0) // shared store: nothing lost
    expect(at40.carts[2]).toBeGreaterThan(0) // JWT: logged in, but carts in memory are gone

    await scrub(page, 20_000)
    await expect.poll(() => colClocks(page)).toEqual([20_000, 20_000, 20_000])
    expect(await serverStatus(page, 'B')).toEqual(['up', 'up', 'up'])
    expect(await colNumbers(page, 'col-logouts')).toEqual([0, 0, 0])

    // Back to 0:40: exactly the same state as before (the runs are deterministic and in step).
    await scrub(page, 40_000)
    await expect.poll(() => colClocks(page)).toEqual([40_000, 40_000, 40_000])
    expect({ logouts: await colNumbers(page, 'col-logouts'), carts: await colNumbers(page, 'col-carts') }).toEqual(at40)

    await page.getByRole('button', { name: 'Step forward one event' }).click()
    await expect.poll(async () => new Set(await colClocks(page)).size).toBe(1)
    expect((await colClocks(page))[0]).toBeGreaterThan(40_000)
  })

  test('the setup is in the URL: a link reproduces it, edits update it, bad input falls back with a message', async ({ page }) => {
    await page.goto('./#/compare?scenario=consistent-hash-scaling&cols=hash.memory,hash-consistent.memory.s4,round-robin.jwt.deny&users=25')
    await expect(columns(page)).toHaveCount(3)
    await expect(columns(page).nth(1)).toHaveAttribute('data-design', 'hash-consistent.memory.s4')
    await expect(columns(page).nth(2).getByRole('heading')).toHaveText('3. Round robin + JWT (deny list)')
    await expect(page.getByRole('combobox', { name: 'Users', exact: true })).toHaveValue('25')
    await expect(page.getByTestId('col-server-D')).toHaveCount(1) // only design 2 has a fourth server
    await expect(page.getByTestId('score-revocation').getByRole('cell')).toHaveText(['yes', 'yes', 'yes'])

    // Keyboard: the new design replaces the run, but the control keeps focus.
    const routing = page.getByRole('combobox', { name: 'Routing (design 1)' })
    await routing.focus()
    await page.keyboard.press('ArrowUp')
    await expect(page).toHaveURL(/cols=ip-hash\.memory,hash-consistent/)
    await expect(routing).toBeFocused()
    // The scenario runs nginx, which lists cookie affinity but doesn't offer it (no `sticky` in 1.22).
    await expect(routing.getByRole('option', { name: /Cookie affinity — not in nginx/ })).toBeDisabled()
    await routing.selectOption('least-connections')
    await expect(page).toHaveURL(/cols=least-connections\.memory,hash-consistent\.memory\.s4,round-robin\.jwt\.deny/)
    await page.getByRole('button', { name: 'Remove design 3' }).click()
    await expect(columns(page)).toHaveCount(2)
    await expect(page).toHaveURL(/cols=least-connections\.memory,hash-consistent\.memory\.s4&users=25/)

    await page.getByRole('combobox', { name: 'Preset' }).selectOption('ip-hash-vs-cookie')
    await expect(page).toHaveURL(/#\/compare\?preset=ip-hash-vs-cookie$/)
    await page.reload()
    await expect(columns(page).nth(0)).toHaveAttribute('data-design', 'ip-hash.memory')
    await expect(columns(page).nth(1)).toHaveAttribute('data-design', 'cookie.memory.lb-haproxy')

    await page.goto('./#/compare?cols=cookie.memory,teleport.memory')
    await expect(page.getByTestId('notice')).toContainText('“teleport” is not a routing policy.')
    await expect(page.getByTestId('notice')).toContainText('Showing the “Sticky vs stateless” preset instead.')
    await expect(columns(page)).toHaveCount(2)
    await expect(columns(page).nth(0)).toHaveAttribute('data-design', 'cookie.memory')
  })

  test('no accessibility violations, light and dark', async ({ page }) => {
    test.setTimeout(150_000)
    await page.goto('./#/compare?preset=memory-vs-store-vs-jwt')
    await play(page, '16')
    await runUntil(page, 35_000)
    await pause(page)
    await page.getByTestId('logouts-chart').getByText('Show data').click()
    await columns(page).nth(0).getByText('Options').click()
    await expectNoAxeViolationsInBothThemes(page)
  })

  test('phone width: columns stack; wide screen: side by side', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('./#/compare?scenario=crash-sticky-memory&cols=cookie.memory,round-robin.shared,cookie.jwt,hash.memory')
    await expect(columns(page)).toHaveCount(4)
    const narrow = await columns(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))
    for (let i = 1; i < narrow.length; i++) expect(narrow[i]!.top).toBeGreaterThanOrEqual(narrow[i - 1]!.bottom)
    for (const box of narrow) expect(box.right).toBeLessThanOrEqual(390)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)

    await page.setViewportSize({ width: 1440, height: 900 })
    await expect.poll(() => columns(page).evaluateAll((els) => new Set(els.map((e) => Math.round(e.getBoundingClientRect().top))).size)).toBe(1)
  })

  test('the lab’s metrics panel shows a load sparkline per server', async ({ page }) => {
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await play(page, '8')
    // A trend line each (SVG: no chart library in the lab's first download).
    for (const id of ['A', 'B', 'C']) await expect(page.getByRole('img', { name: new RegExp(`^Server ${id} load, last \\d+ s`) }).locator('polyline')).toHaveCount(1)
  })
})
