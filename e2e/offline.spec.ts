// The offline copy: after one visit the site works with the network gone — the browser set offline
// and the server actually stopped — including a lesson with a Mermaid diagram, the flashcards and the
// embed. A new deploy is picked up on the next online visit with a "new version — reload" prompt.
// The site is served from a copy of the build by a server this test owns (so it can stop it, and
// change the deploy).

import { expect, test, type Page } from '@playwright/test'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serveDir, type StaticServer } from './fixtures/staticServer.ts'

const outDir = process.env.OUT_DIR ?? 'dist'

function copyOfBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ssl-offline-'))
  cpSync(outDir, dir, { recursive: true, filter: (src) => !src.includes(`${outDir}/scorm`) })
  return dir
}

/** Visit once and wait until the service worker is active (it takes over from the next load). */
async function firstVisit(page: Page, url: string) {
  await page.goto(url)
  await expect(page.getByRole('navigation').first()).toBeVisible()
  await page.evaluate(() => navigator.serviceWorker.ready)
  // Workbox's precache is complete once the worker is active: it caches everything during install.
  const cached = await page.evaluate(async () => {
    let n = 0
    for (const name of await caches.keys()) n += (await (await caches.open(name)).keys()).length
    return n
  })
  expect(cached).toBeGreaterThan(100)
}

test.use({ serviceWorkers: 'allow' })

test.describe('offline', () => {
  test.describe.configure({ timeout: 120_000 })
  let dir = ''
  let server: StaticServer | null = null
  test.beforeEach(() => {
    dir = copyOfBuild()
  })
  test.afterEach(async () => {
    await server?.close()
    server = null
    rmSync(dir, { recursive: true, force: true })
  })

  test('after one visit, the app, a lesson with its diagram, the cards and the embed work with the network gone', async ({ page, context }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    server = await serveDir(dir)
    const base = server.url
    await firstVisit(page, base)

    // The network is gone: the browser is offline and the server is stopped.
    await server.close()
    server = null
    await context.setOffline(true)

    await page.reload()
    await expect(page.getByTestId('lab')).toBeVisible()
    await page.goto(`${base}#/learn/the-problem`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The problem: scale out, get logged out')
    await expect(page.getByTestId('diagram').first().locator('svg')).toBeVisible()
    await page.goto(`${base}#/cards`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.goto(`${base}embed.html?scenario=shared-store&controls=minimal`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sessions in a shared store')
    await page.getByTestId('play').click()
    await expect.poll(async () => page.getByTestId('clock').textContent()).not.toBe('0:00.0')
    expect(errors).toEqual([])
  })

  test('a new deploy is picked up on the next online visit, with a "new version — reload" prompt', async ({ page }) => {
    server = await serveDir(dir)
    const base = server.url
    await firstVisit(page, base)
    await expect(page.getByTestId('update-prompt')).toHaveCount(0)

    // Deploy a new version: a changed page, and the service worker that knows its new revision.
    const index = readFileSync(join(dir, 'index.html'), 'utf8')
    writeFileSync(join(dir, 'index.html'), index.replace('</head>', '<meta name="deploy" content="2" />\n  </head>'))
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8')
    writeFileSync(join(dir, 'sw.js'), sw.replace(/(url:"index\.html",revision:")[0-9a-f]+"/, '$1deploy2"'))

    // The next visit still shows the old version, and offers the new one.
    await page.reload()
    await expect(page.getByTestId('lab')).toBeVisible()
    await expect(page.locator('meta[name="deploy"]')).toHaveCount(0)
    const prompt = page.getByTestId('update-prompt')
    await expect(prompt).toContainText('A new version of the lab is ready.')
    await prompt.getByRole('button', { name: 'Reload' }).click()
    await expect(page.locator('meta[name="deploy"]')).toHaveAttribute('content', '2')
    await expect(page.getByTestId('lab')).toBeVisible()
    await expect(page.getByTestId('update-prompt')).toHaveCount(0)
  })
})
