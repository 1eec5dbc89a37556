// "LMS packages" for instructors: the SCORM 1.2 zips `npm run build:scorm` put next to the site,
// listed from scorm/index.json. Where the build has none (the dev server, inside a package) it
// renders nothing: a learner never sees a broken download.

import { useEffect, useState } from 'react'

interface Entry {
  file: string
  kind: 'course' | 'lesson'
  title: string
  scenes: number
  bytes: number
}

type Listing = { state: 'loading' } | { state: 'none' } | { state: 'ready'; course: Entry | null; lessons: Entry[]; mastery: number | null }

function isEntry(x: unknown): x is Entry {
  const e = x as Entry
  return typeof e === 'object' && e !== null && typeof e.file === 'string' && /^[\w.-]+\.zip$/.test(e.file) && (e.kind === 'course' || e.kind === 'lesson') && typeof e.title === 'string' && Number.isFinite(e.bytes) && Number.isFinite(e.scenes)
}

let cached: Promise<Listing> | null = null
function loadListing(): Promise<Listing> {
  cached ??= fetch('./scorm/index.json')
    .then((r) => (r.ok ? r.json() : null))
    .then((data: unknown): Listing => {
      const d = data as { packages?: unknown; mastery?: unknown } | null
      if (!d || !Array.isArray(d.packages)) return { state: 'none' }
      const entries = d.packages.filter(isEntry)
      if (entries.length === 0) return { state: 'none' }
      return { state: 'ready', course: entries.find((e) => e.kind === 'course') ?? null, lessons: entries.filter((e) => e.kind === 'lesson'), mastery: typeof d.mastery === 'number' ? d.mastery : null }
    })
    .catch((): Listing => ({ state: 'none' }))
  return cached
}

const size = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`

export function ScormDownloads({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const [listing, setListing] = useState<Listing>({ state: 'loading' })
  useEffect(() => {
    let live = true
    void loadListing().then((l) => live && setListing(l))
    return () => {
      live = false
    }
  }, [])
  if (listing.state !== 'ready') return null
  const Heading = `h${headingLevel}` as const
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-line bg-card p-4 text-sm" aria-labelledby="scorm-downloads" data-testid="scorm-downloads">
      <Heading id="scorm-downloads" className="text-base font-semibold">
        For your LMS: SCORM 1.2 packages
      </Heading>
      <p className="text-muted">
        Upload one to Moodle, Canvas, Blackboard or any SCORM 1.2 LMS. It runs the lessons offline from the package and reports
        completion (every scene predicted and run){listing.mastery !== null ? `, passed or failed against ${listing.mastery}` : ''}, a score (the share of predictions right at the first try) and where the learner left off.
      </p>
      <ul className="flex flex-col gap-1">
        {listing.course && (
          <li>
            <a className="font-medium text-accent underline" href={`./scorm/${listing.course.file}`} download>
              {listing.course.title}
            </a>{' '}
            <span className="text-muted">
              · {listing.course.scenes} scenes · {size(listing.course.bytes)}
            </span>
          </li>
        )}
      </ul>
      {listing.lessons.length > 0 && (
        <details>
          <summary className="cursor-pointer font-medium">One package per lesson ({listing.lessons.length})</summary>
          <ul className="mt-1 flex flex-col gap-1">
            {listing.lessons.map((e) => (
              <li key={e.file}>
                <a className="text-accent underline" href={`./scorm/${e.file}`} download>
                  {e.title}
                </a>{' '}
                <span className="text-muted">
                  · {e.scenes} scene{e.scenes === 1 ? '' : 's'} · {size(e.bytes)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
