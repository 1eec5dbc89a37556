// The servers: status, utilisation, requests in flight, and the sessions each one keeps in memory as
// chips coloured by owner. When a server crashes, its chips vanish with an animation — the picture of
// the whole lesson. Below them, the shared store or database when sessions live there.

import { AnimatePresence, m } from 'framer-motion'
import { memo } from 'react'
import { liveSessions, storeInUse } from '../../sim/storage.ts'
import type { LbProductId, Server, Session, SessionStore, SimMs } from '../../sim/types.ts'
import { userName, USER_COLORS } from '../../sim/users.ts'
import { Button } from '../../components/Button.tsx'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { useLab, useLabStore } from '../../store/LabContext.tsx'
import { serverStatusText } from '../format.ts'
import { userFill, userText } from '../../draw/palette.ts'
import { useLeaving } from './useLeaving.ts'

const MAX_CHIPS = 40

export function ServersColumn() {
  // Text and bars refresh ~10×/s; the request canvas is what animates every frame. The clock comes
  // with the servers: a session that expires changes no server, only the time.
  const { servers, now } = useThrottledLab((s) => ({ servers: s.sim.servers, now: s.sim.now }), 100)
  const storage = useLab((s) => s.sim.config.storage)
  const cartsShared = useLab((s) => s.sim.config.jwt.carts === 'shared')
  const store = useThrottledLab((s) => storeInUse(s.sim), 100)
  const idle = useLab((s) => s.sim.config.sessionIdleMs)
  const workers = useLab((s) => s.sim.config.workers)
  const lb = useLab((s) => s.sim.config.lb)
  const usesStore = storage === 'shared' || storage === 'database' || (storage === 'jwt' && cartsShared)
  const visible = servers.filter((x) => x.status !== 'removed')
  return (
    <section aria-label="Servers" className="flex min-w-0 flex-col gap-2">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Servers ({visible.length})</h3>
      <ul className="grid grid-cols-1 gap-2 @sm:grid-cols-2 @2xl:grid-cols-1 @5xl:grid-cols-2">
        <AnimatePresence initial={false}>
          {visible.map((srv) => (
            <m.li key={srv.id} initial={{ opacity: 0, scale: 0.9 }} animate={{ opacity: 1, scale: 1 }} exit={{ opacity: 0, scale: 0.9 }}>
              <ServerCard server={srv} now={now} idleMs={idle} workers={workers} lb={lb} memoryHoldsSessions={storage === 'memory' || (storage === 'jwt' && !cartsShared)} />
            </m.li>
          ))}
        </AnimatePresence>
      </ul>
      {usesStore && <StoreNode store={store} now={now} idleMs={idle} />}
    </section>
  )
}

const ServerCard = memo(function ServerCard({ server: srv, now, idleMs, workers, lb, memoryHoldsSessions }: { server: Server; now: SimMs; idleMs: number; workers: number; lb: LbProductId; memoryHoldsSessions: boolean }) {
  const { intervene } = useLabStore().getState()
  const sessions = liveSessions(srv.memory, now, idleMs)
  const down = srv.status === 'crashed'
  const util = Math.min(1, srv.busy / workers)
  const tone = down ? 'border-bad' : srv.status === 'draining' ? 'border-warn' : srv.status === 'starting' || !srv.healthy ? 'border-accent border-dashed' : 'border-line'
  return (
    <m.article
      aria-label={`Server ${srv.id}`}
      data-testid={`server-${srv.id}`}
      data-status={srv.status}
      data-sessions={sessions.length}
      animate={down ? { x: [0, -4, 4, -2, 0] } : { x: 0 }}
      transition={{ duration: 0.35 }}
      className={`rounded-lg border-2 bg-card p-2 ${tone} ${down ? 'opacity-80' : ''}`}
    >
      <header className="flex items-center gap-2">
        <span data-anchor={`server:${srv.id}`} className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-sm font-bold ${down ? 'bg-bad text-card' : 'bg-soft'}`}>
          {down ? '✕' : srv.id}
        </span>
        <span className="min-w-0 flex-1 text-xs leading-tight">
          <span className="block font-semibold">Server {srv.id}</span>
          <span className={`block ${down ? 'font-semibold text-bad' : 'text-muted'}`} data-testid={`server-${srv.id}-status`}>
            {serverStatusText(srv, lb)}
          </span>
        </span>
        {down ? (
          <Button size="sm" onClick={() => intervene({ kind: 'restartServer', server: srv.id })} aria-label={`Restart server ${srv.id}`}>
            Restart
          </Button>
        ) : (
          <Button size="sm" look="danger" onClick={() => intervene({ kind: 'crashServer', server: srv.id })} aria-label={`Crash server ${srv.id}`} disabled={srv.status === 'starting'}>
            Crash
          </Button>
        )}
      </header>
      <div className="mt-1.5 flex items-center gap-2 text-[11px] text-muted">
        <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-soft" aria-hidden="true">
          <span className={`block h-full ${util >= 1 ? 'bg-bad' : 'bg-accent'}`} style={{ width: `${util * 100}%` }} />
        </span>
        <span className="tabular">
          {srv.busy + srv.queue.length} in flight{srv.queue.length > 0 ? ` (${srv.queue.length} queued)` : ''}
        </span>
      </div>
      {memoryHoldsSessions && <SessionChips sessions={sessions} label={`Sessions in ${srv.id}'s memory`} />}
      {srv.connections > 0 && <p className="mt-1 text-[11px] text-muted">⇄ {srv.connections} WebSocket{srv.connections === 1 ? '' : 's'}</p>}
      {srv.status !== 'crashed' && (
        <details className="mt-1 text-[11px]">
          <summary className="cursor-pointer text-muted">Remove {srv.id}…</summary>
          <div className="mt-1 flex gap-1">
            <Button size="sm" onClick={() => intervene({ kind: 'removeServer', server: srv.id, mode: 'drain' })} disabled={srv.status === 'draining'}>
              Drain
            </Button>
            <Button size="sm" look="danger" onClick={() => intervene({ kind: 'removeServer', server: srv.id, mode: 'kill' })}>
              Kill now
            </Button>
          </div>
        </details>
      )}
    </m.article>
  )
})

