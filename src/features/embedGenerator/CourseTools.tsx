// The embed page's "for course sites" section: the link to paste into WordPress (the scenario's
// static page with oEmbed), how a page drives the embed (host API), and the SCORM packages for an
// LMS. Kept apart from the generator's form.

import { ScormDownloads } from '../../lms/ScormDownloads.tsx'
import type { ScenarioId } from '../../lab-ui/engine.ts'

export function CourseTools({ scenario }: { scenario: ScenarioId }) {
  const pageUrl = new URL(`./scenario/${scenario}.html`, window.location.href).href
  const siteUrl = new URL('./', window.location.href).href
  return (
    <section aria-labelledby="course-tools" className="flex max-w-3xl flex-col gap-4" data-testid="course-tools">
      <h2 id="course-tools" className="text-lg font-semibold">
        For course sites
      </h2>
      <div className="flex flex-col gap-1 text-sm">
        <h3 className="font-semibold">WordPress: paste a link</h3>
        <p className="text-muted">Paste this address on a line of its own in a post: WordPress finds the embed (oEmbed) and sizes it to the lab.</p>
        <input readOnly value={pageUrl} aria-label="Link for WordPress" onFocus={(e) => e.currentTarget.select()} className="w-full rounded-md border border-line bg-soft p-2 font-mono text-xs" data-testid="wordpress-link" />
      </div>
      <div className="flex flex-col gap-1 text-sm">
        <h3 className="font-semibold">Drive it from your page</h3>
        <p className="text-muted">
          Add <code className="rounded bg-soft px-1">origins=</code> with your page’s origin to the embed’s address, then load scenarios, play, seek, crash servers and hear about logouts with{' '}
          <code className="rounded bg-soft px-1 [overflow-wrap:anywhere]">{`import { connectLab } from '${siteUrl}embed-client.js'`}</code>. H5P and WordPress pages size the embed by themselves.{' '}
          <a className="text-accent underline" href="./EMBED_API.md">
            The host API, with examples
          </a>
          .
        </p>
      </div>
      <ScormDownloads headingLevel={3} />
    </section>
  )
}
