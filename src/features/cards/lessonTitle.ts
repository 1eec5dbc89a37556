// The title of the lesson a card comes from, from the lessons catalog's small frontmatter index
// (no lesson bodies are loaded); the slug in words if the lesson is missing.

import { lessonBySlug } from '../../course/catalog.ts'

export function lessonTitle(slug: string): string {
  const title = lessonBySlug(slug)?.title
  if (title) return title
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
