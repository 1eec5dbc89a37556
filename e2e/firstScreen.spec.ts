// Scene first (issue 13): on every surface people use — the home page and the full lab on laptops
// and phones, embeds at the sizes course pages give them with each `controls` level — every server,
// the load balancer, every user and the logout counter are on the first screen, unscrolled, before
// and after the crash scenario's crash. Embeds never scroll inside the frame. With SHOTS_DIR set,
// each surface is also saved as a screenshot in light and dark (for a person to look at).

import { expect, test, type Locator, type Page } from '@playwright/test'

const PAGE_SIZES = [
  [1366, 768],
  [1280, 720],
  [390, 844],
  [360, 640],
] as const
const EMBED_SIZES = [
  [640, 400],
  [560, 315],
  [360, 480],
  [800, 600],
] as const
const CONTROLS = ['none', 'minimal', 'full'] as const

interface Box {
  x: number
  y: number
  width: number
  height: number
}

async function boxOf(l: Locator): Promise<Box> {
  const b = await l.boundingBox()
  if (!b) throw new Error(`no box for ${l}`)
  return b
}

/** Fully inside a rectangle (1 px of rounding allowed). */
function expectWithin(b: Box, outer: Box, what: string) {
  expect.soft(b.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x - 1)
  expect.soft(b.y, `${what}: top edge`).toBeGreaterThanOrEqual(outer.y - 1)
  expect.soft(b.x + b.width, `${what}: right edge`).toBeLessThanOrEqual(outer.x + outer.width + 1)
  expect.soft(b.y + b.height, `${what}: bottom edge`).toBeLessThanOrEqual(outer.y + outer.height + 1)
}

/** Servers, LB, users and the logout counter inside the viewport and (all but the counter) inside the stage. */
async function expectSceneOnScreen(page: Page, moment: string) {
  const vp = page.viewportSize()!
  const screen = { x: 0, y: 0, width: vp.width, height: vp.height }
  expect(await page.evaluate(() => window.scrollY), `${moment}: not scrolled`).toBe(0)
  const stage = await boxOf(page.getByTestId('stage'))
  expectWithin(stage, screen, `${moment}: the stage`)
  const servers = page.locator('article[data-testid^="server-"]')
  expect(await servers.count()).toBeGreaterThanOrEqual(3)
  for (const el of await servers.all()) {
    const id = await el.getAttribute('data-testid')
    const b = await boxOf(el)
    expectWithin(b, screen, `${moment}: ${id}`)
    expectWithin(b, stage, `${moment}: ${id} (not cut off by the stage)`)
  }
  const lb = await boxOf(page.locator('[data-anchor="lb"]'))
  expectWithin(lb, screen, `${moment}: the load balancer`)
  const users = page.locator('[data-testid="stage"] [data-testid^="user-"]:not([data-testid="user-dots"])')
  expect(await users.count()).toBeGreaterThanOrEqual(12)
  const boxes = await users.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))
  for (const [i, b] of boxes.entries()) {
    expectWithin(b, screen, `${moment}: user ${i}`)
    expectWithin(b, stage, `${moment}: user ${i} (inside the stage)`)
  }
  expectWithin(await boxOf(page.getByTestId('m-logouts')), screen, `${moment}: the logout counter`)
}

async function noScrollbars(page: Page) {
  const size = await page.evaluate(() => ({ sh: document.documentElement.scrollHeight, sw: document.documentElement.scrollWidth, h: innerHeight, w: innerWidth }))
  expect(size.sh, 'no vertical scrolling inside the frame').toBeLessThanOrEqual(size.h)
  expect(size.sw, 'no horizontal scrolling inside the frame').toBeLessThanOrEqual(size.w)
}

/** Play, then jump past the crash (B at 0:30) and pause: the moment the lesson is about. */
async function pastTheCrash(page: Page, crashB: boolean) {
  await page.getByTestId('play').click()
  await page.waitForTimeout(600)
  await page.getByTestId('play').click()
  await page.getByRole('slider', { name: 'Timeline' }).fill('36000')
  await expect(page.getByTestId('clock')).toHaveText('0:36.0')
  if (crashB) await page.getByRole('button', { name: 'Crash server B' }).click()
  await expect(page.getByTestId('server-B')).toHaveAttribute('data-status', 'crashed')
  await expect.poll(async () => Number(await page.getByTestId('m-logouts').textContent())).toBeGreaterThan(0)
  // The page may have scrolled the slider into view: the scene must still fit the first screen.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(300)
}

async function shots(page: Page, name: string, dark: () => Promise<void>) {
  const dir = process.env.SHOTS_DIR
  if (!dir) return
  await page.screenshot({ path: `${dir}/${name}-light.png` })
  await dark()
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${dir}/${name}-dark.png` })
}

test.describe('scene first: the whole simulation on the first screen', () => {
  for (const [width, height] of PAGE_SIZES) {
    for (const path of ['#/', '#/lab?scenario=crash-sticky-memory'] as const) {
      const name = `${path === '#/' ? 'home' : 'lab'}-${width}x${height}`
      test(`${path} at ${width}×${height}`, async ({ page }) => {
        await page.setViewportSize({ width, height })
        await page.goto(`./${path}`)
        await expect(page.getByTestId('stage')).toBeVisible()
        await page.waitForTimeout(400)
        await expectSceneOnScreen(page, 'before playing')
        // #/ opens on the landing scenario: crash B by hand at the same moment.
        await pastTheCrash(page, path === '#/')
        await expectSceneOnScreen(page, 'after the crash')
        await shots(page, name, () => page.emulateMedia({ colorScheme: 'dark' }))
      })
    }
  }

  for (const [width, height] of EMBED_SIZES) {
    for (const controls of CONTROLS) {
      const name = `embed-${controls}-${width}x${height}`
      test(`embed.html controls=${controls} at ${width}×${height}`, async ({ page }) => {
        await page.setViewportSize({ width, height })
        await page.goto(`./embed.html?scenario=crash-sticky-memory&controls=${controls}`)
        await expect(page.getByTestId('stage')).toBeVisible()
        await page.waitForTimeout(400)
        const screen = { x: 0, y: 0, width, height }
        await expectSceneOnScreen(page, 'before playing')
        await noScrollbars(page)
        expectWithin(await boxOf(page.getByTestId('play')), screen, 'the play button')
        if (controls !== 'none') expectWithin(await boxOf(page.getByRole('radio', { name: 'Sticky' })), screen, 'the design toggle')
        await pastTheCrash(page, false)
        await expectSceneOnScreen(page, 'after the crash')
        await noScrollbars(page)
        // theme=auto (the default) follows the reader's system setting.
        await shots(page, name, () => page.emulateMedia({ colorScheme: 'dark' }))
      })
    }
  }

  test('a frame too small for everything keeps the stage and drops controls, never the other way round', async ({ page }) => {
    await page.setViewportSize({ width: 480, height: 240 })
    await page.goto('./embed.html?scenario=crash-sticky-memory&controls=minimal')
    await expect(page.getByTestId('stage')).toBeVisible()
    await expect(page.getByRole('radio', { name: 'Sticky' })).toBeHidden()
    await expect(page.getByRole('heading', { level: 1 })).toBeAttached()
    await expectSceneOnScreen(page, 'tiny frame')
    await noScrollbars(page)
  })
})
