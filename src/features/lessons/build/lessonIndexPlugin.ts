// Vite plugin: `lesson.mdx?meta` is a tiny module with the lesson's validated frontmatter and its
// number of scenes — what the lesson index needs — so the index never pulls lesson bodies into its
// chunk (importing `frontmatter` from the .mdx itself would). A malformed frontmatter fails the build.

import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'
import { lessonFrontmatter } from '../../../course/lessonSchema.ts'
import { analyzeLesson } from './analyzeLesson.ts'

const META = /^(.*\.mdx)\?meta$/
// A virtual id (\0 keeps other plugins away; not ending in .mdx keeps the MDX compiler away).
const PREFIX = '\0lesson-meta:'
const SUFFIX = '.meta.js'

export function lessonIndexPlugin(): Plugin {
  return {
    name: 'lessons:index',
    enforce: 'pre',
    async resolveId(source, importer) {
      const m = META.exec(source)
      if (!m) return null
      const resolved = await this.resolve(m[1]!, importer, { skipSelf: true })
      return resolved ? `${PREFIX}${resolved.id}${SUFFIX}` : null
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null
      const file = id.slice(PREFIX.length, -SUFFIX.length)
      this.addWatchFile(file)
      const lesson = analyzeLesson(readFileSync(file, 'utf8'))
      const parsed = lessonFrontmatter.safeParse(lesson.frontmatter)
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(frontmatter)'}: ${i.message}`).join('; ')
        this.error(`Lesson ${file} has invalid frontmatter — ${problems}`)
      }
      const sceneCount = lesson.elements.filter((e) => e.name === 'Scene').length
      return `export const frontmatter = ${JSON.stringify(parsed.data)};\nexport const sceneCount = ${sceneCount};\n`
    },
  }
}
