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

/** Where a user is in the story: not arrived yet, logged in or out (as they believe), or left. */
export function userStatusText(u: User, sim: Pick<SimState, 'inflight'>): string {
  if (u.left) return 'left'
  if (!u.active && !sim.inflight[u.id]) return 'not arrived yet'
  return u.believesLoggedIn ? 'logged in' : 'logged out'
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
