// Small formatting helpers shared by the lab's panels.

import type { LbProductId, Server, ServerStatus, SimState, User } from '../sim/types.ts'

export { formatClock, formatDuration } from '../sim/trace.ts'

export const pct = (x: number) => `${Math.round(x * 100)}%`

export const STATUS_LABEL: Record<ServerStatus, string> = {
  starting: 'starting',
  up: 'up',
  draining: 'draining',
  crashed: 'crashed',
  removed: 'removed',
}

/**
 * Where a user is in the story, as they see it. "Logged out" is kept for the surprise the lab is
 * about — a login page while they believed they were logged in — and never said of someone who
 * simply has not logged in yet:
 *   not arrived yet → opening the shop (the first request) → on the login page → logged in;
 *   logged out unexpectedly (until they log in again); left.
 * An unexpected logout is the latest thing that happened when it came after their last successful
 * request (a fresh login updates `lastActive`).
 */
export function userStatusText(u: Pick<User, 'id' | 'left' | 'active' | 'believesLoggedIn' | 'next' | 'lastLogoutAt' | 'lastActive'>, sim: Pick<SimState, 'inflight'>): string {
  if (u.left) return 'left'
  if (!u.active && !sim.inflight[u.id]) return 'not arrived yet'
  if (u.believesLoggedIn) return 'logged in'
  if (u.lastLogoutAt >= 0 && u.lastLogoutAt >= u.lastActive) return 'logged out unexpectedly'
  return u.next === 'landing' ? 'opening the shop' : 'on the login page'
}

/**
 * What a learner should read for a server's state, including what the LB believes: its health view,
 * or — for nginx open source, which has none — whether a failed request has marked it.
 */
export function serverStatusText(srv: Pick<Server, 'status' | 'healthy' | 'fails'>, lb: LbProductId): string {
  if (lb === 'nginx') {
    if (srv.status === 'crashed') return srv.fails > 0 ? 'crashed (nginx marked it failed)' : 'crashed (nginx hasn’t noticed yet)'
    if (srv.status === 'up' && srv.fails > 0) return 'up, marked failed until a request succeeds'
    return STATUS_LABEL[srv.status]
  }
  if (srv.status === 'crashed') return srv.healthy ? 'crashed (LB hasn’t noticed yet)' : 'crashed'
  if (srv.status === 'up' && !srv.healthy) return 'up, waiting for health checks'
  return STATUS_LABEL[srv.status]
}

/** "4:05" — minutes and seconds, for countdowns. */
export function formatCountdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/**
 * Users pinned to a server by a live affinity cookie: a draining server keeps serving them (and the
 * drain waits for their sessions) until the drain timeout.
 */
export function pinnedUsers(sim: Pick<SimState, 'users' | 'now'>, server: string): number {
  let n = 0
  for (const u of sim.users) if (!u.left && u.jar.affinity?.server === server && u.jar.affinity.expiresAt > sim.now) n += 1
  return n
}

/** A draining server's progress: "draining: 5 pinned users, 4:05 to the drain timeout". */
export function drainText(srv: Pick<Server, 'id' | 'status' | 'drainDeadline'>, sim: Pick<SimState, 'users' | 'now'>): string | null {
  if (srv.status !== 'draining' || srv.drainDeadline < 0) return null
  const pinned = pinnedUsers(sim, srv.id)
  return `draining: ${pinned} pinned user${pinned === 1 ? '' : 's'}, ${formatCountdown(srv.drainDeadline - sim.now)} to the drain timeout`
}
