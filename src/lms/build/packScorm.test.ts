// The packager: one zip per lesson and one for the course, each with imsmanifest.xml at its root
// listing every file, the app's files at relative paths, the package's identity in index.html, and
// none of what doesn't belong (other packages, the service worker, oEmbed pages).

import { unzipSync, strFromU8 } from 'fflate'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseLmsConfig } from '../config.ts'
import { imsManifest } from './imsManifest.ts'
import { buildScormPackages } from './packScorm.ts'

const dir = mkdtempSync(join(tmpdir(), 'scorm-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function fakeBuild() {
  const put = (f: string, text: string) => {
    mkdirSync(join(dir, f, '..'), { recursive: true })
    writeFileSync(join(dir, f), text)
  }
  put('index.html', '<!doctype html><html><head><title>x</title></head><body><script type="module" src="./assets/main.js"></script></body></html>')
  put('embed.html', '<!doctype html><html><head></head><body></body></html>')
  put('assets/main.js', 'console.log(1)')
  put('assets/lesson & more.js', '//')
  put('favicon.svg', '<svg/>')
  put('sw.js', '//')
  put('workbox-abc.js', '//')
  put('scenario/crash.html', '<html>')
  put('oembed/crash.json', '{}')
  put('embed-client.js', '//')
  put('.vite/manifest.json', '{}')
  put('scorm/old.zip', 'stale')
}

const lessons = [
  { slug: 'nginx', title: 'nginx <ip_hash> & friends', order: 10, sceneCount: 3 },
  { slug: 'the-problem', title: 'The problem', order: 1, sceneCount: 2 },
]

describe('buildScormPackages', () => {
  fakeBuild()
  const index = buildScormPackages(dir, lessons, { mastery: 80 })

  it('writes a course package and one per lesson, in course order, with an index', () => {
    expect(index.packages.map((p) => p.file)).toEqual(['sticky-sessions-lab-course.zip', 'sticky-sessions-lab-01-the-problem.zip', 'sticky-sessions-lab-10-nginx.zip'])
    expect(index.packages[0]).toMatchObject({ kind: 'course', scenes: 5 })
    expect(JSON.parse(readFileSync(join(dir, 'scorm/index.json'), 'utf8'))).toEqual(index)
    expect(() => readFileSync(join(dir, 'scorm/old.zip'))).toThrow()
  })

  it('each zip has the manifest at its root, the app’s files, and nothing that doesn’t belong', () => {
    const zip = unzipSync(readFileSync(join(dir, 'scorm/sticky-sessions-lab-10-nginx.zip')))
    expect(Object.keys(zip).sort()).toEqual(['assets/lesson & more.js', 'assets/main.js', 'embed.html', 'favicon.svg', 'imsmanifest.xml', 'index.html'])
    const manifest = strFromU8(zip['imsmanifest.xml']!)
    expect(manifest).toContain('<schemaversion>1.2</schemaversion>')
    expect(manifest).toContain('adlcp:scormtype="sco" href="index.html"')
    expect(manifest).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>')
    expect(manifest).toContain('<title>Sticky Sessions Lab — Lesson 10: nginx &lt;ip_hash&gt; &amp; friends</title>')
    expect(manifest).toContain('<file href="assets/lesson &amp; more.js"/>')
    for (const f of ['index.html', 'assets/main.js', 'embed.html', 'favicon.svg']) expect(manifest).toContain(`<file href="${f}"/>`)
  })

  it('writes the package’s identity into its index.html for the app to read', () => {
    const html = strFromU8(unzipSync(readFileSync(join(dir, 'scorm/sticky-sessions-lab-01-the-problem.zip')))['index.html']!)
    const content = /<meta name="ssl-lms" content="([^"]*)"/.exec(html)![1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&amp;', '&')
    expect(parseLmsConfig(content)).toEqual({ v: 1, id: 'sticky-sessions-lab-the-problem', lessons: ['the-problem'], start: '/learn/the-problem', mastery: 80 })
    const course = strFromU8(unzipSync(readFileSync(join(dir, 'scorm/sticky-sessions-lab-course.zip')))['index.html']!)
    expect(course).toContain('&quot;lessons&quot;:[&quot;the-problem&quot;,&quot;nginx&quot;]')
    expect(course).toContain('&quot;start&quot;:&quot;/learn&quot;')
  })

  it('leaves out the mastery score unless one is given, and refuses a bad one', () => {
    expect(imsManifest({ identifier: 'x', title: 't', mastery: null, launch: 'index.html', files: [] })).not.toContain('masteryscore')
    expect(() => imsManifest({ identifier: 'x', title: 't', mastery: 101, launch: 'index.html', files: [] })).toThrow(/0–100/)
    expect(() => imsManifest({ identifier: '1 x', title: 't', mastery: null, launch: 'index.html', files: [] })).toThrow(/identifier/)
  })
})
