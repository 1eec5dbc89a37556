// "Proven on real software" (#/real): what `npm run test:real` replays on real nginx, HAProxy,
// Redis and PostgreSQL, on which versions, and the command to do it yourself. Every lesson scene's
// and the lab's one-line badge (src/lab-ui/proof/ProofBadge.tsx) links here.

import type { RouteDef } from '../../app/routes.ts'

export const route: RouteDef = {
  id: 'real',
  title: () => 'Proven on real software',
  match: (path) => path === '/real',
  load: () => import('./RealPage.tsx'),
}
