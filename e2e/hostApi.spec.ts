// The embed's host API, cross-origin in Chromium: a course page on http://host.test drives the lab
// served from 127.0.0.1 with the site's own embed-client.js — every command round-trips, events
// arrive in order; pages of other origins are ignored; a fuzz of 240 malformed messages throws
// nothing, renders nothing and changes nothing.

import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import type { EventData, LabClient, LabState } from '../src/embed/framed/hostApi/client.ts'

// A routed request still in flight when a test ends must not fail the worker (it did once in CI).
test.afterEach(({ page }) => page.unrouteAll({ behavior: 'ignoreErrors' }))

const HOST = 'http://host.test'
const fixture = readFileSync(new URL('./fixtures/host-api.html', import.meta.url), 'utf8')

// The host page's origin is public-looking and the lab is on 127.0.0.1 (see embed.spec.ts).
test.use({
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-features=LocalNetworkAccessChecks'] })
    },
    { scope: 'worker' },
  ],
})

async function openHost(page: Page, labBase: string, query: string, errors: string[] = []) {
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  // The host imports embed-client.js cross-origin: the static host must allow it (GitHub Pages does).
  await page.route(`${labBase}**`, async (route) => {
    const response = await route.fetch()
    await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } })
  })
  await page.route(`${HOST}/**`, (route) => route.fulfill({ contentType: 'text/html', body: fixture.replaceAll('{{LAB}}', labBase).replace('{{QUERY}}', query) }))
  await page.goto(`${HOST}/course.html`)
  await page.waitForFunction(() => 'connectLab' in window)
}

type Win = Window & { connectLab(f: HTMLIFrameElement, o?: object): Promise<LabClient>; lab: LabClient; events: { event: string; data: unknown }[]; received: { origin: string; data: unknown }[]; send(m: unknown): void }

