// The pages that exist, for the router and the navigation (no placeholder pages).

export type PageId = 'home' | 'lab' | 'not-found'

export interface Page {
  id: PageId
  title: string
}

export const NAV: readonly { id: PageId; label: string; href: string }[] = [{ id: 'lab', label: 'Lab', href: '#/lab' }]

export function resolvePage(path: string): Page {
  if (path === '/' || path === '') return { id: 'home', title: 'Sticky Sessions Lab' }
  if (path === '/lab') return { id: 'lab', title: 'Lab' }
  return { id: 'not-found', title: 'Not found' }
}
