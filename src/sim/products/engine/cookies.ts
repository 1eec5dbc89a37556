// The load balancer's affinity cookie in the browser's jar, and the cookie exactly as each product
// sends it. What the jar keeps: the server named, when the load balancer stops honouring it, when it
// was set and first issued, and — where the lab models the value — the value itself.
//   HAProxy  `SERVERID=B; path=/` — a session cookie; with maxidle/maxlife the dates ride inside the
//            value (`B|aw1tz|aw1tz`) and HAProxy ignores a stale one (docs/facts/haproxy.md §Cookie insert).
//   ALB      `AWSALB=<opaque>; Expires=<now + 7 days>; Path=/` (+ `AWSALBCORS`), re-sent on every
//            response; the stickiness duration (1 day, sliding) is enforced inside (docs/facts/alb.md §3a).
//   Cloudflare `__cflb=<opaque>; SameSite=Lax; path=/; expires=<issued + 23 h>; HttpOnly`, fixed from
//            its creation (docs/facts/cloudflare.md §3).

import { formatClock, formatDuration } from '../../trace.ts'
import type { AffinityCookie, CookieJar, RequestAffinity, SimConfig, SimMs, SimState } from '../../types.ts'

/** "Until the browser closes": a session cookie outlives any run. */
export const SESSION_COOKIE = Number.MAX_SAFE_INTEGER

/** ALB's AWSALB / AWSALBCORS always carry Expires = now + 7 days (docs/facts/alb.md §3a). */
export const AWSALB_EXPIRES_MS = 7 * 86_400_000

/** When a cookie set at `from` stops being honoured (a TTL of 0: a session cookie). */
function until(ttlMs: SimMs, from: SimMs): SimMs {
  return ttlMs > 0 ? from + ttlMs : SESSION_COOKIE
}

/** A response's affinity reached the browser: store or refresh the cookie (the jar is owned). */
export function storeAffinity(s: SimState, jar: CookieJar, a: RequestAffinity): void {
  const { ttlMs, mode } = s.config.cookie
  const current = jar.affinity
  if (current === null || current.server !== a.server) {
    jar.affinity = { server: a.server, expiresAt: until(ttlMs, s.now), setAt: s.now, firstAt: s.now, value: a.value ?? null }
    return
  }
  if (s.config.lb === 'haproxy') {
    // Only a Set-Cookie changes it; HAProxy refreshes the dates in the value itself.
    if (!a.issued) return
    current.value = a.value ?? null
    current.setAt = s.now
    current.expiresAt = until(ttlMs, mode === 'fixed' ? current.firstAt : s.now)
    return
  }
  // ALB slides on every response; a fixed cookie (Cloudflare) keeps its first expiry unless re-issued.
  if (mode === 'sliding' || a.issued) {
    current.expiresAt = until(ttlMs, s.now)
    current.setAt = s.now
    if (a.issued) current.firstAt = s.now
  }
}

/** A date in the run's own clock: the lab has no calendar, so "0:42 + 7 days" stands for the HTTP date. */
const dateAt = (t: SimMs, plus: SimMs): string => `<${formatClock(t)}${plus > 0 ? ` + ${formatDuration(plus)}` : ''}>`

/** The Set-Cookie header the load balancer last sent for this cookie, as the product writes it. */
export function setCookieText(config: SimConfig, c: AffinityCookie): string {
  const name = config.cookie.name
  switch (config.lb) {
    case 'haproxy':
      return `${name}=${c.value ?? c.server}; path=/`
    case 'alb':
      return `${name}=<opaque, names ${c.server}>; Expires=${dateAt(c.setAt, AWSALB_EXPIRES_MS)}; Path=/`
    case 'cloudflare':
      return `${name}=<opaque, names ${c.server}>; SameSite=Lax; path=/; expires=${dateAt(c.firstAt, config.cookie.ttlMs)}; HttpOnly`
    default:
      return `${name}=${c.server}`
  }
}
