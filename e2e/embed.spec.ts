// embed.html in real host pages: two embeds of different scenarios on a course page from another
// origin (both render, start paused, run independently; the one that opted in to auto-height
// resizes), a sandboxed embed with storage blocked, bad parameters, the "Open full lab" link, the
// bundle it loads, and axe in light and dark.

import { expect, test, type Frame, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expectNoAxeViolations, gotoThemed } from './axe.ts'
import { inkedPixels } from './canvas.ts'

// A routed request still in flight when a test ends must not fail the worker (it did once in CI).
test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }))

const HOST = 'http://course.example'
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const resizer = readFileSync(new URL('../node_modules/@open-iframe-resizer/core/dist/index.js', import.meta.url), 'utf8')

/** Serve a fixture page (and the resizer library) from another origin, pointing at the lab. */
async function hostPage(page: Page, name: string, labBase: string) {
  await page.route(`${HOST}/**`, (route) => {
    const path = new URL(route.request().url()).pathname
    if (path === '/open-iframe-resizer.js') return route.fulfill({ contentType: 'text/javascript', body: resizer })
    return route.fulfill({ contentType: 'text/html', body: fixture(name).replaceAll('{{LAB}}', labBase) })
  })
  await page.goto(`${HOST}/${name}`)
}

/** Errors thrown in any frame, collected by a script that runs before each frame's own. */
async function collectErrors(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __errors: string[] }
    w.__errors = []
    window.addEventListener('error', (e) => w.__errors.push(String(e.message || (e.target as Element | null)?.tagName)))
    window.addEventListener('unhandledrejection', (e) => w.__errors.push(String(e.reason)))
  })
}

const frameErrors = (f: Frame) => f.evaluate(() => (window as unknown as { __errors?: string[] }).__errors ?? [])

function frameOf(page: Page, scenario: string): Frame {
  const f = page.frames().find((x) => x.url().includes(`scenario=${scenario}`))
  if (!f) throw new Error(`no frame for ${scenario}`)
  return f
}

// The host page is served from a public-looking origin and the lab from 127.0.0.1: Chromium's Local
// Network Access check would block that pairing, which never happens in real use (both public).
test.use({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-features=LocalNetworkAccessChecks'] })
    },
    { scope: 'worker' },
  ],
})

