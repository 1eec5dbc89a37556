// The "proven on real software" badge (src/lab-ui/proof) under the lab and the lesson scenes, and the
// #/real page it links to.

import { expect, test } from '@playwright/test'

test('the lab says whether its scenario and design are proven on real software, and links to #/real', async ({ page }) => {
  await page.goto('./#/lab?scenario=ip-hash-nat-hotspot')
  const badge = page.getByTestId('proof-badge')
  await expect(badge).toHaveText(/Proven on real nginx/)
  await expect(badge).toHaveAttribute('data-proven', 'yes')
  await badge.getByRole('link', { name: 'how real is this?' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Proven on real software' })).toBeVisible()
  await expect(page.getByText('npm run real -- --scenario ip-hash-nat-hotspot --compare', { exact: false })).toBeVisible()
})

test('a managed load balancer is simulation only, with why', async ({ page }) => {
  await page.goto('./#/lab?scenario=cookie-affinity')
  await expect(page.getByTestId('proof-badge')).toHaveText(/Simulation only — an AWS Application Load Balancer is a managed service/)
})

test('every lesson scene carries the badge', async ({ page }) => {
  await page.goto('./#/learn/what-are-sticky-sessions')
  const scenes = page.getByTestId('scene')
  await expect(scenes.first()).toBeVisible()
  const n = await scenes.count()
  for (let i = 0; i < n; i++) await expect(scenes.nth(i).getByTestId('proof-badge')).toBeVisible()
})
