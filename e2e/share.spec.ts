// Share links, export and the embed generator in the built site: a link copied mid-run reopens the
// same moment (metrics and tables), bad links open a default scene with a plain message, PNG and JSON
// exports hold the current state, and the generator's snippet and preview match the options.

import { expect, test, type Page } from '@playwright/test'
import fc from 'fast-check'
import LZString from 'lz-string'
import { readFileSync } from 'node:fs'
import { expectNoAxeViolationsInBothThemes } from './axe.ts'

test.describe.configure({ timeout: 120_000 })

const METRICS = ['m-logouts', 'm-carts', 'm-sessions', 'm-failed', 'm-imbalance', 'm-p95'] as const

async function readMetrics(page: Page) {
  const out: Record<string, string> = {}
  for (const id of METRICS) out[id] = (await page.getByTestId(id).textContent()) ?? ''
  await page.getByTestId('metrics').locator('..').getByText('More counters').click()
  out.more = (await page.getByTestId('metrics').locator('..').locator('details').first().innerText()).replace(/\s+/g, ' ')
  return out
}

async function tablesText(page: Page) {
  await page.getByRole('radio', { name: 'Table view' }).check()
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible()
  const text = (await page.getByTestId('lab').locator('table').allInnerTexts()).join('\n')
  await page.getByRole('radio', { name: 'Animated stage' }).check()
  return text
}

/** Play at 16× until the clock passes `seconds`, then pause. */
async function playUntil(page: Page, seconds: number) {
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('16')
  await page.getByTestId('play').click()
  await expect.poll(async () => clockSeconds(await page.getByTestId('clock').textContent()), { timeout: 20_000 }).toBeGreaterThan(seconds)
  await page.getByTestId('play').click()
  await expect(page.getByTestId('play')).toHaveAccessibleName('Play')
}

const clockSeconds = (text: string | null) => {
  const [m, s] = (text ?? '0:0').split(':')
  return Number(m) * 60 + Number(s)
}

