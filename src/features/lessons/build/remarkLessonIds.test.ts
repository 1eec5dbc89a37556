// The heading-id plugin inside a real MDX compile: ids from trailing comments, the comment removed,
// a toc and scene count exported, scenes numbered — and clear build errors for missing or repeated ids
// and for a scene without a scenario.

import { compile } from '@mdx-js/mdx'
import { describe, expect, it } from 'vitest'
import remarkLessonIds from './remarkLessonIds.ts'

const build = (source: string) => compile({ value: source, path: 'content/lessons/99-test.mdx' }, { remarkPlugins: [remarkLessonIds] }).then(String)

describe('remarkLessonIds', () => {
  it('takes the id from {/*id*/}, removes the comment and exports the toc', async () => {
    const js = await build('## Why `ip_hash` hurts {/*ip-hash*/}\n\ntext\n\n### Deeper {/*deeper*/}\n\n#### Not in the toc\n')
    expect(js).toContain('id: "ip-hash"')
    expect(js).toContain('id: "deeper"')
    expect(js).not.toContain('/*ip-hash*/')
    expect(js).toMatch(/export const toc = \[\{\s*"id": "ip-hash",\s*"text": "Why ip_hash hurts",\s*"depth": 2\s*\}, \{\s*"id": "deeper"/)
    // The visible heading text keeps no trailing space.
    expect(js).toContain('"Why "')
    expect(js).toContain('" hurts"')
  })

  it('numbers the scenes in document order and exports how many there are', async () => {
    const js = await build('## A {/*a*/}\n\n<Scene scenario="x" />\n\n<Scene scenario="y" />\n')
    expect(js).toContain('export const sceneCount = 2')
    expect(js).toMatch(/sceneIndex: "0"[\s\S]*sceneIndex: "1"/)
  })

  it('fails the build when a scene names no scenario (e.g. the old id= attribute)', async () => {
    await expect(build('## A {/*a*/}\n\n<Scene id="crash-sticky-memory" />\n')).rejects.toThrow(/<Scene> \(line 3\) in content\/lessons\/99-test\.mdx needs scenario=/)
  })

  it('fails the build when an h2 or h3 has no id, naming the heading and file', async () => {
    await expect(build('## Fine {/*fine*/}\n\n### Missing one\n')).rejects.toThrow(/Heading "Missing one" \(line 3\) in content\/lessons\/99-test\.mdx has no stable id/)
  })

  it('fails the build when an id repeats in a file', async () => {
    await expect(build('## One {/*same*/}\n\n## Two {/*same*/}\n')).rejects.toThrow(/"same" \(line 3\).*repeats the id of line 1/)
  })

  it('rejects malformed and reserved ids', async () => {
    await expect(build('## Bad {/*Not_OK*/}\n')).rejects.toThrow(/lowercase words joined by hyphens/)
    await expect(build('## Recap again {/*recap*/}\n')).rejects.toThrow(/reserved/)
  })
})
