// The lesson catalog: every content/lessons/NN-slug.mdx, in frontmatter order. The index data comes
// from the small `?meta` modules (validated at build); each lesson body is its own lazy chunk.

import type { ComponentType } from 'react'
import type { LessonFrontmatter } from './lessonSchema.ts'
import { slugOf } from './slug.ts'

export interface TocEntry {
  readonly id: string
  readonly text: string
  readonly depth: number
}

export interface LessonModule {
  default: ComponentType<{ components?: Record<string, unknown> }>
  toc: readonly TocEntry[]
}

export interface LessonEntry extends LessonFrontmatter {
  readonly slug: string
  readonly sceneCount: number
  load(): Promise<LessonModule>
}

const metas = import.meta.glob<{ frontmatter: LessonFrontmatter; sceneCount: number }>('/content/lessons/*.mdx', { query: '?meta', eager: true })
const bodies = import.meta.glob<LessonModule>('/content/lessons/*.mdx')

export const LESSONS: readonly LessonEntry[] = Object.entries(metas)
  .map(([path, meta]) => {
    const file = path.replace(/\?meta$/, '')
    const load = bodies[file]
    if (!load) throw new Error(`Lesson body missing for ${file}`)
    return { ...meta.frontmatter, slug: slugOf(file), sceneCount: meta.sceneCount, load }
  })
  .sort((a, b) => a.order - b.order)

export function lessonBySlug(slug: string): LessonEntry | undefined {
  return LESSONS.find((l) => l.slug === slug)
}

/** The lessons before and after `slug` in course order. */
export function neighbours(slug: string): { prev: LessonEntry | null; next: LessonEntry | null } {
  const i = LESSONS.findIndex((l) => l.slug === slug)
  return { prev: LESSONS[i - 1] ?? null, next: i >= 0 ? (LESSONS[i + 1] ?? null) : null }
}
