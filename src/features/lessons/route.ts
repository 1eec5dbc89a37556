// The Learn pages: #/learn (the lesson index) and #/learn/<slug> (one lesson). Kept free of lesson
// data so the route registry, which loads with the app, stays tiny.

import type { RouteDef } from '../../app/routes.ts'

const LESSON = /^\/learn\/[^/]+\/?$/

export const route: RouteDef = {
  id: 'learn',
  title: (path) => (LESSON.test(path) ? 'Lesson' : 'Learn'),
  match: (path) => path === '/learn' || path === '/learn/' || LESSON.test(path),
  nav: { label: 'Learn', href: '#/learn', order: 3 },
  // A lesson's scenes may run any load balancer: every product's code loads with the page.
  load: () => Promise.all([import('./LearnPage.tsx'), import('../../store/productLoader.ts').then((m) => m.loadAllProducts())]).then(([m]) => m),
  // A SCORM package (its index.html carries the packager's meta) connects to its LMS first.
  boot: () => (document.querySelector('meta[name="ssl-lms"]') ? import('./lms/bridge.ts').then((m) => m.startLms()) : undefined),
}
