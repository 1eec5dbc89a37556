// A session chip leaves its server when the session expires, even when nothing else on that server
// changes (no requests, no sweep yet): the servers column follows the clock, not only the servers.

import { expect, test, type Page } from '@playwright/test'
import LZString from 'lz-string'

const pack = (data: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(data))
const clockMs = async (page: Page) => {
  const [m, sec] = (await page.getByTestId('clock').textContent())!.split(':')
  return Math.round((Number(m) * 60 + Number(sec)) * 1000)
}

test('an idle session’s chip vanishes when it expires, before the next sweep', async ({ page }) => {
  test.setTimeout(90_000)
  // Two users, two servers, cookie affinity: user 1 lives on B. At 8 s user 1 leaves; their session
  // on B (last used at ~7.3 s) expires 10 s later. Nothing touches B again until the sweep at 60 s.
  const s = pack({ v: 1, t: 0, c: { servers: 2, users: 2, natGroups: [], sessionIdleMs: 10_000 }, i: [[8_000, { kind: 'setUsers', count: 1 }]] })
  await page.goto(`./#/lab?scenario=cookie-affinity&s=${s}`)
  await expect(page.getByTestId('shared-ready')).toBeVisible()
  const b = page.getByTestId('server-B')
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4')
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => clockMs(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(10_000)
  await page.getByRole('button', { name: 'Pause' }).click()
  await expect(b.locator('[data-session]')).toHaveCount(1)
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => clockMs(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(19_000)
  await page.getByRole('button', { name: 'Pause' }).click()
  expect(await clockMs(page)).toBeLessThan(60_000)
  await expect(b.locator('[data-session]')).toHaveCount(0)
  await expect(b).toHaveAttribute('data-sessions', '0')
})
