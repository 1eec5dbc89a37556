// Which lesson a component is rendered in (for progress and heading links). Lesson components read
// it; outside a lesson (e.g. a test harness) they still render, without recording progress.

import { createContext, useContext } from 'react'

export interface LessonInfo {
  readonly slug: string
  readonly sceneCount: number
}

export const LessonContext = createContext<LessonInfo | null>(null)

export function useLesson(): LessonInfo | null {
  return useContext(LessonContext)
}
