// Lesson progress: every scene's predictions (the first one, and whether it was right — the SCORM
// score counts those), whether the scene was run to its end, and where the learner was. A lesson is
// done when every scene was run with the right answer picked ("answered and run"): running a scene on
// a wrong guess and reading on does not finish it. Kept in safeStorage by default; an LMS package
// swaps the persistence (lms/bridge.ts). Anything unreadable counts as no progress, never a throw.
// No React here (the LMS bridge loads before the app renders); the hook is useProgress.ts.

import { createStore } from 'zustand/vanilla'
import { storage } from '../../store/safeStorage.ts'

export const PROGRESS_KEY = 'ssl:lessons:v2'
/** Format 1 kept only which scenes ran; its "done" ticks carry over (see migrateV1). */
export const PROGRESS_KEY_V1 = 'ssl:lessons:v1'

export interface SceneRecord {
  /** The first prediction the learner ran the scene with (a choice index). */
  readonly first: number
  /** Whether that first prediction was right: the score is the share of these. */
  readonly firstRight: boolean
  /** The latest prediction, and whether it is right. */
  readonly picked: number
  readonly right: boolean
  /** The scene ran to its end with the latest prediction (the answer was revealed). */
  readonly ran: boolean
  /** It ran at least once with the right answer picked. */
  readonly solved: boolean
}

export interface LessonProgress {
  /** By scene index (position in the lesson); null for scenes not tried yet. */
  readonly scenes: readonly (SceneRecord | null)[]
  readonly done: boolean
}

export interface Place {
  readonly slug: string
  /** The scene worked on last, or null when the lesson was only opened. */
  readonly scene: number | null
}

export interface Progress {
  readonly lessons: Readonly<Record<string, LessonProgress>>
  readonly last: Place | null
}

export const EMPTY: Progress = { lessons: {}, last: null }

const MAX_SCENES = 64
const isIndex = (n: unknown, max = MAX_SCENES): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) < max
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

function readScene(x: unknown): SceneRecord | null | undefined {
  if (x === null) return null
  if (!isObject(x)) return undefined
  const { first, firstRight, picked, right, ran, solved } = x
  if (!isIndex(first) || !isIndex(picked) || typeof firstRight !== 'boolean' || typeof right !== 'boolean' || typeof ran !== 'boolean' || typeof solved !== 'boolean') return undefined
  return { first, firstRight, picked, right, ran, solved }
}

function readLesson(x: unknown): LessonProgress | undefined {
  if (!isObject(x) || typeof x.done !== 'boolean' || !Array.isArray(x.scenes) || x.scenes.length > MAX_SCENES) return undefined
  const scenes = x.scenes.map(readScene)
  if (scenes.some((s) => s === undefined)) return undefined
  return { scenes: scenes as (SceneRecord | null)[], done: x.done }
}

function readPlace(x: unknown): Place | null {
  if (!isObject(x) || typeof x.slug !== 'string' || x.slug.length > 120) return null
  return { slug: x.slug, scene: isIndex(x.scene) ? x.scene : null }
}

/** Validate progress data of any origin (storage, an LMS); anything malformed is null. */
export function readProgress(data: unknown): Progress | null {
  if (!isObject(data) || !isObject(data.lessons)) return null
  const lessons: Record<string, LessonProgress> = {}
  for (const [slug, v] of Object.entries(data.lessons)) {
    const l = readLesson(v)
    if (!l) return null
    lessons[slug] = l
  }
  return { lessons, last: readPlace(data.last) }
}

/** Parse stored progress; bad data of any kind is no progress. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return EMPTY
  try {
    return readProgress(JSON.parse(raw)) ?? EMPTY
  } catch {
    return EMPTY
  }
}

/** Format 1 (`{slug: {scenes: number[], done}}`) never recorded predictions: only its ticks survive. */
export function migrateV1(raw: string | null): Progress {
  if (raw === null) return EMPTY
  try {
    const data: unknown = JSON.parse(raw)
    if (!isObject(data)) return EMPTY
    const lessons: Record<string, LessonProgress> = {}
    for (const [slug, v] of Object.entries(data)) if (isObject(v) && v.done === true) lessons[slug] = { scenes: [], done: true }
    return { lessons, last: null }
  } catch {
    return EMPTY
  }
}

const lessonOf = (p: Progress, slug: string): LessonProgress => p.lessons[slug] ?? { scenes: [], done: false }

function withLesson(p: Progress, slug: string, lesson: LessonProgress, last: Place | null = p.last): Progress {
  return { lessons: { ...p.lessons, [slug]: lesson }, last }
}

function setScene(scenes: readonly (SceneRecord | null)[], index: number, rec: SceneRecord): (SceneRecord | null)[] {
  const next = [...scenes]
  while (next.length < index) next.push(null)
  next[index] = rec
  return next
}

