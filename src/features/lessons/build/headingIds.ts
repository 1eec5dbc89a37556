// Stable heading ids, react.dev style: a lesson writes `## Title {/*stable-id*/}`. These helpers read
// the id from that trailing MDX comment and remove it, so the id survives any rewording of the title.
// Shared by the remark plugin (the build) and the content analyser (tests). Build-time only.

import type { Heading, PhrasingContent } from 'mdast'
import type {} from 'mdast-util-mdx'

export const HEADING_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const COMMENT = /^\s*\/\*\s*([^*]*?)\s*\*\/\s*$/

/** Ids the app itself uses on every page: a heading must never take them. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['main', 'root', 'you-will-learn', 'recap'])

export interface HeadingEntry {
  readonly id: string
  readonly text: string
  readonly depth: number
}

/** Plain text of phrasing content (inline code keeps its text; MDX expressions are dropped). */
export function plainText(nodes: readonly PhrasingContent[]): string {
  let out = ''
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'inlineCode') out += n.value
    else if ('children' in n) out += plainText(n.children as PhrasingContent[])
  }
  return out.replace(/\s+/g, ' ').trim()
}

/**
 * Take the `{/*id*\/}` comment off the end of a heading. Returns the raw id text (possibly malformed,
 * for the caller to report) or null when the heading has no such comment. Mutates the heading.
 */
export function takeHeadingId(heading: Heading): string | null {
  const last = heading.children.at(-1)
  if (!last || last.type !== 'mdxTextExpression') return null
  const m = COMMENT.exec(last.value)
  if (!m) return null
  heading.children.pop()
  const before = heading.children.at(-1)
  if (before?.type === 'text') before.value = before.value.replace(/\s+$/, '')
  return m[1] ?? ''
}
