// The embedded lab: the scenario named in the query, paused unless `autoplay=1`, themed by `theme`,
// trimmed by `controls`, with an "Open full lab" link carrying the current moment. It fills its
// frame exactly and never scrolls: the lab fits its stage to what is left (Lab fit="frame"), and a
// frame too small for everything drops the title and then controls, never the stage (embed.css).
// A host that sizes the frame to the content instead — `height=auto` (the generator's auto-height
// snippet), a WordPress post (`#?secret=`), or a resizer protocol that announces itself (the
// SIZE_TO_CONTENT event, framed/) — gets the lab at a natural height (Lab fit="grow").
// Nothing here needs storage: sandboxed iframes block it. The lab's store waits for the code of the
// run's load balancer (LabProvider, src/store/productLoader.ts); if that can't be fetched the frame
// says so and links to the lab in a new tab.

import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { LabProvider, useLab } from '../store/LabContext.tsx'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'
import { Lab } from '../lab-ui/Lab.tsx'
import { readEmbedOptions } from '../lab-ui/links/embedParams.ts'
import { readShare } from '../lab-ui/links/shareLink.ts'
import { productProblem, readLbParam } from '../lab-ui/links/lbParam.ts'
import { SCENARIOS, type ConfigPatch } from '../lab-ui/engine.ts'
import { FramedBridge } from './framed/FramedBridge.tsx'
import { SIZE_TO_CONTENT, wordpressSecret } from './framed/sizeToContent.ts'
import { OpenFullLab } from './OpenFullLab.tsx'
import { useEmbedTheme } from './useEmbedTheme.ts'

// Only a link with a run, a problem to report or autoplay needs it: the plain embed never loads it.
const SharedRun = lazy(() => import('../lab-ui/share/SharedRun.tsx').then((m) => ({ default: m.SharedRun })))

export function EmbedApp({ search }: { search: string }) {
  const query = useMemo(() => new URLSearchParams(search), [search])
  // ?lesson=<slug>&scene=<n>: one lesson scene (scene/SceneEmbedApp.tsx, loaded on demand).
  if (query.has('lesson')) return <LessonScene query={query} />
  return <FreeLab query={query} />
}

// A lesson scene may run under any load balancer: every product's code loads with it.
const SceneEmbedApp = lazy(() =>
  Promise.all([import('./scene/SceneEmbedApp.tsx'), import('../store/productLoader.ts').then((m) => m.loadAllProducts())]).then(([m]) => ({ default: m.SceneEmbedApp })),
)

function LessonScene({ query }: { query: URLSearchParams }) {
  const { options } = readEmbedOptions(query)
  return (
    <Suspense fallback={null}>
      <SceneEmbedApp lesson={query.get('lesson') ?? ''} scene={Number(query.get('scene') ?? '1')} theme={options.theme} />
    </Suspense>
  )
}

/** Does the host size the frame to the content (so the lab must not size itself to the frame)? */
function useSizeToContent(asked: boolean): boolean {
  const [grow, setGrow] = useState(() => asked || wordpressSecret(window.location.hash) !== null)
  useEffect(() => {
    if (grow) return
    const on = () => setGrow(true)
    window.addEventListener(SIZE_TO_CONTENT, on)
    return () => window.removeEventListener(SIZE_TO_CONTENT, on)
  }, [grow])
  return grow
}

function FreeLab({ query }: { query: URLSearchParams }) {
  const share = useMemo(() => readShare(query), [query])
  const { options, problems: optionProblems } = useMemo(() => readEmbedOptions(query), [query])
  // `lb=`: the load balancer, on top of the scenario and of a shared run (like the lab page's settings).
  const { overrides, problems } = useMemo(() => {
    const { lb, problem } = readLbParam(query)
    const settings: ConfigPatch = lb !== undefined ? { lb } : {}
    const substituted = productProblem(SCENARIOS[share.scenario].config, settings)
    return { overrides: settings, problems: [...optionProblems, ...(problem ? [`${problem} The scenario’s own load balancer was used.`] : []), ...(substituted ? [substituted] : [])] }
  }, [query, optionProblems, share.scenario])
  const title = SCENARIOS[share.scenario].title
  const grow = useSizeToContent(options.height === 'auto')
  useEmbedTheme(options.theme)

  return (
    <ErrorBoundary fallback={(e) => <Failed message={e.message} scenario={share.scenario} />}>
      <Suspense fallback={null}>
        <LabProvider init={{ ...share.init, overrides, speed: options.speed, playing: false }}>
          <FramedBridge />
          <main className={`embed-main flex flex-col gap-2 p-2 ${grow ? '' : 'h-dvh overflow-hidden'}`} data-embed data-controls={options.controls} data-height={grow ? 'auto' : 'frame'}>
            <header className="embed-title flex items-baseline gap-3">
              <h1 className="min-w-0 flex-1 truncate text-sm font-semibold leading-tight">
                <ScenarioTitle />
              </h1>
              <OpenFullLab />
            </header>
            <ErrorBoundary fallback={(e) => <Failed message={e.message} />}>
              {(share.encoded !== null || share.scenarioProblem !== null || share.problems.length > 0 || problems.length > 0 || options.autoplay || Object.keys(overrides).length > 0) && (
                <Suspense fallback={null}>
                  <SharedRun share={share} settings={overrides} showScenarioProblem extraProblems={problems} playWhenReady={options.autoplay} />
                </Suspense>
              )}
              <Lab controls={options.controls} picker={false} label={`Lab: ${title}`} fit={grow ? 'grow' : 'frame'} stripExtras={<OpenFullLab short />} />
            </ErrorBoundary>
          </main>
        </LabProvider>
      </Suspense>
    </ErrorBoundary>
  )
}

/** The scenario the lab shows now (a host may load another one), also as the document's title. */
function ScenarioTitle() {
  const title = SCENARIOS[useLab((s) => s.scenarioId)].title
  useEffect(() => {
    document.title = `${title} · Sticky Sessions Lab`
  }, [title])
  return title
}

function Failed({ message, scenario }: { message: string; scenario?: string }) {
  return (
    <div role="alert" className="rounded-lg border border-bad bg-card p-3 text-sm">
      <p className="font-semibold">This embedded lab stopped working.</p>
      <p className="mt-1 text-muted">{message}</p>
      {scenario === undefined ? (
        <p className="mt-1">Use “Open full lab” to carry on in a new tab.</p>
      ) : (
        // Outside the lab's store (its code didn't load): a plain link to the scenario in the full lab.
        <a className="mt-1 inline-block text-accent underline" href={`./#/lab?scenario=${scenario}`} target="_blank" rel="noopener">
          Open the lab in a new tab
        </a>
      )}
    </div>
  )
}
