// Shared accessibility check for browser tests: axe with the WCAG 2.x A/AA tags, zero violations.

import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export async function expectNoAxeViolations(page: Page, opts: { exclude?: string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
  for (const sel of opts.exclude ?? []) builder = builder.exclude(sel)
  const result = await builder.analyze()
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
  expect(summary).toEqual([])
}

/** Open a page in a given colour scheme with the app's theme following the system. */
export async function gotoThemed(page: Page, url: string, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme })
  await page.goto(url)
}
