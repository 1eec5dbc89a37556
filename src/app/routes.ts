// Page registry. Each feature declares its page in `src/features/<feature>/route.ts`; the app
// discovers them here, so adding a page never means editing a shared switch. Only pages that exist
// are in the navigation.

import type { ComponentType, LazyExoticComponent } from 'react'
import { lazy } from 'react'

export interface RouteDef {
  /** Stable id, used for aria-current in the navigation. */
  id: string
  /** Document title for a path this route matches. */
  title(path: string): string
  /** Does this route handle `path` (e.g. "/learn/nginx")? */
  match(path: string): boolean
  /** In the main navigation: label and order (lower first). */
  nav?: { label: string; href: string; order: number }
  load(): Promise<{ default: ComponentType }>
  /**
   * Work to finish before the app's first render, or undefined when there is none (e.g. the lessons
   * connect to an LMS when the page is a SCORM package). Keep the check itself tiny: it runs on every load.
   */
  boot?(): Promise<unknown> | undefined
}

const modules = import.meta.glob<{ route: RouteDef }>('../features/*/route.ts', { eager: true })
export const ROUTES: readonly RouteDef[] = Object.values(modules).map((m) => m.route)

/** Run every route's boot work; resolves when all of it settled (a failure never blocks the app). */
export function bootRoutes(): Promise<unknown> {
  return Promise.allSettled(ROUTES.map((r) => r.boot?.()))
}

export const NAV = ROUTES.filter((r) => r.nav)
  .map((r) => ({ id: r.id, ...r.nav! }))
  .sort((a, b) => a.order - b.order)

const pages = new Map<string, LazyExoticComponent<ComponentType>>()
function pageFor(r: RouteDef): LazyExoticComponent<ComponentType> {
  let p = pages.get(r.id)
  if (!p) pages.set(r.id, (p = lazy(r.load)))
  return p
}

export function resolvePage(path: string): { id: string; title: string; Page: LazyExoticComponent<ComponentType> | null } {
  const r = ROUTES.find((x) => x.match(path))
  if (!r) return { id: 'not-found', title: 'Not found', Page: null }
  return { id: r.id, title: r.title(path), Page: pageFor(r) }
}
