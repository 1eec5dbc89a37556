// The flashcards page (#/cards): study, cram and browse the interview deck. Lazy-loaded, so ts-fsrs
// and the deck never reach the first-load bundle.

import type { RouteDef } from '../../app/routes.ts'

export const route: RouteDef = {
  id: 'cards',
  title: () => 'Flashcards',
  match: (path) => path === '/cards',
  nav: { label: 'Cards', href: '#/cards', order: 4 },
  load: () => import('./MotionCardsPage.tsx'),
}
