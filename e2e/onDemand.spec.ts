// The lab's on-demand parts (lab-ui/onDemand.tsx, docs/DECISIONS.md 2026-11-30 "Lab parts load on
// demand"): an embed's first load fetches neither the page parts nor the narrator; opening "More
// controls" fetches the parts; a part whose file can't be fetched says so and the lab keeps working.

import { expect, test } from '@playwright/test'
import { inkedPixels } from './canvas.ts'

// A routed request still in flight when a test ends must not fail the worker (it did once in CI).
test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }))

const EMBED = './embed.html?scenario=ip-hash-nat-hotspot&controls=full'

// The offline service worker would fetch the parts itself, past page.route.
test.use({ serviceWorkers: 'block' })

test('an embed loads the lab beyond its first screen only when asked, and says so if it cannot', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname)
  })
  // The parts' file can't be fetched (as offline before it was cached).
  await page.route(/\/assets\/lab-page-[^/]*\.js$/, (route) => route.abort('internetdisconnected'))
  await page.goto(EMBED)
  await expect(page.getByTestId('stage-card')).toBeVisible()
  await page.waitForTimeout(500)
  expect(scripts.filter((s) => /\/(lab-page|narrator)-/.test(s))).toEqual([])

  await page.getByTestId('more-controls').click()
  await expect(page.getByTestId('part-failed')).toContainText('More controls could not be loaded')
  // The rest of the lab still works: it plays, and the narrator arrives with that first change.
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible()
  await expect.poll(() => scripts.some((s) => /\/narrator-/.test(s))).toBe(true)
})

test('#/lab on a desk shows its side column with the lab, not after it', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('./#/lab?scenario=crash-sticky-memory')
  await expect(page.getByTestId('lab')).toHaveAttribute('data-arrangement', 'desk')
  await expect(page.getByTestId('design-kind')).toContainText('Sticky')
  await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toBeVisible()
  await expect(page.getByTestId('part-failed')).toHaveCount(0)
})

test('the share menu loads its link writer when asked: the lab does not fetch it first, and a failed fetch says so', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname)
  })
  let block = true
  await page.route(/\/assets\/encode-[^/]*\.js$/, (route) => (block ? route.abort('internetdisconnected') : route.continue()))
  await page.goto('./#/lab?scenario=crash-sticky-memory')
  await expect(page.getByTestId('stage-card')).toBeVisible()
  await page.waitForTimeout(500)
  expect(scripts.filter((s) => /\/(encode|lz-string)-/.test(s))).toEqual([])

  await page.getByTestId('share-toggle').click()
  await expect(page.getByTestId('share-status')).toContainText('could not be written')
  await page.getByTestId('share-toggle').click()
  // The connection is back: the next press loads it and shows the link.
  block = false
  await page.getByTestId('share-toggle').click()
  await expect(page.getByTestId('share-link')).toHaveValue(/#\/lab\?scenario=crash-sticky-memory&/)
  await expect(page.getByTestId('share-status')).toHaveText('')
})

test('an embed fetches the request painter with the first request in motion, and the "?" panels with the first "?"', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname)
  })
  await page.goto('./embed.html?scenario=crash-sticky-memory&controls=minimal')
  await expect(page.getByTestId('stage-card')).toBeVisible()
  await page.waitForTimeout(500)
  expect(scripts.filter((s) => /\/(requestCanvas\.worker|ExplainPanel)-/.test(s))).toEqual([])
  await expect.poll(() => inkedPixels(page)).toBe(0)

  // Played: the worker's script arrives and the canvas draws requests in flight.
  await page.getByRole('button', { name: 'Play' }).click()
  await expect.poll(() => scripts.some((s) => /\/requestCanvas\.worker-/.test(s))).toBe(true)
  await expect.poll(() => inkedPixels(page), { timeout: 10_000 }).toBeGreaterThan(0)

  // A "?" pressed before its panel's code is here opens once it has arrived (no hover first: a tap).
  const button = page.getByRole('button', { name: 'What is “Unexpected logouts”?' })
  await button.dispatchEvent('click')
  await expect(button).toHaveAttribute('aria-expanded', 'true')
  expect(scripts.some((s) => /\/ExplainPanel-/.test(s))).toBe(true)
  const panel = page.locator(`#${await button.getAttribute('aria-controls')}`)
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('More in the glossary')
})

test('a load balancer’s hashing arrives with the first run that routes by it: an embed never fetches it, the lab when asked', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname)
  })
  const parts = () => scripts.filter((s) => /\/(haproxyHash|nginxHash|nginxIpHash)-/.test(s))
  await page.goto('./embed.html?scenario=crash-sticky-memory&controls=minimal')
  await expect(page.getByTestId('stage-card')).toBeVisible()
  await page.waitForTimeout(500)
  expect(parts()).toEqual([])

  // HAProxy under ip-hash: `balance source` loads, and routes.
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto('./#/lab?scenario=crash-sticky-memory')
  await page.getByRole('combobox', { name: 'How does the LB route?' }).selectOption('ip-hash')
  await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('ip-hash')
  await expect.poll(() => parts().some((s) => /\/haproxyHash-/.test(s))).toBe(true)
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByTestId('lb-decision').first()).toContainText('balance source', { timeout: 10_000 })

  // nginx's one-click Sticky is `hash … consistent`: switching to it fetches nginx's ring, then routes by it.
  // On a slow connection the toggle shows the reader's choice at once, and the run changes when the ring lands.
  await page.route(/\/nginxHash-[^/]*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1500))
    await route.continue()
  })
  await page.goto('./#/lab?scenario=shared-store')
  await page.getByRole('radio', { name: 'Sticky' }).check()
  await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('round-robin')
  await expect(page.getByTestId('design-kind')).toHaveText('Switching to Sticky — loading the load balancer’s routing…')
  await expect.poll(() => parts().some((s) => /\/nginxHash-/.test(s))).toBe(true)
  await expect(page.getByRole('combobox', { name: 'How does the LB route?' })).toHaveValue('hash-consistent')
  await page.getByRole('button', { name: 'Play' }).click()
  await expect(page.getByTestId('lb-decision').first()).toContainText('ring(uid=', { timeout: 10_000 })
})
