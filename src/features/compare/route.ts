// #/compare: the same seed under 2–5 designs side by side, with a scoreboard and live charts.

import type { RouteDef } from '../../app/routes.ts'

export const route: RouteDef = {
  id: 'compare',
  title: () => 'Compare designs',
  match: (path) => path === '/compare',
  nav: { label: 'Compare', href: '#/compare', order: 2 },
  // Columns may run any load balancer, side by side: every product's code loads with the page.
  load: () => Promise.all([import('./ComparePage.tsx'), import('../../store/productLoader.ts').then((m) => m.loadAllProducts())]).then(([m]) => m),
}
