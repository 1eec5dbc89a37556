// The embed generator (#/embed): instructors pick a scenario and options, watch a live preview and
// copy the <iframe> snippet. A page of its own (not a lab panel) because it needs room for a preview
// at the real embed size and is where instructors arrive from the navigation; the lab's
// "Share & export" menu links here with the current run.

import type { RouteDef } from '../../app/routes.ts'

export const route: RouteDef = {
  id: 'embed',
  title: () => 'Embed',
  match: (path) => path === '/embed',
  nav: { label: 'Embed', href: '#/embed', order: 5 },
  load: () => import('./EmbedGeneratorPage.tsx'),
}
