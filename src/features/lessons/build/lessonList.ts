// The lessons as build scripts see them (slug, title, order, number of scenes), read from
// content/lessons/*.mdx exactly as the lesson index plugin reads them. Build-time only.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { lessonFrontmatter } from '../../../course/lessonSchema.ts'
import { slugOf } from '../../../course/slug.ts'
import { analyzeLesson } from './analyzeLesson.ts'

export interface LessonListing {
  readonly slug: string
  readonly title: string
  readonly order: number
  readonly sceneCount: number
}

export function listLessons(dir: string): LessonListing[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const lesson = analyzeLesson(readFileSync(join(dir, f), 'utf8'))
      const fm = lessonFrontmatter.parse(lesson.frontmatter)
      return { slug: slugOf(f), title: fm.title, order: fm.order, sceneCount: lesson.elements.filter((e) => e.name === 'Scene').length }
    })
    .sort((a, b) => a.order - b.order)
}
