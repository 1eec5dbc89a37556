// The lab's pages: #/ (landing: the lab with the scale-out scenario ready) and #/lab (the full lab).

import type { RouteDef } from '../../app/routes.ts'

export const route: RouteDef = {
  id: 'lab',
  title: (path) => (path === '/' ? 'Sticky Sessions Lab' : 'Lab'),
  match: (path) => path === '/' || path === '/lab',
  nav: { label: 'Lab', href: '#/lab', order: 1 },
  load: () => import('./LabRoutePage.tsx'),
}
