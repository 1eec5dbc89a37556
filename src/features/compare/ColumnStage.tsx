// A compact stage for one column: users on top, the load balancer, then the servers (and the store
// when sessions live there), with the lab's own request canvas drawn over them. No per-column
// crash buttons: interventions act on every design at once (InterventionBar). The DOM refreshes
// ~8×/s from one throttled read, inside a layout/paint containment box so four stages updating
// don't re-lay out the page; only the canvas animates every frame.

import { memo, useRef } from 'react'
import type { LbProductId, Server, Session, SessionStore, SimState, User } from '../../sim/types.ts'
import { liveSessions, storeInUse, USER_COLORS } from '../../lab-ui/engine.ts'
import { serverStatusText } from '../../lab-ui/format.ts'
import { avatarStyle, userFill } from '../../draw/palette.ts'
import { RequestLayer } from '../../lab-ui/stage/RequestLayer.tsx'
import { useAnchors } from '../../lab-ui/stage/useAnchors.ts'
import { useReducedMotion } from '../../lab-ui/useReducedMotion.ts'
import { MARK_MS } from '../../lab-ui/stage/UsersColumn.tsx'

const MAX_CHIPS = 24

export function ColumnStage({ sim }: { sim: SimState }) {
  const root = useRef<HTMLDivElement>(null)
  const anchors = useAnchors(root)
  const reduced = useReducedMotion()
  const { storage, jwt } = sim.config
  const memoryHolds = storage === 'memory' || (storage === 'jwt' && jwt.carts === 'memory')
  const usesStore = storage === 'shared' || storage === 'database' || (storage === 'jwt' && jwt.carts === 'shared')
  const markNow = Math.floor(sim.now / 250) * 250
  return (
    <div ref={root} className="relative flex flex-col gap-4 rounded-lg border border-line bg-card p-2 [contain:layout_paint]" data-testid="column-stage">
      <Users users={sim.users} now={markNow} />
      <div data-anchor="lb" aria-hidden="true" className="mx-auto flex h-8 w-14 items-center justify-center rounded-md border-2 border-ink bg-card text-xs font-bold">
        LB
      </div>
      <Servers servers={sim.servers} now={sim.now} idleMs={sim.config.sessionIdleMs} memoryHolds={memoryHolds} lb={sim.config.lb} />
      {usesStore && <StoreTile store={storeInUse(sim)} now={sim.now} idleMs={sim.config.sessionIdleMs} />}
      <RequestLayer anchors={anchors} reduced={reduced} />
    </div>
  )
}

function Users({ users, now }: { users: readonly User[]; now: number }) {
  const present = users.filter((u) => !u.left)
  let loggedIn = 0
  let marked = 0
  for (const u of present) {
    if (u.believesLoggedIn) loggedIn += 1
    if (justLoggedOut(u, now)) marked += 1
  }
  return (
    <section aria-label="Users">
      <p className="sr-only">
        {present.length} users, {loggedIn} logged in{marked > 0 ? `, ${marked} just logged out unexpectedly` : ''}.
      </p>
      <ul className="flex flex-wrap gap-0.5" aria-hidden="true" data-testid="col-users">
        {present.map((u) => (
          <UserDot key={u.id} user={u} marked={justLoggedOut(u, now)} cartLost={u.lastCartLostAt >= 0 && now - u.lastCartLostAt < MARK_MS} />
        ))}
      </ul>
    </section>
  )
}

const justLoggedOut = (u: User, now: number) => u.lastLogoutAt >= 0 && now - u.lastLogoutAt < MARK_MS

/** Colour and initials; a "!" badge (not just a red ring) marks a fresh unexpected logout or lost cart. */
const UserDot = memo(function UserDot({ user: u, marked, cartLost }: { user: User; marked: boolean; cartLost: boolean }) {
  const flagged = marked || cartLost
  const state = `${u.name}: ${u.believesLoggedIn ? 'logged in' : 'not logged in'}${marked ? ', just logged out unexpectedly' : ''}${cartLost ? ', just lost a cart' : ''}`
  return (
    <li className="relative" title={state} data-logged-in={u.believesLoggedIn} data-marked={flagged}>
      <span
        data-anchor={`user:${u.id}`}
        className={`flex h-6 w-6 items-center justify-center rounded-full text-[10px] font-bold ${flagged ? 'ring-2 ring-bad' : ''}`}
        style={avatarStyle(u.color, u.believesLoggedIn)}
      >
        {u.initials}
      </span>
      {flagged && <span className="absolute -right-1 -top-1 flex h-3 w-3 items-center justify-center rounded-full bg-bad text-[9px] font-bold leading-none text-card">!</span>}
    </li>
  )
})

