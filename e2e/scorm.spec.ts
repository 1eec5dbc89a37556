// A lesson's SCORM 1.2 package in a stand-in LMS: scorm-again's real SCORM 1.2 runtime as
// window.API on a host page that frames the unzipped package (served from its own folder, nothing
// else). The learner runs the lesson's scenes: the LMS gets incomplete → completed (or passed /
// failed against a mastery score) and the share of first predictions that were right; reloading
// resumes where the learner was. Broken LMSs — calls that throw, LMSInitialize "false", an API
// missing calls, corrupted or over-long suspend data — leave a working lesson, its progress in the
// browser and one short notice; never a blank page or an uncaught error.

import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'

const LMS = 'http://lms.test'
const outDir = process.env.OUT_DIR ?? 'dist'
const zip = unzipSync(readFileSync(join(outDir, 'scorm', 'sticky-sessions-lab-01-the-problem.zip')))
const host = readFileSync(new URL('./fixtures/scorm-host.html', import.meta.url), 'utf8')
const runtime = readFileSync(new URL('../node_modules/scorm-again/dist/scorm12.min.js', import.meta.url), 'utf8')
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.xml': 'application/xml' }

interface LmsRecord {
  suspend_data: string
  lesson_status: string
  score: string
  location: string
  exit: string
  session_time: string
  finished: boolean
  launches: number
  calls: string[]
}

