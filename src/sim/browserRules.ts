// The browser's judgement of a response, as pure rules over plain values: what counts as an
// unexpected logout, a lost cart, and when the browser retries. The engine applies them to its
// simulated users (browser.ts); anything that replays a run against real software must import these
// same rules rather than restate them, so both count the same things.

import type { Outcome, SimMs } from './types.ts'

/** The user's idle time reached the session idle timeout: the app may have forgotten them. */
export function idleExpired(now: SimMs, lastActive: SimMs, sessionIdleMs: SimMs): boolean {
  return now - lastActive >= sessionIdleMs
}

/** With JWTs, the user's token is gone or past its expiry. */
export function tokenExpired(token: { readonly exp: SimMs } | null, now: SimMs): boolean {
  return token === null || token.exp <= now
}

/**
 * A login page the user did not expect: they believed they were logged in, and neither an expired
 * token nor their own idleness explains it. (Believed logged in with an explanation: the session
 * simply expired.)
 */
export function isUnexpectedLogout(believesLoggedIn: boolean, tokenExpired: boolean, idleExpired: boolean): boolean {
  return believesLoggedIn && !tokenExpired && !idleExpired
}

/**
 * The cart the user filled is gone: the app answered that it has no cart while the user believed it
 * held items (`cartMissing`), or an unexpected logout hit a user whose cart held items.
 */
export function isLostCart(outcome: 'notLoggedIn' | 'cartMissing', unexpectedLogout: boolean, believedCart: number): boolean {
  return outcome === 'cartMissing' || (unexpectedLogout && believedCart > 0)
}

/** Did the request fail in transport (an error status, or no response before the browser's timeout)? */
export function isFailure(outcome: Outcome | null): boolean {
  return outcome === 'error' || outcome === 'lost'
}

/**
 * The browser retries a failed request once (after `clientRetryDelayMs`), unless it is already a
 * retry or the user has left.
 */
export function shouldRetry(outcome: Outcome | null, retrying: boolean, active: boolean): boolean {
  return (outcome === 'error' || outcome === 'lost' || outcome === null) && !retrying && active
}
