// One scene of a lesson on its own, for embed.html?lesson=<slug>&scene=<n> (a slide, a quiz page):
// the lesson's MDX is rendered with components that draw nothing but its n-th <Scene> (its
// explanation inside included), so the question, the choices, the live lab and the explanation are
// exactly the lesson's. Records no progress (there is no lesson around it); reports to the embed
// through SceneHost. Loaded by the embed on demand.

import { MDXProvider } from '@mdx-js/react'
import { createContext, createElement, Suspense, use, useContext, useMemo, type ComponentType } from 'react'
import { ErrorBoundary } from '../../../components/ErrorBoundary.tsx'
import { lessonBySlug, type LessonEntry, type LessonModule } from '../../../course/catalog.ts'
import { LESSON_COMPONENTS } from '../mdx/components.tsx'
import { SceneHostContext, type SceneHost } from '../scene/sceneHost.ts'
import { Scene, type SceneProps } from '../scene/Scene.tsx'
import '../lessons.css'

export interface SceneEmbedProps {
  readonly lesson: string
  /** 1-based. */
  readonly scene: number
  readonly host: SceneHost
}

const loads = new Map<string, Promise<LessonModule>>()
const load = (entry: LessonEntry) => {
  let p = loads.get(entry.slug)
  if (!p) loads.set(entry.slug, (p = entry.load()))
  return p
}

export default function SceneEmbed({ lesson, scene, host }: SceneEmbedProps) {
  const entry = lessonBySlug(lesson)
  if (!entry) return <Problem text={`There is no lesson called “${lesson.slice(0, 60)}”.`} />
  if (!Number.isInteger(scene) || scene < 1 || scene > entry.sceneCount) return <Problem text={`“${entry.title}” has ${entry.sceneCount} scene${entry.sceneCount === 1 ? '' : 's'}; scene=${String(scene).slice(0, 10)} isn’t one of them.`} />
  return (
    <SceneHostContext.Provider value={host}>
      <ErrorBoundary>
        <Suspense fallback={<p className="text-sm text-muted">Loading the scene…</p>}>
          <OneScene entry={entry} index={scene - 1} />
        </Suspense>
      </ErrorBoundary>
    </SceneHostContext.Provider>
  )
}

function OneScene({ entry, index }: { entry: LessonEntry; index: number }) {
  const Body = use(load(entry)).default
  const components = useMemo(() => onlyScene(index), [index])
  return (
    <div className="lesson-body prose" data-testid="scene-embed" data-lesson={entry.slug}>
      <p className="text-xs text-muted">
        From lesson {entry.order}: {entry.title}
      </p>
      <MDXProvider components={components}>
        <Body />
      </MDXProvider>
    </div>
  )
}

/** Markdown's elements; with the lesson's own components they are everything a lesson draws. */
const MARKDOWN = ['p', 'a', 'strong', 'em', 'code', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre', 'blockquote', 'hr', 'img']
const InScene = createContext(false)

/**
 * Components that draw the `index`-th scene as the lesson does (its explanation included: the
 * explanation's elements are drawn because they sit inside the scene) and nothing outside it.
 */
function onlyScene(index: number) {
  const own = LESSON_COMPONENTS as unknown as Record<string, ComponentType | undefined>
  const gated = (name: string) => {
    const Gate = (props: object) => (useContext(InScene) ? createElement(own[name] ?? name, props) : null)
    Gate.displayName = `InSceneOnly(${name})`
    return Gate
  }
  const names = [...Object.keys(LESSON_COMPONENTS).filter((k) => k !== 'Scene'), ...MARKDOWN]
  const scene = (props: SceneProps) =>
    Number(props.sceneIndex ?? -1) === index ? (
      <InScene.Provider value={true}>
        <Scene {...props} />
      </InScene.Provider>
    ) : null
  return { ...Object.fromEntries(names.map((k) => [k, gated(k)])), Scene: scene }
}

function Problem({ text }: { text: string }) {
  return (
    <p role="alert" className="rounded-lg border border-bad bg-card p-3 text-sm">
      {text} The lab’s lessons are on its Learn page.
    </p>
  )
}
