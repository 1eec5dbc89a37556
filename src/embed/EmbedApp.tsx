// The embedded lab: the scenario named in the query, paused unless `autoplay=1`, themed by `theme`,
// trimmed by `controls`, with an "Open full lab" link carrying the current moment. Wrapped like the
// app (LazyMotion strict + MotionConfig). Nothing here needs storage: sandboxed iframes block it.

import { domAnimation, LazyMotion, MotionConfig } from 'framer-motion'
import { lazy, Suspense, useEffect, useMemo } from 'react'
import { LabProvider, useLab } from '../store/LabContext.tsx'
import { usePrefs } from '../store/prefs.ts'
import { ErrorBoundary } from '../components/ErrorBoundary.tsx'
import { Lab } from '../lab-ui/Lab.tsx'
import { readEmbedOptions } from '../lab-ui/links/embedParams.ts'
import { SharedRun } from '../lab-ui/share/SharedRun.tsx'
import { readShare } from '../lab-ui/links/shareLink.ts'
import { productProblem, readLbParam } from '../lab-ui/links/lbParam.ts'
import { SCENARIOS, type ConfigPatch } from '../lab-ui/engine.ts'
import { FramedBridge } from './framed/FramedBridge.tsx'
import { OpenFullLab } from './OpenFullLab.tsx'
import { useEmbedTheme } from './useEmbedTheme.ts'

export function EmbedApp({ search }: { search: string }) {
  const query = useMemo(() => new URLSearchParams(search), [search])
  // ?lesson=<slug>&scene=<n>: one lesson scene (scene/SceneEmbedApp.tsx, loaded on demand).
  if (query.has('lesson')) return <LessonScene query={query} />
  return <FreeLab query={query} />
}

const SceneEmbedApp = lazy(() => import('./scene/SceneEmbedApp.tsx').then((m) => ({ default: m.SceneEmbedApp })))

function LessonScene({ query }: { query: URLSearchParams }) {
  const { options } = readEmbedOptions(query)
  return (
    <Suspense fallback={null}>
      <SceneEmbedApp lesson={query.get('lesson') ?? ''} scene={Number(query.get('scene') ?? '1')} theme={options.theme} />
    </Suspense>
  )
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
  const reduceMotion = usePrefs((p) => p.reduceMotion)
  const title = SCENARIOS[share.scenario].title
  useEmbedTheme(options.theme)

  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion={reduceMotion === 'on' ? 'always' : 'user'}>
        <LabProvider init={{ ...share.init, overrides, speed: options.speed, playing: false }}>
          <FramedBridge />
          <main className="flex flex-col gap-2 p-2 sm:p-3" data-embed data-controls={options.controls}>
            <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h1 className="min-w-0 flex-1 text-sm font-semibold leading-tight">
                <ScenarioTitle />
              </h1>
              <OpenFullLab />
            </header>
            <ErrorBoundary fallback={(e) => <Failed message={e.message} />}>
              <SharedRun share={share} settings={overrides} showScenarioProblem extraProblems={problems} playWhenReady={options.autoplay} />
              <Lab controls={options.controls} picker={false} label={`Lab: ${title}`} />
            </ErrorBoundary>
          </main>
        </LabProvider>
      </MotionConfig>
    </LazyMotion>
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

function Failed({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-lg border border-bad bg-card p-3 text-sm">
      <p className="font-semibold">This embedded lab stopped working.</p>
      <p className="mt-1 text-muted">{message}</p>
      <p className="mt-1">Use “Open full lab” above to carry on in a new tab.</p>
    </div>
  )
}
