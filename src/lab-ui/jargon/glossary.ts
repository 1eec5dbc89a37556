// The glossary (content/glossary.json): the course's terms in a sentence (`short`, what the lab's
// "?" buttons show) and a paragraph (`body`, the #/glossary page). Loaded on demand, never with the
// lab's first paint: the text is a few kilobytes the first-load budget has no room for. Entries are
// checked as they are read, so a malformed one is left out rather than breaking a page (the content
// test keeps that at zero). (This folder is jargon/, not glossary/: the lint fence between
// features reads any "glossary/" in an import as the glossary page's folder.)

export interface GlossaryEntry {
  readonly id: string
  readonly term: string
  /** Other spellings and near-synonyms, for linking a text's words to the entry. */
  readonly aliases: readonly string[]
  readonly short: string
  readonly body: string
  /** Lesson slugs that teach it. */
  readonly lessons: readonly string[]
}

const str = (x: unknown): x is string => typeof x === 'string' && x.trim().length > 0
const strs = (x: unknown): x is string[] => Array.isArray(x) && x.every(str)

/** The entries of a glossary file that have every field; anything else is skipped. */
export function readGlossary(raw: unknown): GlossaryEntry[] {
  const terms = typeof raw === 'object' && raw !== null && 'terms' in raw && Array.isArray(raw.terms) ? (raw.terms as unknown[]) : []
  const out: GlossaryEntry[] = []
  const seen = new Set<string>()
  for (const t of terms) {
    if (typeof t !== 'object' || t === null) continue
    const e = t as Record<string, unknown>
    if (!str(e.id) || !str(e.term) || !str(e.short) || !str(e.body) || !strs(e.aliases) || !strs(e.lessons) || seen.has(e.id)) continue
    seen.add(e.id)
    out.push({ id: e.id, term: e.term, aliases: e.aliases, short: e.short, body: e.body, lessons: e.lessons })
  }
  return out
}

let loading: Promise<readonly GlossaryEntry[]> | null = null

/** The glossary, fetched once per page (a failed fetch may be retried). */
export function loadGlossary(): Promise<readonly GlossaryEntry[]> {
  if (!loading) {
    loading = import('../../../content/glossary.json').then((m) => readGlossary(m.default))
    loading.catch(() => (loading = null))
  }
  return loading
}

/**
 * Where a term's entry is: a hash route in the app; from the embed (embed.html) the app's page,
 * opened in a new tab, since the embed has no glossary of its own.
 */
export function glossaryLink(id: string, from: string = window.location.href): { href: string; newTab: boolean } {
  const url = new URL(from)
  if (!/embed\.html$/.test(url.pathname)) return { href: `#/glossary#${id}`, newTab: false }
  url.pathname = url.pathname.replace(/embed\.html$/, '')
  url.search = ''
  url.hash = `#/glossary#${id}`
  return { href: url.href, newTab: true }
}
