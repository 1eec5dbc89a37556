// LMS mode: when the page is a SCORM package (its index.html carries the packager's <meta>), connect
// lesson progress to the LMS before the first render. Progress then lives in the LMS (suspend data)
// with a copy in this browser; status, score and place are reported as they change; leaving the page
// finishes the session. With no LMS around, nothing changes and nothing is said; a broken LMS gets one
// short notice and the lessons keep working on the browser copy. Never throws. See docs/SCORM.md.

import { LESSONS } from '../../../course/catalog.ts'
import { readLmsConfig, type LmsConfig } from '../../../lms/config.ts'
import { findApi } from '../../../lms/scormApi.ts'
import { ScormSession, SUSPEND_LIMIT } from '../../../lms/session.ts'
import { storage } from '../../../store/safeStorage.ts'
import { EMPTY, parseProgress, progressStore, resumeTarget, type Progress, type ProgressPersistence } from '../progress.ts'
import { lmsStatus } from './lmsStatus.ts'
import { locationOf, scoreOf, type ScopeLesson } from './scoring.ts'
import { decodeProgress, encodeProgress } from './suspend.ts'

export interface LmsConnection {
  readonly config: LmsConfig
  /** 'none': no LMS found (works as the site does); 'local': LMS unusable, browser copy; 'lms': reporting. */
  readonly mode: 'none' | 'local' | 'lms'
}

/**
 * This browser's copy of the package's progress, and whether its latest state reached the LMS. An
 * LMS that says "new attempt, nothing saved" is believed only if the copy did reach it; otherwise
 * (the LMS failed while saving) the copy is what the learner last did.
 */
function browserCopy(id: string) {
  const key = `ssl:lms:${id}`
  const read = (): { progress: Progress; synced: boolean } => {
    const raw = storage.get(key)
    try {
      const data = raw === null ? null : (JSON.parse(raw) as { synced?: unknown; progress?: unknown })
      return { progress: parseProgress(JSON.stringify(data?.progress ?? null)), synced: data?.synced === true }
    } catch {
      return { progress: EMPTY, synced: true }
    }
  }
  const write = (progress: Progress, synced: boolean) => void storage.set(key, JSON.stringify({ synced, progress }))
  const local: ProgressPersistence = { load: () => read().progress, save: (p) => write(p, false), clear: () => storage.remove(key) }
  return { read, write, local }
}

/**
 * Open at the package's start route; a lesson package resuming goes straight to its open scene.
 * Runs before the app's first render, so setting the hash is all it takes (no router: this chunk
 * stays free of React — see docs/DECISIONS.md, "lazy chunks and the vendor chunk").
 */
function land(config: LmsConfig, progress: Progress, scope: readonly ScopeLesson[]) {
  const h = window.location.hash
  if (h !== '' && h !== '#' && h !== '#/') return
  const target = config.lessons.length === 1 ? resumeTarget(progress, scope) : null
  const url = new URL(window.location.href)
  url.hash = target && target.scene !== null ? `#/learn/${target.slug}#scene-${target.scene + 1}` : `#${config.start}`
  window.history.replaceState(null, '', url)
}

export function startLms(win: Window = window): LmsConnection | null {
  const config = readLmsConfig(win.document)
  if (!config) return null
  const scope: ScopeLesson[] = config.lessons.flatMap((slug) => {
    const l = LESSONS.find((x) => x.slug === slug)
    return l ? [{ slug, sceneCount: l.sceneCount }] : []
  })
  const copy = browserCopy(config.id)
  const report = lmsStatus.getState().report
  const found = findApi(win)

  if (found.kind === 'none') {
    // Opened from the unzipped folder or a web server: the lessons work as on the site.
    land(config, progressStore.getState().progress, scope)
    return { config, mode: 'none' }
  }
  const local = (): LmsConnection => {
    progressStore.getState().persistWith(copy.local)
    land(config, progressStore.getState().progress, scope)
    return { config, mode: 'local' }
  }
  if (found.kind === 'partial') {
    report('unavailable')
    return local()
  }

  const session = new ScormSession(found.api, report)
  const started = session.start()
  if (!started) return local()

  let initial: Progress
  const saved = copy.read()
  if (started.suspend === '') {
    // A new attempt starts afresh, unless this browser holds progress the LMS never received.
    initial = started.entry === 'resume' || !saved.synced ? saved.progress : EMPTY
  } else {
    const decoded = started.suspend.length <= SUSPEND_LIMIT ? decodeProgress(started.suspend) : null
    if (decoded) initial = decoded
    else {
      report('unreadable')
      initial = saved.progress
    }
  }
  const mastery = started.mastery ?? config.mastery
  /** Report to the LMS and keep the browser copy, noting whether the LMS took it all. */
  const push = (p: Progress) => {
    const { status, score } = scoreOf(p, scope, mastery)
    const suspend = encodeProgress(p, config.lessons, SUSPEND_LIMIT)
    if (suspend === null) report('too-large')
    const delivered = session.report({ status, score, suspend, location: locationOf(p) }) && suspend !== null && lmsStatus.getState().problem === null
    copy.write(p, delivered)
    return status
  }
  let status = push(initial)
  progressStore.getState().persistWith({
    load: () => initial,
    save(p) {
      status = push(p)
    },
    clear() {
      copy.local.clear()
      status = push(EMPTY)
    },
  })

  const leave = () => session.finish(status !== 'incomplete')
  win.addEventListener('pagehide', leave)
  win.addEventListener('beforeunload', leave)
  land(config, initial, scope)
  return { config, mode: 'lms' }
}
