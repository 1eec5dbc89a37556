// Hash routing (works on any static host and sub-path): "#/lab?scenario=x" → { path: '/lab', query }.
// A tiny external store over `hashchange`; no routing library needed for five routes.

import { useSyncExternalStore } from 'react'

export interface Route {
  /** Path without the leading '#', e.g. "/learn/nginx". Always starts with "/". */
  readonly path: string
  readonly query: URLSearchParams
  /** Fragment inside the route (a heading id): "#/learn/nginx#ip-hash" → "ip-hash". */
  readonly anchor: string
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '')
  const anchorAt = raw.indexOf('#')
  const withoutAnchor = anchorAt >= 0 ? raw.slice(0, anchorAt) : raw
  const anchor = anchorAt >= 0 ? raw.slice(anchorAt + 1) : ''
  const q = withoutAnchor.indexOf('?')
  const path = (q >= 0 ? withoutAnchor.slice(0, q) : withoutAnchor) || '/'
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(q >= 0 ? withoutAnchor.slice(q + 1) : ''), anchor }
}

let cached: { hash: string; route: Route } | null = null

function snapshot(): Route {
  const hash = window.location.hash
  if (!cached || cached.hash !== hash) cached = { hash, route: parseHash(hash) }
  return cached.route
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, snapshot, snapshot)
}

/** Build a hash href: href('/lab', { scenario: 'x' }) → "#/lab?scenario=x". */
export function href(path: string, query?: Record<string, string | number | undefined>, anchor?: string): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) params.set(k, String(v))
  const qs = params.toString()
  return `#${path}${qs ? `?${qs}` : ''}${anchor ? `#${anchor}` : ''}`
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const target = to.startsWith('#') ? to : `#${to}`
  if (opts.replace) {
    const url = new URL(window.location.href)
    url.hash = target
    window.history.replaceState(null, '', url)
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else {
    window.location.hash = target
  }
}