test.describe('embed host API', () => {
  test.describe.configure({ timeout: 90_000 })

  test('every command round-trips cross-origin; events come in order', async ({ page, baseURL }) => {
    const errors: string[] = []
    await openHost(page, baseURL!, 'origins=http://host.test', errors)
    const lab = page.frameLocator('#lab')

    // Connect and subscribe through the site's own client.
    const first = await page.evaluate(async () => {
      const w = window as unknown as Win
      w.lab = await w.connectLab(document.getElementById('lab') as HTMLIFrameElement)
      w.events = []
      for (const name of ['state', 'logout', 'serverDown', 'ended'] as const) w.lab.on(name, (data) => w.events.push({ event: name, data }))
      return w.lab.getState()
    })
    expect(first).toMatchObject({ scenario: 'crash-sticky-memory', timeMs: 0, playing: false })
    // The handshake went to the host's origin only.
    const ready = await page.evaluate(() => (window as unknown as Win).received.find((m) => (m.data as { event?: string }).event === 'ready'))
    expect(ready).toMatchObject({ origin: new URL(baseURL!).origin, data: { type: 'event', event: 'ready', data: { version: 1 } } })

    const call = <T,>(f: string) => page.evaluate(async (body) => new Function('lab', `return ${body}`)((window as unknown as Win).lab) as Promise<T>, f)
    let s = await call<LabState>(`lab.load({ scenario: 'crash-sticky-memory', design: 'sticky', seed: 3, at: 20000 })`)
    expect(s).toMatchObject({ scenario: 'crash-sticky-memory', design: 'sticky', seed: 3, timeMs: 20_000, playing: false })
    await expect(lab.getByTestId('clock')).toHaveText('0:20.0')

    // Play at 16× through the crash at 0:30 to the end of the story (1:30).
    await page.evaluate(() => ((window as unknown as Win).events.length = 0))
    s = await call<LabState>('lab.play({ speed: 16 })')
    expect(s).toMatchObject({ playing: true, speed: 16 })
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).events.some((e) => e.event === 'ended')), { timeout: 30_000 }).toBe(true)
    s = await call<LabState>('lab.pause()')
    expect(s.playing).toBe(false)
    const events = await page.evaluate(() => (window as unknown as Win).events)
    const names = events.map((e) => e.event)
    expect(names.filter((n) => n === 'serverDown')).toEqual(['serverDown'])
    expect(events.find((e) => e.event === 'serverDown')!.data).toEqual({ timeMs: 30_000, server: 'B', status: 'crashed' })
    expect(names.indexOf('logout')).toBeGreaterThan(names.indexOf('serverDown'))
    expect(names.indexOf('ended')).toBeGreaterThan(names.lastIndexOf('logout'))
    const times = events.map((e) => (e.data as { timeMs: number }).timeMs)
    expect([...times].sort((a, b) => a - b)).toEqual(times)
    const logouts = events.filter((e) => e.event === 'logout').map((e) => e.data as EventData['logout'])
    expect(logouts.at(-1)!.total).toBe(logouts.reduce((n, l) => n + l.added, 0))
    // ~4 state events a second while playing: 70 s of story at 16× is ~4.4 s of wall time.
    const states = names.filter((n) => n === 'state').length
    expect(states).toBeGreaterThan(8)
    expect(states).toBeLessThan(40)

    s = await call<LabState>('lab.seek(45000)')
    expect(s.timeMs).toBe(45_000)
    await expect(lab.getByTestId('clock')).toHaveText('0:45.0')
    const stepped = await call<LabState>('lab.step()')
    expect(stepped.timeMs).toBeGreaterThanOrEqual(45_000)
    await call('lab.step({ back: true })')
    s = await call<LabState>(`lab.intervene({ kind: 'crashServer', server: 'A' })`)
    expect(s.servers.find((x) => x.id === 'A')!.status).toBe('crashed')
    s = await call<LabState>(`lab.intervene({ kind: 'addServer' })`)
    expect(s.servers).toHaveLength(4)
    s = await call<LabState>('lab.reset()')
    expect(s.timeMs).toBe(0)
    await expect(lab.getByTestId('clock')).toHaveText('0:00.0')

    // An error names what was wrong and carries the lab's code.
    const refused = await page.evaluate(() =>
      (window as unknown as Win).lab.intervene({ kind: 'crashServer', server: 'J' }).then(
        () => 'accepted',
        (e: { code: string; message: string }) => `${e.code}: ${e.message}`,
      ),
    )
    // Reset keeps the design the learner built (four servers now).
    expect(refused).toBe('not-possible: there is no server J in this run (servers: A, B, C, D)')

    // Loading another scenario retitles the embed.
    await call(`lab.load({ scenario: 'shared-store' })`)
    await expect(lab.getByRole('heading', { level: 1 })).toHaveText('Sessions in a shared store')
    expect(errors).toEqual([])
  })

  test('pages of origins the embed does not trust get no answer and no events', async ({ page, baseURL }) => {
    for (const query of ['origins=https://someone-else.example', '']) {
      await openHost(page, baseURL!, query)
      await expect(page.frameLocator('#lab').getByTestId('clock')).toHaveText('0:00.0')
      await page.evaluate(() => {
        const w = window as unknown as Win
        w.received.length = 0
        w.send({ protocol: 'sticky-sessions-lab', version: 1, id: 1, type: 'play', speed: 16 })
        w.send({ protocol: 'sticky-sessions-lab', version: 1, id: 2, type: 'subscribe', events: ['state'] })
      })
      await page.waitForTimeout(1200)
      // Only the host API is refused: H5P's resize "hello" goes to any parent, and may arrive late.
      const answers = await page.evaluate(() => (window as unknown as Win).received.filter((m) => (m.data as { protocol?: unknown } | null)?.protocol === 'sticky-sessions-lab'))
      expect(answers).toEqual([])
      await expect(page.frameLocator('#lab').getByTestId('clock')).toHaveText('0:00.0')
    }
  })

  test('a lesson scene in an embed reports sceneAnswered to its host', async ({ page, baseURL }) => {
    const errors: string[] = []
    await openHost(page, baseURL!, 'lesson=the-problem&scene=2&origins=http://host.test', errors)
    const scene = page.frameLocator('#lab').getByTestId('scene')
    await expect(scene).toHaveCount(1)
    await expect(scene.getByRole('group', { name: /several servers behind a load balancer/ })).toBeVisible()
    const state = await page.evaluate(async () => {
      const w = window as unknown as Win
      w.lab = await w.connectLab(document.getElementById('lab') as HTMLIFrameElement)
      w.events = []
      w.lab.on('sceneAnswered', (data) => w.events.push({ event: 'sceneAnswered', data }))
      return w.lab.getState()
    })
    expect(state.scenario).toBe('scale-out-no-affinity')
    await scene.getByRole('radio', { name: 'Many, spread across almost every user' }).check()
    await scene.getByTestId('scene-run').click()
    await scene.getByTestId('scene-skip').click()
    await expect.poll(() => page.evaluate(() => (window as unknown as Win).events)).toEqual([{ event: 'sceneAnswered', data: { lesson: 'the-problem', scene: 2, choice: 2, right: true, firstTry: true } }])
    // "Open in the full lab" leaves the embed for the app, in a new tab.
    await expect(scene.getByRole('link', { name: /Open in the full lab/ })).toHaveAttribute('href', /^\.\/index\.html#\/lab\?scenario=scale-out-no-affinity/)
    expect(errors).toEqual([])
  })

  test('240 malformed messages: no error thrown, nothing rendered, no state change', async ({ page, baseURL }) => {
    const errors: string[] = []
    await openHost(page, baseURL!, 'origins=http://host.test', errors)
    const before = await page.evaluate(async () => {
      const w = window as unknown as Win
      w.lab = await w.connectLab(document.getElementById('lab') as HTMLIFrameElement)
      await w.lab.seek(12_000)
      return w.lab.getState()
    })
    const lab = page.frames().find((f) => f.url().includes('embed.html'))!
    const tags = () => lab.evaluate(() => document.querySelectorAll('img, script, iframe, object, embed, svg[onload], a[href^="javascript"]').length)
    const tagsBefore = await tags()

    const messages = malformed(240)
    const ours = messages.filter((m) => typeof m === 'object' && m !== null && (m as { protocol?: unknown }).protocol === 'sticky-sessions-lab').length
    expect(ours).toBeGreaterThan(150)
    await page.evaluate((list) => {
      const w = window as unknown as Win
      w.received.length = 0
      for (const m of list) w.send(m)
    }, messages)
    // Every message of ours gets an error reply; the others none. (Replies to the client's own
    // connection attempts, ids c1, c2…, may still trickle in, and the fuzz's H5P "hello" rightly
    // starts the H5P resizer's messages: neither is the fuzz's answer.)
    const fuzzReplies = () =>
      page.evaluate(() =>
        (window as unknown as Win).received
          .map((r) => r.data as { protocol?: string; type: string; ok: boolean; id: unknown })
          .filter((d) => d.protocol === 'sticky-sessions-lab' && !/^c\d+$/.test(String(d.id))),
      )
    await expect.poll(async () => (await fuzzReplies()).length).toBe(ours)
    const replies = await fuzzReplies()
    expect(replies.every((r) => r.type === 'error' && r.ok === false)).toBe(true)

    const after = await page.evaluate(() => (window as unknown as Win).lab.getState())
    expect(after).toEqual(before)
    expect(await tags()).toBe(tagsBefore)
    await expect(page.frameLocator('#lab').getByTestId('clock')).toHaveText('0:12.0')
    expect(errors).toEqual([])
  })
})