/** The LMS's origin: its host page, scorm-again, and the package's files (only those). */
async function serveLms(page: Page, errors: string[]) {
  page.on('pageerror', (e) => errors.push(e.message))
  await page.route(`${LMS}/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname)
    if (path === '/host.html') return route.fulfill({ contentType: 'text/html', body: host })
    if (path === '/scorm12.js') return route.fulfill({ contentType: 'text/javascript', body: runtime })
    const file = path.startsWith('/pkg/') ? zip[path.slice(5)] : undefined
    if (!file) return route.fulfill({ status: 404, body: 'not in the package' })
    return route.fulfill({ contentType: TYPES[extname(path)] ?? 'application/octet-stream', body: Buffer.from(file) })
  })
}

const record = (page: Page) => page.evaluate(() => (window as unknown as { lmsRecord(): LmsRecord }).lmsRecord())

async function answer(scene: Locator, choice: string) {
  await scene.getByRole('radio', { name: choice }).check()
  await scene.getByTestId('scene-run').click()
  await scene.getByTestId('scene-skip').click()
  await expect(scene.getByTestId('scene-result')).toBeVisible()
}

const sco = (page: Page): FrameLocator => page.frameLocator('#sco')

test.describe('SCORM 1.2 package in an LMS', () => {
  test.describe.configure({ timeout: 90_000 })

  test('the package is what an LMS imports: manifest at the root, relative files only', () => {
    const manifest = strFromU8(zip['imsmanifest.xml']!)
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>')
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"')
    const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))
    expect(listed.sort()).toEqual(Object.keys(zip).filter((f) => f !== 'imsmanifest.xml').sort())
    // No file points at the network (the lab runs offline from the package's folder).
    const html = strFromU8(zip['index.html']!)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//)
  })

  test('reports incomplete, then completed with the first-try score; resumes after a reload', async ({ page }) => {
    const errors: string[] = []
    await serveLms(page, errors)
    await page.goto(`${LMS}/host.html`)
    const lesson = sco(page)
    await expect(lesson.getByRole('heading', { level: 1 })).toHaveText('The problem: scale out, get logged out')
    await expect.poll(async () => (await record(page)).lesson_status).toBe('incomplete')
    expect((await record(page)).score).toBe('')

    // Scene 1 right at the first try: half the lesson's score, still incomplete.
    await answer(lesson.getByTestId('scene').nth(0), 'None')
    await expect.poll(async () => (await record(page)).score).toBe('50')
    let r = await record(page)
    expect(r.lesson_status).toBe('incomplete')
    expect(r.location).toBe('/learn/the-problem#scene-1')
    expect(r.suspend_data).toMatch(/^p1\|/)

    // Leaving (a reload) commits and finishes: session time, exit "suspend" for an unfinished lesson.
    await page.reload()
    await expect(lesson.getByRole('heading', { level: 1 })).toBeVisible()
    r = await record(page)
    expect(r.launches).toBe(2)
    expect(r.calls).toContain('LMSFinish')
    expect(r.exit).toBe('suspend')
    expect(r.session_time).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/)

    // Resumed: the package opens at the scene still to do, scene 1 shows the learner's answer.
    await expect(lesson.getByTestId('scene').nth(1)).toBeFocused()
    await expect(lesson.getByTestId('scene').nth(0).getByRole('radio', { name: 'None' })).toBeChecked()
    await expect(lesson.getByTestId('scene').nth(0).getByTestId('scene-result')).toHaveAttribute('data-correct', 'true')

    // Scene 2 wrong at the first try: every scene predicted and run → completed, score 50.
    await answer(lesson.getByTestId('scene').nth(1), 'A few, only under heavy load')
    await expect.poll(async () => (await record(page)).lesson_status).toBe('completed')
    expect((await record(page)).score).toBe('50')
    // A right second try doesn't change the score.
    await lesson.getByTestId('scene').nth(1).getByTestId('scene-again').click()
    await answer(lesson.getByTestId('scene').nth(1), 'Many, spread across almost every user')
    await page.reload()
    r = await record(page)
    expect([r.lesson_status, r.score, r.exit]).toEqual(['completed', '50', ''])
    await expect(lesson.getByTestId('lms-notice')).toHaveCount(0)
    expect(errors).toEqual([])
  })

  test('passed or failed against the mastery score the LMS passes on', async ({ page }) => {
    const errors: string[] = []
    await serveLms(page, errors)
    await page.goto(`${LMS}/host.html?mastery=60`)
    const lesson = sco(page)
    await answer(lesson.getByTestId('scene').nth(0), 'None')
    await answer(lesson.getByTestId('scene').nth(1), 'Still zero — the app code did not change')
    await expect.poll(async () => (await record(page)).lesson_status).toBe('failed')
    expect((await record(page)).score).toBe('50')
    // A new attempt (the LMS starts afresh) answering both right passes.
    await page.goto(`${LMS}/host.html?mastery=60&attempt=new`)
    await answer(lesson.getByTestId('scene').nth(0), 'None')
    await answer(lesson.getByTestId('scene').nth(1), 'Many, spread across almost every user')
    await expect.poll(async () => (await record(page)).lesson_status).toBe('passed')
    expect((await record(page)).score).toBe('100')
    expect(errors).toEqual([])
  })

  const BAD = [
    { name: 'every call throws', query: 'fault=throwing', problem: 'unavailable' },
    { name: 'LMSInitialize answers "false"', query: 'fault=init-false', problem: 'unavailable' },
    { name: 'the API lacks LMSCommit and LMSFinish', query: 'fault=partial', problem: 'unavailable' },
    { name: 'LMSSetValue throws mid-session', query: 'fault=set-throws', problem: 'failing' },
    { name: 'the suspend data is corrupted', query: `suspend=${encodeURIComponent('{"lessons":oops')}`, problem: 'unreadable' },
    { name: 'the suspend data is over 4,096 characters', query: `suspend=${'p1|@'.padEnd(5000, 'x')}`, problem: 'unreadable' },
  ] as const

  test('a broken or partial LMS: the lesson still works, progress stays in the browser, one short notice', async ({ page }) => {
    test.setTimeout(150_000)
    for (const bad of BAD) {
      await test.step(bad.name, async () => {
        const errors: string[] = []
        await page.unrouteAll()
        await serveLms(page, errors)
        await page.goto(`${LMS}/host.html?${bad.query}`)
        await page.evaluate(() => localStorage.clear())
        await page.reload()
        const lesson = sco(page)
        await expect(lesson.getByRole('heading', { level: 1 })).toHaveText('The problem: scale out, get logged out')
        const scene = lesson.getByTestId('scene').nth(0)
        await answer(scene, 'None')
        const notice = lesson.getByTestId('lms-notice')
        await expect(notice).toHaveAttribute('data-problem', bad.problem)
        await expect(notice).toBeVisible()
        // Progress is kept in the browser: after a reload the answer is still there.
        await page.reload()
        await expect(lesson.getByTestId('scene').nth(0).getByTestId('scene-result')).toHaveAttribute('data-correct', 'true')
        await expect(lesson.getByTestId('lms-notice')).toBeVisible()
        expect(errors).toEqual([])
      })
    }
  })

  test('the Learn and Embed pages offer the packages for download', async ({ page, request }) => {
    await page.goto('./#/learn')
    const downloads = page.getByTestId('scorm-downloads')
    const course = downloads.getByRole('link', { name: 'Sticky Sessions Lab: the course' })
    await expect(course).toHaveAttribute('href', './scorm/sticky-sessions-lab-course.zip')
    await downloads.getByText(/One package per lesson \(14\)/).click()
    await expect(downloads.getByRole('link', { name: 'Lesson 1: The problem: scale out, get logged out' })).toHaveAttribute('href', './scorm/sticky-sessions-lab-01-the-problem.zip')
    const zipFile = await request.get('./scorm/sticky-sessions-lab-course.zip')
    expect(zipFile.ok()).toBe(true)
    expect(Object.keys(unzipSync(new Uint8Array(await zipFile.body())))).toContain('imsmanifest.xml')
    await page.goto('./#/embed')
    await expect(page.getByTestId('course-tools').getByRole('link', { name: 'Sticky Sessions Lab: the course' })).toBeVisible()
    await expect(page.getByTestId('wordpress-link')).toHaveValue(/\/scenario\/scale-out-no-affinity\.html$/)
  })

  test('opened without an LMS (straight from the folder), the lesson works and says nothing about an LMS', async ({ page }) => {
    const errors: string[] = []
    await serveLms(page, errors)
    await page.goto(`${LMS}/pkg/index.html`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('The problem: scale out, get logged out')
    await answer(page.getByTestId('scene').nth(0), 'None')
    await expect(page.getByTestId('lms-notice')).toHaveCount(0)
    await expect(page.getByText(/LMS|course system/)).toHaveCount(0)
    expect(errors).toEqual([])
  })
})