/** The learner runs scene `index` having predicted `choice` (`right`: it is the answer). */
export function withPrediction(p: Progress, slug: string, index: number, choice: number, right: boolean): Progress {
  if (!isIndex(index) || !isIndex(choice)) return p
  const lesson = lessonOf(p, slug)
  const cur = lesson.scenes[index] ?? null
  const rec: SceneRecord = cur
    ? { ...cur, picked: choice, right, ran: false }
    : { first: choice, firstRight: right, picked: choice, right, ran: false, solved: false }
  return withLesson(p, slug, { ...lesson, scenes: setScene(lesson.scenes, index, rec) }, { slug, scene: index })
}

/** Scene `index` ran to its end (the answer is revealed); the lesson is done once every scene is solved. */
export function withRun(p: Progress, slug: string, index: number, sceneCount: number): Progress {
  const lesson = lessonOf(p, slug)
  const cur = lesson.scenes[index]
  if (!cur) return p
  const rec: SceneRecord = { ...cur, ran: true, solved: cur.solved || cur.right }
  const scenes = setScene(lesson.scenes, index, rec)
  const done = lesson.done || (sceneCount > 0 && Array.from({ length: sceneCount }, (_, i) => scenes[i]?.solved === true).every(Boolean))
  return withLesson(p, slug, { scenes, done }, { slug, scene: index })
}

/** The learner opened a lesson: remember it as the place to resume (keeping the scene if the same). */
export function withVisit(p: Progress, slug: string): Progress {
  if (p.last?.slug === slug) return p
  return { ...p, last: { slug, scene: null } }
}

export interface LessonTally {
  /** Scenes run to the end (with any prediction). */
  readonly ran: number
  /** Scenes whose first prediction was right. */
  readonly firstRight: number
  /** Scenes run with the right answer picked. */
  readonly solved: number
}

export function tally(p: Progress, slug: string, sceneCount: number): LessonTally {
  const scenes = lessonOf(p, slug).scenes.slice(0, sceneCount)
  const count = (f: (s: SceneRecord) => boolean) => scenes.filter((s) => s !== null && f(s)).length
  return { ran: count((s) => s.ran), firstRight: count((s) => s.firstRight), solved: count((s) => s.solved) }
}

export interface ResumeTarget {
  readonly slug: string
  /** The scene to jump to (its element id is scene-<n>, 1-based), or null for the lesson's top. */
  readonly scene: number | null
}

/**
 * Where "Resume where you left off" goes: the lesson worked on last, at its first scene not solved
 * yet; if that lesson is done, the next lesson in course order that isn't. Null when there is
 * nowhere to resume (nothing started, or everything after the last place is done).
 */
export function resumeTarget(p: Progress, lessons: readonly { slug: string; sceneCount: number }[]): ResumeTarget | null {
  const last = p.last
  if (!last) return null
  const at = lessons.findIndex((l) => l.slug === last.slug)
  if (at < 0) return null
  for (const l of lessons.slice(at)) {
    const lesson = lessonOf(p, l.slug)
    if (lesson.done) continue
    if (l.slug !== last.slug) return { slug: l.slug, scene: null }
    const open = Array.from({ length: l.sceneCount }, (_, i) => i).find((i) => lesson.scenes[i]?.solved !== true)
    return { slug: l.slug, scene: open ?? last.scene }
  }
  return null
}

/** Where progress lives: this browser's storage by default; an LMS package provides its own. */
export interface ProgressPersistence {
  load(): Progress
  save(p: Progress): void
  clear(): void
}

export const localPersistence: ProgressPersistence = {
  load() {
    const raw = storage.get(PROGRESS_KEY)
    return raw !== null ? parseProgress(raw) : migrateV1(storage.get(PROGRESS_KEY_V1))
  },
  save: (p) => void storage.set(PROGRESS_KEY, JSON.stringify(p)),
  clear() {
    storage.remove(PROGRESS_KEY)
    storage.remove(PROGRESS_KEY_V1)
  },
}

interface ProgressState {
  progress: Progress
  predict(slug: string, index: number, choice: number, right: boolean): void
  finishScene(slug: string, index: number, sceneCount: number): void
  visit(slug: string): void
  reset(): void
  /** Switch where progress is kept (an LMS package); the store reloads from it. */
  persistWith(persistence: ProgressPersistence): void
}

export const progressStore = createStore<ProgressState>((set, get) => {
  let persistence = localPersistence
  const save = (progress: Progress) => {
    if (progress === get().progress) return
    persistence.save(progress)
    set({ progress })
  }
  return {
    progress: localPersistence.load(),
    predict: (slug, index, choice, right) => save(withPrediction(get().progress, slug, index, choice, right)),
    finishScene: (slug, index, sceneCount) => save(withRun(get().progress, slug, index, sceneCount)),
    visit: (slug) => save(withVisit(get().progress, slug)),
    reset() {
      persistence.clear()
      set({ progress: EMPTY })
    },
    persistWith(next) {
      persistence = next
      set({ progress: next.load() })
    },
  }
})

/** One scene's saved record, read once (a scene restores itself when it mounts). */
export function savedScene(slug: string, index: number): SceneRecord | null {
  return progressStore.getState().progress.lessons[slug]?.scenes[index] ?? null
}
