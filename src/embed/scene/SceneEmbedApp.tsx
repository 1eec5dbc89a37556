// embed.html?lesson=<slug>&scene=<n>: one lesson scene instead of a free lab. The scene itself comes
// from the lessons feature, found the way the app finds pages (a glob over features/*/embed/, so the
// entry imports no feature); this loads it on demand, wires it to the host-page integrations
// (FramedBridge with the scene's lab store) and publishes its answers for `sceneAnswered`.

import { domAnimation, LazyMotion, MotionConfig } from 'framer-motion'
import { lazy, Suspense, useMemo, useState, type ComponentType } from 'react'
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx'
import type { LabStore } from '../../store/labStore.ts'
import { usePrefs } from '../../store/prefs.ts'
import { FramedBridge } from '../framed/FramedBridge.tsx'
import { publishSceneAnswer } from '../framed/sceneBus.ts'
import type { EmbedTheme } from '../../lab-ui/links/embedParams.ts'
import { useEmbedTheme } from '../useEmbedTheme.ts'

interface SceneAnswer {
  scene: number
  choice: number
  right: boolean
  firstTry: boolean
}
interface ScenePartProps {
  lesson: string
  scene: number
  host: { onLab(store: LabStore): void; onAnswered(a: SceneAnswer): void; appHref(hash: string): string }
}

const parts = import.meta.glob<{ default: ComponentType<ScenePartProps> }>('../../features/*/embed/SceneEmbed.tsx')
const loader = Object.values(parts)[0]
const ScenePart = loader ? lazy(loader) : null

export function SceneEmbedApp({ lesson, scene, theme }: { lesson: string; scene: number; theme: EmbedTheme }) {
  const reduceMotion = usePrefs((p) => p.reduceMotion)
  const [store, setStore] = useState<LabStore | null>(null)
  useEmbedTheme(theme)
  const host = useMemo(
    () => ({
      onLab: (s: LabStore) => setStore(s),
      onAnswered: (a: SceneAnswer) => publishSceneAnswer({ lesson, ...a }),
      appHref: (hash: string) => `./index.html${hash}`,
    }),
    [lesson],
  )
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig reducedMotion={reduceMotion === 'on' ? 'always' : 'user'}>
        <main className="flex flex-col gap-2 p-2 sm:p-3" data-embed data-scene-embed>
          {store && <FramedBridge store={store} />}
          <ErrorBoundary>
            <Suspense fallback={<p className="text-sm text-muted">Loading the scene…</p>}>{ScenePart ? <ScenePart lesson={lesson} scene={scene} host={host} /> : null}</Suspense>
          </ErrorBoundary>
        </main>
      </MotionConfig>
    </LazyMotion>
  )
}