test.describe('share links', () => {
  test('a copied link reopens the exact moment: clock, metrics and tables match', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await playUntil(page, 12)
    await page.getByRole('button', { name: 'Crash server A' }).click()
    await page.getByRole('radio', { name: 'Stateless' }).check()
    await playUntil(page, 40) // past the scenario's own crash of B at 0:30
    await expect(page.getByTestId('server-A')).toHaveAttribute('data-status', /crashed|starting|up/)

    const clock = await page.getByTestId('clock').textContent()
    const metrics = await readMetrics(page)
    const tables = await tablesText(page)
    expect(Number(metrics['m-logouts'])).toBeGreaterThan(0)

    await page.getByTestId('share-toggle').click()
    await page.getByTestId('copy-link').click()
    await expect(page.getByTestId('share-status')).toContainText('Link copied')
    const link = await page.getByTestId('share-link').inputValue()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#\/lab\?scenario=crash-sticky-memory&s=[A-Za-z0-9+\-$]+$/)
    // Copying never rewrote the address bar.
    expect(page.url()).toMatch(/#\/lab\?scenario=crash-sticky-memory$/)

    const other = await context.newPage()
    const errors: string[] = []
    other.on('pageerror', (e) => errors.push(e.message))
    await other.goto(link)
    await expect(other.getByTestId('shared-ready')).toContainText('3 interventions', { timeout: 30_000 }) // crash A, then Stateless = storage + policy
    await expect(other.getByTestId('clock')).toHaveText(clock!)
    await expect(other.getByTestId('play')).toHaveAccessibleName('Play')
    expect(await readMetrics(other)).toEqual(metrics)
    expect(await tablesText(other)).toBe(tables)
    await expect(other.getByRole('radio', { name: 'Stateless' })).toBeChecked()
    await expect(other.getByRole('button', { name: /^Jump to \d+:\d\d\.\d: crash A \(yours\)$/ })).toHaveCount(1)
    expect(errors).toEqual([])
  })

  test('a link followed in the same tab loads into the open lab', async ({ page }) => {
    await page.goto('./#/lab?scenario=cookie-affinity')
    await playUntil(page, 5)
    await page.getByTestId('share-toggle').click()
    // The panel opens once the link writer has loaded (links/encoder.ts).
    await expect(page.getByTestId('share-link')).toHaveValue(/#\/lab\?scenario=cookie-affinity&/)
    const link = await page.getByTestId('share-link').inputValue()
    const clock = await page.getByTestId('clock').textContent()
    await page.getByTestId('share-toggle').click()
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('shared-store')
    await expect(page.getByTestId('clock')).toHaveText('0:00.0')
    await page.goto(link) // same document, new hash
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('cookie-affinity')
    await expect(page.getByTestId('shared-ready')).toBeVisible({ timeout: 30_000 })
    await expect(page.getByTestId('clock')).toHaveText(clock!)
  })

  test('a sample of bad links: plain message, default scene, nothing rendered as HTML, no errors', async ({ page }) => {
    test.setTimeout(240_000)
    const valid = LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, t: 20000, k: 5, i: [[3000, { kind: 'crashServer', server: 'A' }]] }))
    const markup = fc.constantFrom('<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>')
    const pack = (x: unknown) => LZString.compressToEncodedURIComponent(JSON.stringify(x))
    // Each kind of bad link, opened fresh (the 200+ input fuzz of the decoder runs in the unit tests):
    const kinds: [fc.Arbitrary<string>, number][] = [
      [fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).map((s) => `scenario=crash-sticky-memory&s=${encodeURIComponent(s)}`), 2], // random bytes
      [fc.integer({ min: 1, max: valid.length - 3 }).map((n) => `scenario=crash-sticky-memory&s=${valid.slice(0, n)}`), 2], // truncated
      [fc.integer({ min: 2, max: 1e6 }).map((v) => `scenario=cookie-affinity&s=${pack({ v, t: 0 })}`), 1], // unknown version
      [fc.constantFrom(1e12, -1, 1.5, 2 ** 53).map((t) => `scenario=cookie-affinity&s=${pack({ v: 1, t })}`), 2], // out-of-range time
      [markup.map((m) => `scenario=${encodeURIComponent(m)}&s=${valid}`), 1], // markup as the scenario
      [markup.map((m) => `scenario=shared-store&seed=${encodeURIComponent(m)}&s=${pack({ v: 1, t: 0, i: [[0, { kind: m }]] })}`), 1],
      [markup.map((m) => `scenario=shared-store&s=${pack({ v: 1, t: 0, c: { cookie: { name: m } } })}`), 1],
    ]
    const samples = kinds.flatMap(([arb, n]) => fc.sample(arb, { numRuns: n, seed: 20260427 }))
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    for (const query of samples) {
      await page.goto('about:blank')
      await page.goto(`./#/lab?${query}`)
      await expect(page.getByTestId('lab'), query).toBeVisible()
      await expect(page.getByRole('alert').filter({ hasText: /could not|no scenario|ignored|not a whole number/i }).first(), query).toBeVisible()
      await expect(page.getByTestId('replay-status')).toHaveCount(0)
      await expect(page.getByTestId('clock'), query).toHaveText('0:00.0')
      await expect(page.locator('#root img[src="x"], #root svg[onload], #root script')).toHaveCount(0)
    }
    expect(dialogs).toEqual([])
    expect(errors).toEqual([])
  })
})

