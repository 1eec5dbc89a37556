// Whether HAProxy 2.6 deems a response cacheable — `cookie … nocache` adds "Cache-control: private" only
// then (src/http_ana.c: request method, status list, http_check_response_for_cacheability). See
// docs/facts/haproxy.md §nocache.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE'])
const CACHEABLE_STATUS = new Set([200, 203, 204, 206, 300, 301, 404, 405, 410, 414, 501])

/** Response headers as [name, value] pairs in wire order (names in any case). */
export type HeaderList = readonly (readonly [string, string])[]

const values = (headers: HeaderList, name: string): string[] =>
  headers.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v)

/** Comma-separated elements (as http_find_header walks them), trimmed. */
function elements(headers: HeaderList, name: string): string[] {
  return values(headers, name).flatMap((v) => v.split(',').map((e) => e.trim()))
}

const startsWithI = (s: string, prefix: string): boolean => s.slice(0, prefix.length).toLowerCase() === prefix

export function isCacheable(method: string, status: number, headers: HeaderList): boolean {
  let cacheable = SAFE_METHODS.has(method) && CACHEABLE_STATUS.has(status)
  if (status < 200) return false
  // Only the first Pragma header is looked at, as a whole.
  if (values(headers, 'pragma')[0]?.trim().toLowerCase() === 'no-cache') return false
  let fresh = false
  for (const e of elements(headers, 'cache-control')) {
    const l = e.toLowerCase()
    if (l === 'public') cacheable = true
    else if (['private', 'no-cache', 'no-store', 'max-age=0', 's-maxage=0'].includes(l)) cacheable = false
    else if (startsWithI(e, 'no-cache="set-cookie')) continue
    else if (startsWithI(e, 's-maxage') || startsWithI(e, 'max-age')) fresh = true
  }
  if (!fresh) fresh = values(headers, 'expires').length > 0
  const validator = values(headers, 'etag').length > 0 || values(headers, 'last-modified').length > 0
  if (!fresh && !validator) cacheable = false
  return cacheable
}
