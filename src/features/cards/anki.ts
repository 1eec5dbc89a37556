// The deck as an Anki import file: tab-separated with Anki's file headers (Anki ≥ 2.1.54), HTML on,
// Basic note type, tags in column 3. Fields are HTML-escaped, `inline code` becomes <code>, and no
// raw tab or newline survives inside a field (either would start a new field or note).

import type { DeckCard } from './deckSchema.ts'

export function toAnkiTsv(deck: { name: string; cards: readonly Pick<DeckCard, 'front' | 'back' | 'tags'>[] }): string {
  const header = ['#separator:tab', '#html:true', '#notetype:Basic', `#deck:${oneLine(deck.name)}`, '#tags column:3']
  const rows = deck.cards.map((c) => [ankiField(c.front), ankiField(c.back), c.tags.map(ankiTag).join(' ')].join('\t'))
  return [...header, ...rows].join('\n') + '\n'
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** One field of a note: escaped HTML, `code` spans, line breaks as <br>, tabs as spaces. */
export function ankiField(text: string): string {
  return escapeHtml(text.trim())
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\r\n?|\n/g, '<br>')
    .replace(/\t/g, ' ')
}

/** Anki tags are space-separated, so a tag can't contain whitespace. */
function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_')
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\t]+/g, ' ').trim()
}
