import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { readGlossary } from '../../lab-ui/jargon/glossary.ts'
import { termsIn } from './CardTerms.tsx'

const entries = readGlossary(JSON.parse(readFileSync(new URL('../../../content/glossary.json', import.meta.url), 'utf8')))

it('(14.12) finds a card’s terms as written, whole words only, first mention first', () => {
  const found = termsIn('Known as session affinity. A JWT is signed; the NAT box; an alternative; nginx ip_hash and JWTs.', entries)
  expect(found.map((t) => [t.entry.id, t.words])).toEqual([
    ['sticky-session', 'session affinity'],
    ['jwt', 'JWT'],
    ['nat', 'NAT'],
    ['ip-hash', 'ip_hash'],
  ])
  // "nat" inside "alternative" or lower-case "jwt" in a URL is not the term; common words are never linked.
  expect(termsIn('an alternative, see /jwt', entries)).toEqual([])
  expect(termsIn('the session and the load balancer', entries)).toEqual([])
})
