// What a page that shows a scene on its own (embed.html?lesson=…&scene=…) wants from it: its lab's
// store (the host API drives it), a word when the learner has run it with a prediction
// (`sceneAnswered`), and links into the site (the embed isn't the app). Lessons provide none of it.

import { createContext, useContext } from 'react'
import type { LabStore } from '../../../store/labStore.ts'

export interface SceneAnswer {
  /** 1-based, as the learner counts scenes. */
  readonly scene: number
  readonly choice: number
  readonly right: boolean
  /** The first run of this scene on this page. */
  readonly firstTry: boolean
}

export interface SceneHost {
  onLab?(store: LabStore): void
  onAnswered?(answer: SceneAnswer): void
  /** Turns an app route ("#/lab?…") into a link that works from where the scene is shown. */
  appHref?(hash: string): string
}

export const SceneHostContext = createContext<SceneHost | null>(null)

export function useSceneHost(): SceneHost | null {
  return useContext(SceneHostContext)
}