test.describe('embed in a host page', () => {
  test.describe.configure({ timeout: 120_000 })

  test('two embeds of different scenarios render, start paused, run independently; the opted-in one auto-sizes', async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1280, height: 1100 })
    await collectErrors(page)
    await hostPage(page, 'host.html', baseURL!)
    const a = page.frameLocator('#lab-a')
    const b = page.frameLocator('#lab-b')
    await expect(a.getByRole('heading', { level: 1 })).toHaveText('Stickiness can’t save a dead server’s memory')
    await expect(b.getByRole('heading', { level: 1 })).toHaveText('Sessions in a shared store')
    await expect(a.getByTestId('lab')).toBeVisible()
    await expect(b.getByTestId('stage')).toBeVisible()
    // controls=none: no design toggle; minimal has it (its pickers are for the full lab).
    await expect(a.getByRole('radio', { name: 'Sticky' })).toBeVisible()
    await expect(b.getByRole('radio', { name: 'Sticky' })).toHaveCount(0)

    // Paused on arrival (WCAG 2.2.2): nothing moves by itself.
    await page.waitForTimeout(800)
    for (const f of [a, b]) {
      await expect(f.getByTestId('clock')).toHaveText('0:00.0')
      await expect(f.getByTestId('play')).toHaveAccessibleName('Play')
    }

    // Run only the first one.
    await a.getByTestId('play').click()
    await expect.poll(async () => a.getByTestId('clock').textContent()).not.toBe('0:00.0')
    await expect(b.getByTestId('clock')).toHaveText('0:00.0')
    await a.getByTestId('play').click()
    const aStopped = await a.getByTestId('clock').textContent()
    // Now the second one alone.
    await b.getByTestId('play').click()
    await expect.poll(async () => b.getByTestId('clock').textContent()).not.toBe('0:00.0')
    await page.waitForTimeout(400)
    await expect(a.getByTestId('clock')).toHaveText(aStopped!)

    // Only the frame whose host called initialize() reports its height, and it grows to fit.
    await expect.poll(() => page.evaluate(() => (window as unknown as { resizeMessages: { from: string }[] }).resizeMessages.length)).toBeGreaterThan(0)
    const froms = await page.evaluate(() => (window as unknown as { resizeMessages: { from: string; height: number }[] }).resizeMessages.map((m) => m.from))
    expect(new Set(froms)).toEqual(new Set(['lab-b']))
    const contentHeight = await frameOf(page, 'shared-store').evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))
    await expect.poll(async () => Math.round((await page.locator('#lab-b').boundingBox())!.height)).toBe(contentHeight)
    expect(contentHeight).toBeGreaterThan(400)
    expect((await page.locator('#lab-a').boundingBox())!.height).toBe(400)

    for (const scenario of ['crash-sticky-memory', 'shared-store']) expect(await frameErrors(frameOf(page, scenario))).toEqual([])
  })

  test('a sandboxed embed (opaque origin, storage blocked) works', async ({ page, baseURL }) => {
    // A sandboxed frame fetches the lab's module scripts cross-origin: the static host must send
    // Access-Control-Allow-Origin (GitHub Pages does; vite preview doesn't, so add it here).
    await page.route(`${baseURL!}**`, async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } })
    })
    await collectErrors(page)
    await hostPage(page, 'sandboxed.html', baseURL!)
    const lab = page.frameLocator('#lab')
    await expect(lab.getByRole('heading', { level: 1 })).toHaveText(/cookie/i)
    const frame = frameOf(page, 'cookie-affinity')
    expect(await frame.evaluate(() => origin)).toBe('null')
    expect(
      await frame.evaluate(() => {
        try {
          return String(localStorage.length)
        } catch (e) {
          return (e as Error).name
        }
      }),
    ).toBe('SecurityError')

    await lab.getByTestId('play').click()
    await expect.poll(async () => lab.getByTestId('clock').textContent()).not.toBe('0:00.0')
    // No worker can start from an opaque origin: requests are drawn on the main thread instead.
    await expect.poll(() => inkedPixels(frame)).toBeGreaterThan(50)
    await lab.getByRole('radio', { name: 'Stateless' }).check()
    await lab.getByTestId('view-toggle').click()
    await expect(lab.getByRole('table').first()).toBeVisible()
    await lab.getByTestId('play').click()
    expect(await frameErrors(frame)).toEqual([])
  })

  test('when its scripts cannot load, the frame says so instead of staying blank', async ({ page, baseURL }) => {
    await hostPage(page, 'sandboxed.html', baseURL!) // vite preview sends no CORS headers
    await expect(page.frameLocator('#lab').getByRole('alert')).toContainText('could not load its files')
  })
})