/** Deterministic malformed messages: every one of ours has at least one defect; the rest aren't ours. */
function malformed(n: number): unknown[] {
  let seed = 20261130
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff)
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const junk: unknown[] = [null, -1, 1e308, Number.NaN, '', 'x'.repeat(5000), '<img src=x onerror="alert(1)">', '<script>alert(2)</script>', { __proto__: { polluted: true } }, [1, [2, [3]]], true, { toString: 'x' }, 'javascript:alert(3)', 2 ** 53]
  const types = ['getState', 'load', 'play', 'pause', 'seek', 'step', 'reset', 'intervene', 'subscribe', 'unsubscribe'] as const
  const base = (i: number) => ({ protocol: 'sticky-sessions-lab', version: 1, id: `f${i}` })
  const defects: ((i: number) => unknown)[] = [
    (i) => ({ ...base(i), type: pick(types), junk: pick(junk) }),
    (i) => ({ ...base(i), id: pick([null, {}, [], '', 'i'.repeat(65), 1.5, true]), type: 'play' }),
    (i) => ({ ...base(i), version: pick([0, 2, 99, '1', null, -1]), type: 'pause' }),
    (i) => ({ ...base(i), type: pick(['', 'eval', '__proto__', 'constructor', '<b>play</b>', 'PLAY', 'getstate']) }),
    (i) => ({ ...base(i), type: 'seek', ms: pick([-1, 3_600_001, '100', null, 1.5, Number.NaN]) }),
    (i) => ({ ...base(i), type: 'play', speed: pick([0, 3, -4, '4', 1e9]) }),
    (i) => ({ ...base(i), type: 'load', scenario: pick(['<img src=x onerror=alert(1)>', 'nope', 42, null]) }),
    (i) => ({ ...base(i), type: 'load', scenario: 'cookie-affinity', overrides: { servers: pick([0, 11, 'ten', -3]) } }),
    (i) => ({ ...base(i), type: 'load', scenario: 'cookie-affinity', run: pick(['%%%', 'N4Ig', '<script>']) }),
    (i) => ({ ...base(i), type: 'intervene', intervention: pick([{ kind: 'crashServer', server: 'Z' }, { kind: 'crashServer', server: 'J' }, { kind: '<img>' }, { kind: 'setUsers', count: 9999 }, 'crash', null]) }),
    (i) => ({ ...base(i), type: 'step', back: pick(['yes', 1, null]) }),
    (i) => ({ ...base(i), type: 'subscribe', events: pick([[], ['everything'], 'state', [1, 2]]) }),
    () => pick(junk),
    () => ({ context: 'h5p', action: pick(['resize', 'hello', 'prepareResize']) }),
    () => ({ message: 'height', value: 10, secret: 'abc' }),
    () => ({ protocol: 'another-lab', version: 1, id: 1, type: 'play' }),
  ]
  return Array.from({ length: n }, (_, i) => defects[i % defects.length]!(i))
}
