// What an LMS package tells the app about itself: the build:scorm packager writes it into the
// package's index.html as <meta name="ssl-lms" content="{…}">, the app reads it before its first
// render. No meta, no LMS mode: the site itself never looks for an LMS. See docs/SCORM.md.

export const LMS_META_NAME = 'ssl-lms'

export interface LmsConfig {
  /** Format of this record. */
  readonly v: 1
  /** The package's identifier (also names the browser's backup copy of the progress). */
  readonly id: string
  /** The lessons this package reports on, by slug, in course order. */
  readonly lessons: readonly string[]
  /** The route the package opens at, e.g. "/learn/the-problem" or "/learn". */
  readonly start: string
  /** The mastery score declared in the manifest (0–100), used when the LMS doesn't pass one on. */
  readonly mastery: number | null
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/

export function parseLmsConfig(raw: string | null | undefined): LmsConfig | null {
  if (!raw) return null
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null) return null
  const d = data as Record<string, unknown>
  if (d.v !== 1 || typeof d.id !== 'string' || !SLUG.test(d.id)) return null
  if (!Array.isArray(d.lessons) || d.lessons.length === 0 || !d.lessons.every((s) => typeof s === 'string' && SLUG.test(s))) return null
  if (typeof d.start !== 'string' || !/^\/[a-z0-9/-]*$/.test(d.start)) return null
  const m = d.mastery
  const mastery = typeof m === 'number' && Number.isFinite(m) && m >= 0 && m <= 100 ? m : null
  return { v: 1, id: d.id, lessons: d.lessons as string[], start: d.start, mastery }
}

export function readLmsConfig(doc: Document): LmsConfig | null {
  return parseLmsConfig(doc.querySelector(`meta[name="${LMS_META_NAME}"]`)?.getAttribute('content'))
}

/** The <meta> tag the packager puts in a package's index.html (attribute-escaped JSON). */
export function lmsMetaTag(c: LmsConfig): string {
  const json = JSON.stringify(c).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
  return `<meta name="${LMS_META_NAME}" content="${json}" />`
}