/**
 * Re-render only when the set of sessions changes, not on every touch: at 200 users the chips of ten
 * servers would otherwise re-render ten times a second. (A chip shows whose session it is; cart sizes
 * are on the users.)
 */
const SessionChips = memo(SessionChipsView, (a, b) => a.label === b.label && sameSessions(a.sessions, b.sessions))

function sameSessions(a: readonly Session[], b: readonly Session[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i]!.sid !== b[i]!.sid) return false
  return true
}

/** How long a vanishing chip animates (see `.chip-leave` in styles.css). */
const LEAVE_MS = 350

function SessionChipsView({ sessions, label }: { sessions: readonly Session[]; label: string }) {
  const shown = useLeaving(sessions.slice(0, MAX_CHIPS), (x) => x.sid, LEAVE_MS)
  return (
    <div className="mt-1.5">
      <p className="sr-only">
        {label}: {sessions.length}
      </p>
      <ul className="flex min-h-5 flex-wrap gap-0.5" aria-hidden="true">
        {shown.map(({ item: x, leaving }) => {
          const color = x.user % USER_COLORS
          // A chip pops in (`chip-enter`) and, when its session is gone, spins away (`chip-leave`).
          return (
            <li
              key={x.sid}
              className={`flex h-5 min-w-5 items-center justify-center rounded px-0.5 text-[9px] font-bold ${leaving ? 'chip-leave' : 'chip-enter'}`}
              style={{ background: userFill(color), color: userText(color) }}
              title={`${userName(x.user).name}'s ${x.sid.startsWith('cart:') ? 'cart' : 'session'}`}
              {...(leaving ? { 'data-leaving': x.sid } : { 'data-session': x.sid })}
            >
              {userName(x.user).initials}
            </li>
          )
        })}
        {sessions.length > MAX_CHIPS && <li className="text-[10px] text-muted">+{sessions.length - MAX_CHIPS}</li>}
      </ul>
    </div>
  )
}

function StoreNode({ store, now, idleMs }: { store: SessionStore; now: SimMs; idleMs: number }) {
  const sessions = liveSessions(store.sessions, now, idleMs)
  const name = store.kind === 'shared' ? 'Shared store' : 'Database'
  return (
    <article aria-label={name} data-testid="store-node" data-up={store.up} className={`rounded-lg border-2 bg-card p-2 ${store.up ? 'border-line' : 'border-bad'}`}>
      <header className="flex items-center gap-2 text-xs">
        <span data-anchor="store" className={`flex h-7 w-7 items-center justify-center rounded-full font-bold ${store.up ? 'bg-soft' : 'bg-bad text-card'}`} aria-hidden="true">
          {store.up ? '⛁' : '✕'}
        </span>
        <span className="flex-1">
          <span className="block font-semibold">
            {name} <span className="font-normal text-muted">({store.kind === 'shared' ? '≈1 ms' : '≈5 ms'} per access)</span>
          </span>
          <span className={store.up ? 'text-muted' : 'font-semibold text-bad'}>{store.up ? `${sessions.length} sessions, ${store.persistent ? 'persistent' : 'in memory only'}` : 'DOWN — session requests fail'}</span>
        </span>
      </header>
      <SessionChips sessions={sessions} label={`Sessions in the ${name.toLowerCase()}`} />
    </article>
  )
}

