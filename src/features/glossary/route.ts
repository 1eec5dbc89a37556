// The glossary (#/glossary, #/glossary#<term>): the course's jargon in plain words. The lab's "?"
// buttons, the lessons and the flashcards link to its entries.

import type { RouteDef } from '../../app/routes.ts'

export const route: RouteDef = {
  id: 'glossary',
  title: () => 'Glossary',
  match: (path) => path === '/glossary',
  nav: { label: 'Glossary', href: '#/glossary', order: 4.5 },
  load: () => import('./GlossaryPage.tsx'),
}
