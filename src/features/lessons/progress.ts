// Lesson progress: which predict → run → explain prompts a learner finished, and which lessons are
// done (every prompt finished, or the recap reached). Kept in safeStorage; anything unreadable —
// storage blocked, corrupted or hand-edited JSON — counts as no progress and is never thrown.

import { useStore } from 'zustand'
import { createStore } from 'zustand/vanilla'
import { storage } from '../../store/safeStorage.ts'

export const PROGRESS_KEY = 'ssl:lessons:v1'

export interface LessonProgress {
  readonly scenes: readonly number[]
  readonly done: boolean
}
export type Progress = Readonly<Record<string, LessonProgress>>

// A hand-written check (the shape is tiny): a schema library would cost the Learn page ~20 KB gz.
const isLessonProgress = (x: unknown): x is LessonProgress =>
  typeof x === 'object' && x !== null && typeof (x as LessonProgress).done === 'boolean' && Array.isArray((x as LessonProgress).scenes) && (x as LessonProgress).scenes.every((n) => Number.isInteger(n) && n >= 0)

/** Parse stored progress; bad data of any kind is no progress. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return {}
  try {
    const data: unknown = JSON.parse(raw)
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return {}
    const entries = Object.entries(data)
    return entries.every(([, v]) => isLessonProgress(v)) ? Object.fromEntries(entries) : {}
  } catch {
    return {}
  }
}

/** Record one finished prompt; the lesson is done once all `sceneCount` prompts are. */
export function withScene(p: Progress, slug: string, index: number, sceneCount: number): Progress {
  const cur = p[slug] ?? { scenes: [], done: false }
  if (cur.scenes.includes(index)) return p
  const scenes = [...cur.scenes, index].sort((a, b) => a - b)
  return { ...p, [slug]: { scenes, done: cur.done || scenes.length >= sceneCount } }
}

export function withDone(p: Progress, slug: string): Progress {
  const cur = p[slug] ?? { scenes: [], done: false }
  return cur.done ? p : { ...p, [slug]: { ...cur, done: true } }
}

interface ProgressState {
  progress: Progress
  finishScene(slug: string, index: number, sceneCount: number): void
  finishLesson(slug: string): void
  reset(): void
}

export const progressStore = createStore<ProgressState>((set, get) => {
  const save = (progress: Progress) => {
    if (progress === get().progress) return
    storage.set(PROGRESS_KEY, JSON.stringify(progress))
    set({ progress })
  }
  return {
    progress: parseProgress(storage.get(PROGRESS_KEY)),
    finishScene: (slug, index, sceneCount) => save(withScene(get().progress, slug, index, sceneCount)),
    finishLesson: (slug) => save(withDone(get().progress, slug)),
    reset() {
      storage.remove(PROGRESS_KEY)
      set({ progress: {} })
    },
  }
})

export function useProgress<T>(selector: (p: Progress) => T): T {
  return useStore(progressStore, (s) => selector(s.progress))
}
