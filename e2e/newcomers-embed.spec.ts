// What newcomers tripped over when embedding (issue 14): a sandboxed embed that cannot load speaks
// to its reader, not to the site owner; the generator explains sandboxes and confirms a copy.

import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'

// A routed request still in flight when a test ends must not fail the worker (it did once in CI).
test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }))

const HOST = 'http://course.example'
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

async function hostPage(page: Page, name: string, labBase: string) {
  await page.route(`${HOST}/**`, (route) => route.fulfill({ contentType: 'text/html', body: fixture(name).replaceAll('{{LAB}}', labBase) }))
  await page.goto(`${HOST}/${name}`)
}

// As in embed.spec.ts: a public-looking host page embedding the lab from 127.0.0.1.
test.use({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-features=LocalNetworkAccessChecks'] })
    },
    { scope: 'worker' },
  ],
})

test('(14.14) a sandboxed embed that cannot load offers readers the lab in a new tab; the owner’s note goes to the console', async ({ page, baseURL }) => {
  const console: string[] = []
  page.on('console', (m) => console.push(m.text()))
  await hostPage(page, 'sandboxed.html', baseURL!) // vite preview sends no CORS headers
  const frame = page.frameLocator('#lab')
  const alert = frame.getByRole('alert')
  await expect(alert).toContainText('could not load')
  await expect(alert).not.toContainText('Access-Control-Allow-Origin')
  await expect(alert).not.toContainText('allow-same-origin')
  const link = alert.getByRole('link', { name: /Open the lab in a new tab/ })
  await expect(link).toHaveAttribute('href', `${baseURL}#/lab?scenario=cookie-affinity`)
  await expect(link).toHaveAttribute('target', '_blank')
  await expect.poll(() => console.join('\n')).toContain('Access-Control-Allow-Origin')
})

test('(14.14) the generator explains sandboxed hosts (WordPress adds a sandbox)', async ({ page }) => {
  await page.goto('./#/embed')
  const note = page.getByTestId('sandbox-note')
  await expect(note).toContainText('WordPress')
  await expect(note).toContainText('Access-Control-Allow-Origin')
})

test('(14.19) "Copy snippet" says it copied, and says so again only for a new copy', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('./#/embed')
  const button = page.getByTestId('copy-snippet')
  await expect(button).toHaveText('Copy snippet')
  await button.click()
  await expect(button).toHaveText('Copied ✓')
  // The snippet changes: the label is ready to copy again.
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect(button).toHaveText('Copy snippet')
  await button.click()
  await expect(button).toHaveText('Copied ✓')
  // And it returns by itself after a moment.
  await expect(button).toHaveText('Copy snippet', { timeout: 5_000 })
})
