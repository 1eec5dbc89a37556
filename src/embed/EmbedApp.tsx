// The embedded lab: the scenario named in the query, paused unless `autoplay=1`, themed by `theme`,
// trimmed by `controls`, with an "Open full lab" link carrying the current moment. It fills its
// frame exactly and never scrolls: the lab fits its stage to what is left (Lab fit="frame"), and a
// frame too small for everything drops the title and then controls, never the stage (embed.css).
// Nothing here needs storage: sandboxed iframes block it.

import { lazy, Suspense, useEffect, useMemo } from 'react'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'
import { Lab } from '../lab-ui/Lab.tsx'
import { readEmbedOptions } from '../lab-ui/links/embedParams.ts'
import { readShare } from '../lab-ui/links/shareLink.ts'
import { SCENARIOS } from '../lab-ui/engine.ts'
import { LabProvider } from '../store/LabContext.tsx'
import { OpenFullLab } from './OpenFullLab.tsx'
import { useEmbedTheme } from './useEmbedTheme.ts'

// Only a link with a run, a problem to report or autoplay needs it: the plain embed never loads it.
const SharedRun = lazy(() => import('../lab-ui/share/SharedRun.tsx').then((m) => ({ default: m.SharedRun })))

export function EmbedApp({ search }: { search: string }) {
  const query = useMemo(() => new URLSearchParams(search), [search])
  const share = useMemo(() => readShare(query), [query])
  const { options, problems } = useMemo(() => readEmbedOptions(query), [query])
  const title = SCENARIOS[share.scenario].title
  // height=auto: the host grows the frame to fit (auto-height snippet), so lay out at a natural height.
  const grow = options.height === 'auto'
  useEmbedTheme(options.theme)
  useEffect(() => {
    document.title = `${title} · Sticky Sessions Lab`
  }, [title])

  return (
    <LabProvider init={{ ...share.init, speed: options.speed, playing: false }}>
      <main className={`embed-main flex flex-col gap-2 p-2 ${grow ? '' : 'h-dvh overflow-hidden'}`} data-embed data-controls={options.controls} data-height={options.height}>
        <header className="embed-title flex items-baseline gap-3">
          <h1 className="min-w-0 flex-1 truncate text-sm font-semibold leading-tight">{title}</h1>
          <OpenFullLab />
        </header>
        <ErrorBoundary fallback={(e) => <Failed message={e.message} />}>
          {(share.encoded !== null || share.scenarioProblem !== null || share.problems.length > 0 || problems.length > 0 || options.autoplay) && (
            <Suspense fallback={null}>
              <SharedRun share={share} showScenarioProblem extraProblems={problems} playWhenReady={options.autoplay} />
            </Suspense>
          )}
          <Lab controls={options.controls} picker={false} label={`Lab: ${title}`} fit={grow ? 'grow' : 'frame'} stripExtras={<OpenFullLab short />} />
        </ErrorBoundary>
      </main>
    </LabProvider>
  )
}

function Failed({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-bad bg-card p-3 text-sm">
      <p className="font-semibold">This embedded lab stopped working.</p>
      <p className="mt-1 text-muted">{message}</p>
      <p className="mt-1">Use “Open full lab” above to carry on in a new tab.</p>
    </div>
  )
}
