// Where course pages already listen: a page running H5P's resizer sizes the embed (hello →
// prepareResize → resizePrepared → resize, and again when the content grows); every scenario has a
// static page with oEmbed discovery and a static oEmbed JSON; and a WordPress post built from that
// JSON — sandbox="allow-scripts", no storage, #?secret= — shows the lab and sizes it from the
// embed's height message.

import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { SCENARIO_IDS } from '../src/sim/scenarios/scenario.ts'

// A routed request still in flight when a test ends must not fail the worker (it did once in CI).
test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }))

const outDir = process.env.OUT_DIR ?? 'dist'
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

test.use({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-features=LocalNetworkAccessChecks'] })
    },
    { scope: 'worker' },
  ],
})

/** Serve `body` at `url`, and let the lab's files load into sandboxed (opaque-origin) frames. */
async function host(page: Page, labBase: string, url: string, body: string) {
  await page.route(`${labBase}**`, async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } })
  })
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body }))
  await page.goto(url)
}

const frameHeight = (page: Page) => page.locator('iframe').evaluate((f) => Math.round(f.getBoundingClientRect().height))
const contentHeight = (page: Page) => page.frames()[1]!.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))

test('a page running H5P’s resizer sizes the embed to its content, and again when it grows', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 900, height: 900 })
  await host(page, baseURL!, 'http://moodle.test/course.html', fixture('h5p-host.html').replaceAll('{{LAB}}', baseURL!))
  const lab = page.frameLocator('#lab')
  await expect(lab.getByTestId('stage')).toBeVisible()
  await expect.poll(() => page.evaluate(() => (window as unknown as { h5pLog: string[] }).h5pLog)).toEqual(expect.arrayContaining(['hello', 'prepareResize', 'resize']))
  await expect.poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(page)))).toBeLessThanOrEqual(1)
  const first = await frameHeight(page)
  expect(first).toBeGreaterThan(300)
  // The table view is taller: the frame follows.
  await lab.getByTestId('view-toggle').click()
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(first + 50)
  await expect.poll(async () => Math.abs((await frameHeight(page)) - (await contentHeight(page)))).toBeLessThanOrEqual(1)
})

test('every scenario has a static page with oEmbed discovery and a static oEmbed JSON', async ({ request, baseURL }) => {
  for (const id of SCENARIO_IDS) {
    const html = readFileSync(join(outDir, 'scenario', `${id}.html`), 'utf8')
    const head = html.slice(0, html.indexOf('</head>'))
    const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(head)
    expect(link?.[1], id).toBe(`${baseURL}oembed/${id}.json`)
    const res = await request.get(link![1]!)
    expect(res.ok()).toBe(true)
    expect(res.headers()['content-type']).toContain('json')
    const data = (await res.json()) as Record<string, unknown>
    expect(data).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Sticky Sessions Lab', width: 640, height: 480 })
    expect(html).toContain(`<h1>${String(data.title).replaceAll('&', '&amp;')}</h1>`)
    expect(String(data.html)).toMatch(new RegExp(`<iframe src="${baseURL}embed\\.html\\?scenario=${id}&amp;controls=minimal" width="640" height="480" title="[^"]+"`))
    // The page itself works for a person: it shows the scenario's embed.
    expect(html).toContain(`<iframe src="../embed.html?scenario=${id}&amp;controls=minimal"`)
  }
})

test('pasted into WordPress: discovered, embedded in a sandboxed frame without storage, sized by the height message', async ({ page, request, baseURL }) => {
  // What WordPress does with a pasted link: fetch the page, find the discovery link, fetch the JSON…
  const pageUrl = `${baseURL}scenario/crash-sticky-memory.html`
  const discovered = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(await (await request.get(pageUrl)).text())![1]!
  const oembed = (await (await request.get(discovered)).json()) as { html: string; title: string }
  // …keep its iframe (and blockquote), sandbox it, add a secret: the post (fixture) is that markup.
  const attr = (name: string) => new RegExp(`<iframe[^>]* ${name}="([^"]*)"`).exec(oembed.html)![1]!
  const post = fixture('wp-host.html')
    .replace('{{SRC}}', attr('src'))
    .replace('{{WIDTH}}', attr('width'))
    .replace('{{HEIGHT}}', attr('height'))
    .replace('{{TITLE}}', attr('title'))
    .replace('{{PAGE}}', pageUrl)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.setViewportSize({ width: 900, height: 1200 })
  await host(page, baseURL!, 'http://blog.test/post.html', post)

  const lab = page.frameLocator('iframe')
  await expect(lab.getByRole('heading', { level: 1 })).toHaveText(oembed.title)
  const frame = page.frames()[1]!
  expect(await frame.evaluate(() => origin)).toBe('null')
  expect(await frame.evaluate(() => { try { return String(localStorage.length) } catch (e) { return (e as Error).name } })).toBe('SecurityError')
  // The height message: the frame shows (its blockquote hides) at the lab's height, within WordPress's 200–1000.
  await expect(page.locator('blockquote')).toBeHidden()
  await expect(page.locator('iframe')).toBeVisible()
  await expect.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length)).toBeGreaterThan(0)
  // The lab's parts arrive over a few moments (its load balancer's code, lazy panels): the frame
  // follows the content to where it settles.
  await expect.poll(async () => Math.abs((await frameHeight(page)) - Math.min(1000, Math.max(200, await contentHeight(page))))).toBeLessThanOrEqual(1)
  await lab.getByTestId('play').click()
  await expect.poll(async () => lab.getByTestId('clock').textContent()).not.toBe('0:00.0')
  expect(errors).toEqual([])
})