test.describe('export', () => {
  test('PNG of the stage: a real image of the current state, sensibly sized, also from the table view', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await playUntil(page, 6)
    const card = (await page.getByTestId('stage').locator('..').boundingBox())!
    await page.getByTestId('share-toggle').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()])
    expect(download.suggestedFilename()).toMatch(/^sticky-sessions-crash-sticky-memory-\d+-\d\d-\d\.png$/)
    const png = readFileSync((await download.path())!)
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
    const width = png.readUInt32BE(16)
    const height = png.readUInt32BE(20)
    expect(width).toBe((Math.ceil(card.width) + 32) * 2)
    expect(height).toBe((Math.ceil(card.height) + 68 + 16) * 2)
    await expect(page.getByTestId('share-status')).toHaveText(`Saved a ${width}×${height} PNG of the stage.`)

    // It shows the stage, not a blank: many colours (users' palette, text), the server cards' text area not empty.
    const colours = await page.evaluate(async (b64) => {
      const img = new Image()
      img.src = `data:image/png;base64,${b64}`
      await img.decode()
      const c = document.createElement('canvas')
      c.width = img.width
      c.height = img.height
      const ctx = c.getContext('2d')!
      ctx.drawImage(img, 0, 0)
      const seen = new Set<number>()
      const data = ctx.getImageData(0, 68 * 2, img.width, img.height - 68 * 2).data
      for (let i = 0; i < data.length; i += 4 * 7) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!)
      return seen.size
    }, png.toString('base64'))
    expect(colours).toBeGreaterThan(200)

    // From the table view: still the stage, and the table view comes back.
    await page.getByTestId('share-toggle').click()
    await page.getByRole('radio', { name: 'Table view' }).check()
    await page.getByTestId('share-toggle').click()
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()])
    expect([...readFileSync((await again.path())!).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47])
    await expect(page.getByRole('radio', { name: 'Table view' })).toBeChecked()
  })

  test('JSON trace: scenario, moment, script, counters and timed sentences', async ({ page }) => {
    await page.goto('./#/lab?scenario=crash-sticky-memory')
    await playUntil(page, 8)
    await page.getByRole('button', { name: 'Crash server C' }).click()
    await playUntil(page, 12)
    const clock = await page.getByTestId('clock').textContent()
    const logouts = Number(await page.getByTestId('m-logouts').textContent())
    await page.getByTestId('share-toggle').click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
    expect(download.suggestedFilename()).toMatch(/\.json$/)
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    expect(data.format).toBe('sticky-sessions-lab/trace')
    expect(data.version).toBe(1)
    expect(data.scenario.id).toBe('crash-sticky-memory')
    expect(data.clock).toBe(clock)
    expect(data.counters.unexpectedLogouts).toBe(logouts)
    expect(data.script).toContainEqual(expect.objectContaining({ by: 'learner', do: { kind: 'crashServer', server: 'C' } }))
    expect(data.script).toContainEqual(expect.objectContaining({ by: 'scenario', at: 30000 }))
    expect(data.trace.length).toBeGreaterThan(10)
    for (const e of data.trace) {
      expect(typeof e.t).toBe('number')
      expect(e.clock).toMatch(/^\d+:\d\d\.\d$/)
      expect(e.text.length).toBeGreaterThan(3)
    }
    expect(data.trace.some((e: { text: string }) => e.text.includes('Server C crashed'))).toBe(true)
    expect(data.shareLink).toMatch(/#\/lab\?scenario=crash-sticky-memory&s=/)
    await expect(page.getByTestId('share-status')).toContainText(`Saved the trace: ${data.trace.length} events`)
  })
})

