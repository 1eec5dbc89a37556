// What the current URL asks the lab to open (scenario, seed, shared run), read once per URL.

import { useMemo } from 'react'
import { readShare, type ShareRequest } from './shareLink.ts'

export function useShareRequest(query: URLSearchParams): ShareRequest {
  // The router hands out one URLSearchParams per hash, so identity is a fine cache key.
  return useMemo(() => readShare(query), [query])
}
