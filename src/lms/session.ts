// One SCORM 1.2 session with an LMS: LMSInitialize, read what the LMS kept (suspend data, entry,
// mastery score), report status, score, suspend data and location as they change, and on leaving
// set the session time and exit mode, LMSCommit, LMSFinish. Every call is guarded: a call that
// throws makes the session stop talking to the LMS, a call answered "false" is reported, and
// nothing ever throws into the page. See docs/SCORM.md.

import { cmiTimespan } from './cmiTime.ts'
import type { Scorm12Api } from './scormApi.ts'

/** cmi.suspend_data is a CMIString4096 in SCORM 1.2. */
export const SUSPEND_LIMIT = 4096
/** cmi.core.lesson_location is a CMIString255. */
export const LOCATION_LIMIT = 255

export type LessonStatus = 'incomplete' | 'completed' | 'passed' | 'failed'

/** What went wrong, for the learner's one short notice. */
export type LmsProblem =
  /** LMSInitialize failed, threw, or the API is missing calls: nothing is recorded by the LMS. */
  | 'unavailable'
  /** What the LMS kept for this learner can't be used (corrupted, or over the 4,096-character limit). */
  | 'unreadable'
  /** The progress no longer fits in the LMS's 4,096 characters. */
  | 'too-large'
  /** The LMS stopped accepting calls mid-session. */
  | 'failing'

export interface Report {
  readonly status: LessonStatus
  /** 0–100, or null while there is nothing to score yet. */
  readonly score: number | null
  /** The learner's saved state; null leaves what the LMS holds unchanged (e.g. it no longer fits). */
  readonly suspend: string | null
  readonly location: string
}

export interface Started {
  /** The raw suspend data (maybe empty); the caller decides whether it is readable. */
  readonly suspend: string
  /** cmi.core.entry: "ab-initio" on a first launch, "resume" after a suspended one, or "". */
  readonly entry: string
  /** cmi.student_data.mastery_score as a number 0–100, or null when the LMS declares none. */
  readonly mastery: number | null
}

const ok = (r: unknown) => r === true || String(r) === 'true'

export class ScormSession {
  private live = false
  private finished = false
  private refused = false
  private startedAt = 0
  private readonly sent = new Map<string, string>()

  constructor(
    private readonly api: Scorm12Api,
    private readonly onProblem: (p: LmsProblem) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Is the LMS still being talked to? */
  get connected(): boolean {
    return this.live
  }

  /** LMSInitialize and read the learner's saved state; null when the LMS can't be used. */
  start(): Started | null {
    let inited: boolean
    try {
      inited = ok(this.api.LMSInitialize(''))
    } catch {
      inited = false
    }
    if (!inited) {
      this.onProblem('unavailable')
      return null
    }
    this.live = true
    this.startedAt = this.now()
    const suspend = this.get('cmi.suspend_data')
    const entry = this.get('cmi.core.entry')
    const m = this.get('cmi.student_data.mastery_score').trim()
    const n = m === '' ? NaN : Number(m)
    const mastery = Number.isFinite(n) && n >= 0 && n <= 100 ? n : null
    if (!this.live) return null
    this.sent.set('cmi.core.lesson_status', this.get('cmi.core.lesson_status'))
    return { suspend, entry, mastery }
  }

  /** Send what changed since the last report, then LMSCommit. False when the LMS refused. */
  report(r: Report): boolean {
    if (!this.live) return false
    let changed = this.set('cmi.core.lesson_status', r.status)
    if (r.score !== null) {
      changed = this.set('cmi.core.score.min', '0') || changed
      changed = this.set('cmi.core.score.max', '100') || changed
      changed = this.set('cmi.core.score.raw', String(Math.round(Math.min(100, Math.max(0, r.score))))) || changed
    }
    if (r.suspend !== null) {
      if (r.suspend.length > SUSPEND_LIMIT) this.onProblem('too-large')
      else changed = this.set('cmi.suspend_data', r.suspend) || changed
    }
    changed = this.set('cmi.core.lesson_location', r.location.slice(0, LOCATION_LIMIT)) || changed
    if (changed && this.live) this.call(() => this.api.LMSCommit(''))
    return this.live
  }

  /** Leaving: session time, exit mode ("suspend" keeps the suspend data for the next launch), commit, finish. */
  finish(complete: boolean): void {
    if (!this.live || this.finished) return
    this.finished = true
    this.set('cmi.core.session_time', cmiTimespan(this.now() - this.startedAt))
    this.set('cmi.core.exit', complete ? '' : 'suspend')
    this.call(() => this.api.LMSCommit(''))
    this.call(() => this.api.LMSFinish(''))
    this.live = false
  }

  private get(element: string): string {
    if (!this.live) return ''
    try {
      const v = this.api.LMSGetValue(element)
      return typeof v === 'string' ? v : v == null ? '' : String(v)
    } catch {
      this.fail()
      return ''
    }
  }

  /** Set a value unless it was already sent; true when something was sent. */
  private set(element: string, value: string): boolean {
    if (!this.live || this.sent.get(element) === value) return false
    if (!this.call(() => this.api.LMSSetValue(element, value))) return false
    this.sent.set(element, value)
    return true
  }

  /** One API call: true when the LMS said "true"; "false" is reported, a throw ends the session. */
  private call(f: () => unknown): boolean {
    try {
      if (ok(f())) return true
      if (!this.refused) {
        this.refused = true
        this.onProblem('failing')
      }
    } catch {
      this.fail()
    }
    return false
  }

  private fail() {
    if (!this.live) return
    this.live = false
    this.onProblem('failing')
  }
}