test.describe('embed page', () => {
  test.describe.configure({ timeout: 120_000 })
  test('bad parameters are named in plain words; the default scene opens, paused', async ({ page }) => {
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto('./embed.html?scenario=<img src=x onerror=alert(1)>&controls=huge&autoplay=maybe&speed=999&theme=neon&seed=-1&s=%%%garbage')
    const notice = page.getByTestId('notice').filter({ hasText: 'Part of this link could not be used' })
    await expect(notice).toContainText('There is no scenario called “<img src=x onerror=alert(1)>”')
    await expect(notice).toContainText('is not a valid controls')
    await expect(notice).toContainText('is not a valid autoplay')
    await expect(notice).toContainText('is not a valid speed')
    await expect(notice).toContainText('is not a valid theme')
    await expect(notice).toContainText('The seed “-1”')
    await expect(notice).toContainText('not replayed')
    await expect(page.locator('img[src="x"]')).toHaveCount(0)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scale out, and users get logged out')
    await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('1')
    await page.waitForTimeout(500)
    await expect(page.getByTestId('clock')).toHaveText('0:00.0')
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
  })

  test('parameters apply: controls, speed, theme, seed and autoplay', async ({ page }) => {
    await page.goto('./embed.html?scenario=jwt-tokens&controls=none&speed=4&theme=dark&seed=77&autoplay=1')
    await expect(page.locator('html')).toHaveClass(/dark/)
    await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('4')
    await expect(page.getByRole('radio', { name: 'Table view' })).toHaveCount(0)
    await expect(page.getByTestId('play')).toHaveAccessibleName('Pause')
    await expect.poll(async () => page.getByTestId('clock').textContent()).not.toBe('0:00.0')
    // The link writes the moment once it is pointed at (the compressor loads on demand).
    await expect(page.getByTestId('open-full-lab')).toHaveAttribute('href', /#\/lab\?scenario=jwt-tokens$/)
    await page.getByTestId('open-full-lab').hover()
    await expect(page.getByTestId('open-full-lab')).toHaveAttribute('href', /#\/lab\?scenario=jwt-tokens&s=/)
  })

  test('"Open full lab" opens the main app in a new tab at the embed’s current moment', async ({ page, context }) => {
    await page.goto('./embed.html?scenario=crash-sticky-memory&speed=16')
    await page.getByTestId('play').click()
    await expect.poll(async () => page.getByTestId('clock').textContent(), { timeout: 15_000 }).toMatch(/^0:(1\d|[2-9]\d)\./)
    await page.getByTestId('play').click()
    await page.getByRole('button', { name: 'Crash server A' }).click()
    const clock = await page.getByTestId('clock').textContent()
    const logouts = await page.getByTestId('m-logouts').textContent()
    const link = page.getByTestId('open-full-lab')
    await expect(link).toHaveAttribute('target', '_blank')
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()])
    await expect(popup).toHaveURL(/\/#\/lab\?scenario=crash-sticky-memory&s=/)
    await expect(popup.getByTestId('shared-ready')).toBeVisible({ timeout: 30_000 })
    await expect(popup.getByTestId('clock')).toHaveText(clock!)
    await expect(popup.getByTestId('m-logouts')).toHaveText(logouts!)
    await expect(popup.getByTestId('server-A')).toHaveAttribute('data-status', 'crashed')
  })

  test('loads only the lab: no lessons, cards or diagrams', async ({ page }) => {
    const scripts: string[] = []
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()))
    await page.goto('./embed.html?scenario=cookie-affinity')
    await expect(page.getByTestId('stage')).toBeVisible()
    await page.waitForLoadState('networkidle')
    expect(scripts.filter((u) => /mermaid|Learn|Lesson|Cards|katex|cytoscape|shiki|fsrs/i.test(u))).toEqual([])
  })

  test('fetches only its own load balancer’s code (HAProxy here), and another one when a host loads it', async ({ page }) => {
    const scripts: string[] = []
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname))
    await page.goto('./embed.html?scenario=crash-sticky-memory')
    await expect(page.getByTestId('stage')).toBeVisible()
    await page.waitForLoadState('networkidle')
    const products = () => scripts.map((p) => /assets\/(nginx|nginxRoutes|haproxy|alb|kubeProxy|cloudflare)-/.exec(p)?.[1]).filter(Boolean)
    expect(products()).toEqual(['haproxy'])
    // The lab page's scenario switch goes through the same store `load`: an nginx scenario fetches nginx.
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await expect(page.getByTestId('stage')).toBeVisible()
    scripts.length = 0
    await page.goto('./#/lab?scenario=ip-hash-nat-hotspot')
    await expect.poll(products).toContain('nginx')
    await expect(page.getByTestId('lb-policy').first()).toContainText('ip_hash')
  })

  test('when its load balancer’s code cannot load, the frame says so and links to the full lab', async ({ page }) => {
    await page.route(/\/assets\/haproxy-[^/]*\.js$/, (route) => route.abort())
    await page.goto('./embed.html?scenario=crash-sticky-memory')
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('This embedded lab stopped working.')
    await expect(alert).toContainText('Could not load HAProxy 2.6’s part of the lab')
    await expect(alert.getByRole('link', { name: 'Open the lab in a new tab' })).toHaveAttribute('href', './#/lab?scenario=crash-sticky-memory')
  })

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no axe violations (${scheme})`, async ({ page }) => {
      await gotoThemed(page, './embed.html?scenario=crash-sticky-memory&controls=minimal', scheme)
      await expect(page.getByTestId('stage')).toBeVisible()
      await expectNoAxeViolations(page)
      await page.getByTestId('view-toggle').click()
      await expect(page.getByRole('table').first()).toBeVisible()
      await expectNoAxeViolations(page)
      await gotoThemed(page, `./embed.html?scenario=shared-store&controls=none&theme=${scheme}&speed=nope`, scheme)
      await expect(page.getByTestId('notice')).toBeVisible()
      await expectNoAxeViolations(page)
    })
  }
})

test('a lesson scene embedded on its own opens the app’s pages from the app, in a new tab', async ({ page }) => {
  await page.goto('./embed.html?lesson=the-problem&scene=1')
  await expect(page.getByTestId('scene-embed')).toBeVisible()
  // Links written for the app (its hash routes) would land on embed.html#/… inside the frame.
  const open = page.getByRole('link', { name: /Open in the full lab/ })
  await expect(open).toHaveAttribute('href', /^\.\/index\.html#\/lab\?/)
  await expect(open).toHaveAttribute('target', '_blank')
  const proof = page.getByTestId('proof-badge').getByRole('link', { name: 'how real is this?' })
  await expect(proof).toHaveAttribute('href', './index.html#/real')
  await expect(proof).toHaveAttribute('target', '_blank')
})
