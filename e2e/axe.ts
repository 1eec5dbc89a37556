// Shared accessibility check for browser tests: axe with the WCAG 2.x A/AA tags, zero violations.

import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export async function expectNoAxeViolations(page: Page, opts: { exclude?: string[] } = {}) {
  // Legacy mode skips the extra blank page @axe-core/playwright opens to merge per-frame results (all
  // our frames are same-origin), and asking only for violations spares axe from serialising every
  // passing node. Together they take a lesson page from ~12 s to ~2.5 s with the same verdict.
  // (options() replaces the whole options object, so it must come before withTags().)
  let builder = new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
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

/**
 * Axe in the light theme, then in the dark one on the same page (the app follows the system scheme,
 * so switching the emulated scheme restyles it in place — no reload, same state), then back to light.
 */
export async function expectNoAxeViolationsInBothThemes(page: Page, opts: { exclude?: string[] } = {}) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
    try {
      await expectNoAxeViolations(page, opts)
    } catch (e) {
      throw new Error(`in the ${scheme} theme: ${(e as Error).message}`, { cause: e })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
