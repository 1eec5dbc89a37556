// Lesson progress as SCORM suspend data: a compact text form, because SCORM 1.2 gives a learner's
// saved state only 4,096 characters. The whole course (35 scenes) takes about 600.
//
//   p1|@<slug>[.<scene>]|<slug>:<done 0/1>:<scene codes>|…
//
// A scene code is "." (not tried) or three characters: first prediction and latest prediction (one
// base-36 digit each) and a hex digit of flags (1 first right, 2 latest right, 4 ran, 8 solved).
// Decoding validates everything and returns null on any doubt (the caller says so and moves on).

import { readProgress, type LessonProgress, type Progress, type SceneRecord } from '../progress.ts'

const VERSION = 'p1'
const SLUG = /^[a-z0-9][a-z0-9-]{0,80}$/

function sceneCode(s: SceneRecord | null): string {
  if (!s) return '.'
  const flags = (s.firstRight ? 1 : 0) | (s.right ? 2 : 0) | (s.ran ? 4 : 0) | (s.solved ? 8 : 0)
  return `${s.first.toString(36)}${s.picked.toString(36)}${flags.toString(16)}`
}

/** Encode progress; lessons outside `keep` are dropped first if the text would exceed `limit`. */
export function encodeProgress(p: Progress, keep: readonly string[] | null = null, limit = Infinity): string | null {
  const encode = (slugs: string[]) => {
    const place = p.last && SLUG.test(p.last.slug) ? `${p.last.slug}${p.last.scene !== null ? `.${p.last.scene}` : ''}` : ''
    const lessons = slugs.map((slug) => {
      const l = p.lessons[slug]!
      return `${slug}:${l.done ? 1 : 0}:${l.scenes.map(sceneCode).join('')}`
    })
    return [VERSION, `@${place}`, ...lessons].join('|')
  }
  const all = Object.keys(p.lessons).filter((s) => SLUG.test(s) && p.lessons[s]!.scenes.every((r) => r === null || (r.first < 36 && r.picked < 36)))
  const full = encode(all)
  if (full.length <= limit || keep === null) return full.length <= limit ? full : null
  const kept = encode(all.filter((s) => keep.includes(s)))
  return kept.length <= limit ? kept : null
}

function decodeScenes(codes: string): (SceneRecord | null)[] | null {
  const out: (SceneRecord | null)[] = []
  for (let i = 0; i < codes.length; ) {
    if (codes[i] === '.') {
      out.push(null)
      i += 1
      continue
    }
    const chunk = codes.slice(i, i + 3)
    if (!/^[0-9a-z]{2}[0-9a-f]$/.test(chunk)) return null
    const flags = parseInt(chunk[2]!, 16)
    out.push({
      first: parseInt(chunk[0]!, 36),
      picked: parseInt(chunk[1]!, 36),
      firstRight: (flags & 1) !== 0,
      right: (flags & 2) !== 0,
      ran: (flags & 4) !== 0,
      solved: (flags & 8) !== 0,
    })
    i += 3
  }
  return out
}

export function decodeProgress(text: string): Progress | null {
  const [version, place, ...entries] = text.split('|')
  if (version !== VERSION || place === undefined || !place.startsWith('@')) return null
  const lessons: Record<string, LessonProgress> = {}
  for (const e of entries) {
    const m = /^([a-z0-9][a-z0-9-]{0,80}):([01]):([0-9a-z.]*)$/.exec(e)
    if (!m) return null
    const scenes = decodeScenes(m[3]!)
    if (!scenes) return null
    lessons[m[1]!] = { done: m[2] === '1', scenes }
  }
  let last = null
  if (place.length > 1) {
    const pm = /^@([a-z0-9][a-z0-9-]{0,80})(?:\.(\d{1,2}))?$/.exec(place)
    if (!pm) return null
    last = { slug: pm[1]!, scene: pm[2] !== undefined ? Number(pm[2]) : null }
  }
  // The same checks as stored progress (ranges, shapes).
  return readProgress({ lessons, last })
}