function Servers({ servers, now, idleMs, memoryHolds, lb }: { servers: readonly Server[]; now: number; idleMs: number; memoryHolds: boolean; lb: LbProductId }) {
  const visible = servers.filter((x) => x.status !== 'removed')
  return (
    <section aria-label="Servers">
      <ul className="grid grid-cols-[repeat(auto-fit,minmax(5.5rem,1fr))] gap-1.5">
        {visible.map((srv) => (
          <ServerTile key={srv.id} server={srv} lb={lb} sessions={memoryHolds ? liveSessions(srv.memory, now, idleMs) : null} />
        ))}
      </ul>
    </section>
  )
}

const ServerTile = memo(
  function ServerTile({ server: srv, lb, sessions }: { server: Server; lb: LbProductId; sessions: readonly Session[] | null }) {
    const down = srv.status === 'crashed'
    const tone = down ? 'border-bad' : srv.status === 'draining' ? 'border-warn' : srv.status === 'starting' || !srv.healthy ? 'border-accent border-dashed' : 'border-line'
    return (
      <li className={`rounded-md border-2 bg-card p-1.5 text-[11px] leading-tight ${tone}`} data-testid={`col-server-${srv.id}`} data-status={srv.status} data-sessions={sessions?.length ?? 0}>
        <div className="flex items-center gap-1.5">
          <span data-anchor={`server:${srv.id}`} aria-hidden="true" className={`flex h-6 w-6 shrink-0 items-center justify-center rounded text-xs font-bold ${down ? 'bg-bad text-card' : 'bg-soft'}`}>
            {down ? '✕' : srv.id}
          </span>
          <span className={`min-w-0 ${down ? 'font-semibold text-bad' : 'text-muted'}`}>
            <span className="sr-only">Server {srv.id}: </span>
            {serverStatusText(srv, lb)}
          </span>
        </div>
        {sessions && (
          <>
            <p className="mt-1 text-muted">
              {sessions.length} session{sessions.length === 1 ? '' : 's'}
            </p>
            <Chips sessions={sessions} />
          </>
        )}
      </li>
    )
  },
  (a, b) => a.server === b.server && a.lb === b.lb && sameSessions(a.sessions, b.sessions),
)

function sameSessions(a: readonly Session[] | null, b: readonly Session[] | null): boolean {
  if (a === null || b === null) return a === b
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]!.sid !== b[i]!.sid) return false
  return true
}

/** The sessions a server holds, as little squares in their owners' colours (the picture of a crash). */
function Chips({ sessions }: { sessions: readonly Session[] }) {
  return (
    <ul className="mt-1 flex min-h-2 flex-wrap gap-px" aria-hidden="true">
      {sessions.slice(0, MAX_CHIPS).map((x) => (
        <li key={x.sid} className="h-2 w-2 rounded-[2px]" style={{ background: userFill(x.user % USER_COLORS) }} />
      ))}
      {sessions.length > MAX_CHIPS && <li className="text-[9px] leading-none text-muted">+{sessions.length - MAX_CHIPS}</li>}
    </ul>
  )
}

function StoreTile({ store, now, idleMs }: { store: SessionStore; now: number; idleMs: number }) {
  const n = liveSessions(store.sessions, now, idleMs).length
  const name = store.kind === 'shared' ? 'Shared store' : 'Database'
  return (
    <p className={`rounded-md border-2 bg-card px-2 py-1 text-[11px] ${store.up ? 'border-line' : 'border-bad'}`} data-testid="col-store" data-up={store.up}>
      <span className="font-semibold">{name}</span>{' '}
      <span className={store.up ? 'text-muted' : 'font-semibold text-bad'}>{store.up ? `${n} sessions` : 'DOWN: session requests fail'}</span>
    </p>
  )
}
