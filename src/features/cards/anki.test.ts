import { describe, expect, it } from 'vitest'
import { DECK } from './deck.ts'
import { ankiField, toAnkiTsv } from './anki.ts'

describe('Anki export', () => {
  it('writes the exact file for a small deck', () => {
    const tsv = toAnkiTsv({
      name: 'System Design::Sticky Sessions',
      cards: [
        { front: 'What does `ip_hash` hash?', back: 'The first three octets of an IPv4 <address> & the whole IPv6 one.', tags: ['nginx', 'ip-hash'] },
        { front: 'Tabs\tand\nnewlines?', back: 'Line one\r\nline "two"\tand \'three\'', tags: ['basics'] },
      ],
    })
    expect(tsv).toBe(
      [
        '#separator:tab',
        '#html:true',
        '#notetype:Basic',
        '#deck:System Design::Sticky Sessions',
        '#tags column:3',
        'What does <code>ip_hash</code> hash?\tThe first three octets of an IPv4 &lt;address&gt; &amp; the whole IPv6 one.\tnginx ip-hash',
        'Tabs and<br>newlines?\tLine one<br>line &quot;two&quot; and &#39;three&#39;\tbasics',
        '',
      ].join('\n'),
    )
  })

  it('never leaves a raw tab or newline inside a field of the real deck', () => {
    const lines = toAnkiTsv(DECK).trimEnd().split('\n')
    expect(lines).toHaveLength(5 + DECK.cards.length)
    for (const line of lines.slice(5)) expect(line.split('\t')).toHaveLength(3)
    expect(lines.slice(5).some((l) => l.includes('<code>'))).toBe(true)
    expect(lines.join('\n')).not.toContain('`')
  })

  it('escapes before marking up code, so code cannot inject HTML', () => {
    expect(ankiField('`<script>`')).toBe('<code>&lt;script&gt;</code>')
  })
})
