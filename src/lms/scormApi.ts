// Finding an LMS's SCORM 1.2 API the way the standard describes (SCORM 1.2 RTE, "API adapter
// discovery"): an object called `API` on this window or a parent, at most 7 levels up, else on the
// opener's chain. Frames of another origin can't be read; they are skipped, never thrown through.
// See docs/SCORM.md.

export interface Scorm12Api {
  LMSInitialize(arg: ''): unknown
  LMSFinish(arg: ''): unknown
  LMSGetValue(element: string): unknown
  LMSSetValue(element: string, value: string): unknown
  LMSCommit(arg: ''): unknown
  LMSGetLastError?(): unknown
}

export const REQUIRED = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'] as const

export type Found =
  | { readonly kind: 'none' }
  /** An `API` object that lacks calls the content needs (or isn't an object at all). */
  | { readonly kind: 'partial'; readonly missing: readonly string[] }
  | { readonly kind: 'api'; readonly api: Scorm12Api }

/** The standard's limit on how many parents to climb. */
const MAX_HOPS = 7

function apiOn(win: Window): unknown {
  try {
    return (win as unknown as { API?: unknown }).API
  } catch {
    return undefined // another origin
  }
}

function parentOf(win: Window): Window | null {
  try {
    const p = win.parent
    return p && p !== win ? p : null
  } catch {
    return null
  }
}

function scan(start: Window): unknown {
  let win: Window | null = start
  for (let hops = 0; win && hops <= MAX_HOPS; hops++) {
    const api = apiOn(win)
    if (api != null) return api
    win = parentOf(win)
  }
  return undefined
}

function openerOf(win: Window): Window | null {
  try {
    return win.opener ?? null
  } catch {
    return null
  }
}

/** Look for the API from `win` up its parents, then up its opener's. */
export function findApi(win: Window): Found {
  let candidate = scan(win)
  if (candidate === undefined) {
    const opener = openerOf(win)
    if (opener) candidate = scan(opener)
  }
  if (candidate === undefined) return { kind: 'none' }
  return checkApi(candidate)
}

export function checkApi(candidate: unknown): Found {
  if ((typeof candidate !== 'object' && typeof candidate !== 'function') || candidate === null) return { kind: 'partial', missing: [...REQUIRED] }
  const missing = REQUIRED.filter((m) => {
    try {
      return typeof (candidate as Record<string, unknown>)[m] !== 'function'
    } catch {
      return true
    }
  })
  return missing.length > 0 ? { kind: 'partial', missing } : { kind: 'api', api: candidate as Scorm12Api }
}
