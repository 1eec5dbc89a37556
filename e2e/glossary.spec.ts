// The glossary page (#/glossary, issue 14 item 12): every term the lab uses, a deep link per term,
// links onward to the lessons, and axe in light and dark.

import { expect, test } from '@playwright/test'
import { expectNoAxeViolationsInBothThemes } from './axe.ts'

test('(14.12) the glossary lists the lab’s jargon, each term linkable, and passes axe', async ({ page }) => {
  await page.goto('./#/glossary')
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible()
  for (const term of ['AWSALB', 'p95 latency', 'Imbalance (max ÷ mean)', 'In flight', 'JWT', 'ClientIP', 'Shared store (Redis-like)']) {
    await expect(page.getByRole('term').filter({ hasText: term }).first()).toBeVisible()
  }
  await expect(page.getByRole('link', { name: 'Glossary' }).first()).toHaveAttribute('aria-current', 'page')
  // A term's deep link scrolls to it, and it links on to a lesson.
  await page.goto('./#/glossary#jwt')
  await expect(page.locator('#jwt')).toBeInViewport()
  await expect(page.locator('#jwt').locator('..').getByRole('link', { name: /Lesson/ }).first()).toHaveAttribute('href', /^#\/learn\//)
  await expectNoAxeViolationsInBothThemes(page)
})