test.describe('embed generator', () => {
  test('options shape the snippet and the live preview; the snippet copies', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto('./#/embed')
    await expect(page.getByRole('heading', { level: 1, name: 'Embed a scenario' })).toBeVisible()
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('store-outage')
    await page.getByRole('radio', { name: 'None' }).check()
    await page.getByRole('radio', { name: 'Dark' }).check()
    await page.getByRole('combobox', { name: 'Size' }).selectOption('360x480')
    await page.getByLabel('Seed (optional)').fill('42')
    const code = await page.getByTestId('snippet').inputValue()
    expect(code).toContain(`src="${baseURL}embed.html?scenario=store-outage&amp;controls=none&amp;autoplay=0&amp;theme=dark&amp;seed=42"`)
    expect(code).toContain('title="Sticky Sessions Lab: ')
    expect(code).toContain('loading="lazy"')
    expect(code).toContain('allow="fullscreen"')
    expect(code).toContain('width="360"')

    const preview = page.frameLocator('[data-testid="embed-preview"]')
    await expect(page.getByTestId('embed-preview')).toHaveAttribute('src', './embed.html?scenario=store-outage&controls=none&autoplay=0&theme=dark&seed=42')
    await expect(preview.locator('html')).toHaveClass(/dark/)
    await expect(preview.getByTestId('stage')).toBeVisible()
    await expect(preview.getByRole('radio', { name: 'Table view' })).toHaveCount(0)
    await expect(preview.getByTestId('view-toggle')).toHaveCount(0)

    await page.getByTestId('copy-snippet').click()
    await expect(page.getByText('Snippet copied.')).toBeVisible()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)

    // Auto-height: the snippet gains the resizer and asks for the lab's natural height; the preview grows to fit.
    await page.getByRole('switch', { name: /Grow to fit/ }).check()
    expect(await page.getByTestId('snippet').inputValue()).toContain("initialize({}, '#sticky-lab-store-outage')")
    expect(await page.getByTestId('snippet').inputValue()).toContain('&amp;height=auto')
    await expect.poll(async () => (await page.getByTestId('embed-preview').boundingBox())!.height).toBeGreaterThan(480)
  })

  test('previews at real size, and every checked size at once', async ({ page }) => {
    await page.setViewportSize({ width: 1100, height: 900 })
    await page.goto('./#/embed')
    await expect(page.getByTestId('fits')).toContainText('640 × 400, 560 × 315, 360 × 480, 800 × 600')
    await page.getByRole('combobox', { name: 'Size' }).selectOption('800x600')
    // Wider than the preview column: it scrolls sideways rather than shrinking.
    await expect.poll(async () => (await page.getByTestId('embed-preview').boundingBox())!.width).toBe(800)
    expect((await page.getByTestId('embed-preview').boundingBox())!.height).toBe(600)
    await page.getByRole('switch', { name: 'Every size' }).check()
    for (const [id, w, h] of [['640x400', 640, 400], ['560x315', 560, 315], ['360x480', 360, 480], ['800x600', 800, 600]] as const) {
      const frame = page.getByTestId(`embed-preview-${id}`)
      await frame.scrollIntoViewIfNeeded()
      expect(await frame.boundingBox()).toMatchObject({ width: w, height: h })
      await expect(page.frameLocator(`[data-testid="embed-preview-${id}"]`).getByTestId('stage')).toBeVisible()
    }
  })

  test('a load balancer can be chosen: the snippet and the preview carry lb=', async ({ page }) => {
    await page.goto('./#/embed')
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('crash-sticky-memory')
    expect(await page.getByTestId('snippet').inputValue()).not.toContain('lb=')
    await page.getByRole('combobox', { name: 'Load balancer' }).selectOption('alb')
    expect(await page.getByTestId('snippet').inputValue()).toContain('&amp;lb=alb')
    await expect(page.getByTestId('embed-preview')).toHaveAttribute('src', /[?&]lb=alb(&|$)/)
    const preview = page.frameLocator('[data-testid="embed-preview"]')
    await expect(preview.getByTestId('stage')).toBeVisible()
    await expect(preview.getByTestId('lb-policy')).toContainText('AWSALB')
  })

  test('opened from the lab, it offers to embed that run at its moment', async ({ page }) => {
    await page.goto('./#/lab?scenario=retry-duplicates')
    await playUntil(page, 4)
    await page.getByRole('button', { name: 'Crash server B' }).click()
    await page.getByTestId('share-toggle').click()
    await page.getByRole('link', { name: /Embed this run/ }).click()
    await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('retry-duplicates')
    await expect(page.getByRole('switch', { name: /Open at the shared moment \(\d+:\d\d\.\d, 1 intervention of yours\)/ })).toBeChecked()
    const code = await page.getByTestId('snippet').inputValue()
    expect(code).toMatch(/&amp;s=[A-Za-z0-9+\-$]+"/)
    const preview = page.frameLocator('[data-testid="embed-preview"]')
    await expect(preview.getByTestId('shared-ready')).toBeVisible({ timeout: 30_000 })
    await expect(preview.getByTestId('server-B')).toHaveAttribute('data-status', /crashed|starting/)
  })

  test('has no axe violations, light and dark', async ({ page }) => {
    await page.goto('./#/embed')
    await expect(page.getByTestId('snippet')).toBeVisible()
    await expectNoAxeViolationsInBothThemes(page, { exclude: ['[data-testid="embed-preview"]'] })
    await page.goto('./#/lab?scenario=cookie-affinity')
    await page.getByTestId('share-toggle').click()
    await expect(page.getByTestId('share-panel')).toBeVisible()
    await expectNoAxeViolationsInBothThemes(page)
  })
})
