// The servers, as a grid of tiles at the size the stage plan gives them (stagePlan.ts): status,
// utilisation, requests in flight, a draining server's countdown and pinned users, and the sessions
// each keeps in memory as chips in their owners' colours — hollow when stale (an older login's). When
// a server crashes its chips spin away: the picture of the whole lesson. Below them, the shared store
// or database when sessions live there.

import { memo } from 'react'
import { storeInUse } from '../../sim/storage.ts'
import type { LbProductId, Server, ServerId, SimState } from '../../sim/types.ts'
import { userName, USER_COLORS } from '../../sim/users.ts'
import { Button } from '../../components/Button.tsx'
import { Icon } from '../../components/Icon.tsx'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { useLabStore } from '../../store/LabContext.tsx'
import { drainText, formatCountdown, pinnedUsers, serverStatusText } from '../format.ts'
import { userFill, userText } from '../../draw/palette.ts'
import { liveChips, memoryHolds, sameChips, storeShown, type ChipItem } from './sessionChips.ts'
import { NARROW_TILE, SERVER_SIZES, type ServersPlan } from './stagePlan.ts'
import { useLeaving } from './useLeaving.ts'

/** How long a vanishing chip or server animates (see `.chip-leave` in styles.css). */
const LEAVE_MS = 350

/** The store node's chips: one or two rows; more are cut off by its box (its count is in words). */
const STORE_CHIPS = 80

export function ServersColumn({ plan, heading, storeH }: { plan: ServersPlan; heading: boolean; storeH: number }) {
  // Text and bars refresh ~10×/s; the request canvas is what animates every frame.
  const sim = useThrottledLab((s) => s.sim, 100)
  const visible = sim.servers.filter((x) => x.status !== 'removed')
  const shown = useLeaving(visible, (x) => x.id, LEAVE_MS)
  const inMemory = memoryHolds(sim.config)
  const idle = sim.config.sessionIdleMs
  return (
    <section aria-label="Servers" className="stage-servers flex min-h-0 min-w-0 flex-col overflow-hidden">
      <h3 className={heading ? 'stage-heading' : 'sr-only'}>Servers ({visible.length})</h3>
      <ul className="grid min-h-0" data-anchor-list style={{ gridTemplateColumns: `repeat(${plan.cols}, minmax(0, 1fr))`, gridAutoRows: `${plan.tileH}px`, gap: 6 }}>
        {shown.map(({ item: srv, leaving }) => (
          <li key={srv.id} className={`min-w-0 ${leaving ? 'tile-leave' : 'tile-enter'}`}>
            <ServerTile
              server={srv}
              plan={plan}
              workers={sim.config.workers}
              lb={sim.config.lb}
              chips={inMemory ? liveChips(srv.memory, sim, idle) : null}
              drain={srv.status === 'draining' ? { pinned: pinnedUsers(sim, srv.id), left: formatCountdown(srv.drainDeadline - sim.now), text: drainText(srv, sim) ?? '' } : null}
            />
          </li>
        ))}
      </ul>
      {storeShown(sim.config) && storeH > 0 && <StoreNode sim={sim} height={storeH} />}
    </section>
  )
}

interface Drain {
  pinned: number
  left: string
  text: string
}

interface TileProps {
  server: Server
  plan: ServersPlan
  workers: number
  lb: LbProductId
  /** Sessions in memory, or null when memory holds none in this design. */
  chips: readonly ChipItem[] | null
  drain: Drain | null
}

/** Re-render when the server, the chips shown, the drain countdown or the size change. */
const ServerTile = memo(ServerTileView, (a, b) => a.server === b.server && a.plan === b.plan && a.workers === b.workers && a.lb === b.lb && sameOrNull(a.chips, b.chips) && a.drain?.text === b.drain?.text)

function sameOrNull(a: readonly ChipItem[] | null, b: readonly ChipItem[] | null) {
  return a === null || b === null ? a === b : sameChips(a, b)
}

function ServerTileView({ server: srv, plan, workers, lb, chips, drain }: TileProps) {
  const store = useLabStore()
  const { intervene } = store.getState()
  const down = srv.status === 'crashed'
  const util = Math.min(1, srv.busy / workers)
  const inFlight = srv.busy + srv.queue.length
  const tone = down ? 'border-bad' : srv.status === 'draining' ? 'border-warn' : srv.status === 'starting' || !srv.healthy ? 'border-accent border-dashed' : 'border-line'
  const status = serverStatusText(srv, lb)
  const stale = chips?.filter((x) => x.stale).length ?? 0
  // Everything a smaller tile leaves out, in words (screen readers; the table view has it too).
  const facts = `${status}${drain ? `, ${drain.text}` : ''}, ${inFlight} in flight${chips ? `, ${chips.length} session${chips.length === 1 ? '' : 's'} in memory${stale > 0 ? ` (${stale} stale, from earlier logins)` : ''}` : ''}${srv.connections > 0 ? `, ${srv.connections} WebSockets` : ''}`
  const size = SERVER_SIZES.find((x) => x.tier === plan.tier)!
  const action = down
    ? { label: 'Restart', name: `Restart server ${srv.id}`, icon: 'reset' as const, look: 'secondary' as const, run: () => intervene({ kind: 'restartServer', server: srv.id }) }
    : { label: 'Crash', name: `Crash server ${srv.id}`, icon: 'bolt' as const, look: 'danger' as const, run: () => intervene({ kind: 'crashServer', server: srv.id }) }
  const wordy = plan.tier === 'card' || plan.tileW >= 150
  const button = (
    <Button
      size="sm"
      look={action.look}
      onClick={action.run}
      aria-label={action.name}
      title={action.name}
      disabled={!down && srv.status === 'starting'}
      className={wordy ? 'h-6 shrink-0' : 'h-6 w-6 shrink-0 !p-0'}
    >
      {wordy ? action.label : <Icon name={action.icon} size={14} />}
    </Button>
  )
  const badge = plan.tier === 'mini' ? 20 : plan.tier === 'tile' ? 24 : 28
  const narrow = plan.tier === 'tile' && plan.tileW < NARROW_TILE
  const statusLine = (
    <span className={`block truncate text-[11px] ${down ? 'font-semibold text-bad' : srv.status === 'draining' ? 'font-semibold text-warn' : 'text-muted'}`} data-testid={`server-${srv.id}-status`}>
      {drain ? (plan.tier === 'card' ? `draining · ${drain.pinned} pinned · ${drain.left} left` : `draining ${drain.left}`) : status}
    </span>
  )
  return (
    <article
      aria-label={`Server ${srv.id}`}
      data-testid={`server-${srv.id}`}
      data-status={srv.status}
      data-sessions={chips?.length ?? 0}
      data-tier={plan.tier}
      className={`stage-tile flex h-full min-w-0 flex-col overflow-hidden border-2 bg-card [contain:layout_paint] ${tone} ${down ? 'crash-shake' : ''} ${plan.tier === 'card' ? 'rounded-lg p-2' : plan.tier === 'tile' ? 'rounded-md p-1.5' : 'rounded p-1'}`}
    >
      <p className="sr-only" data-testid={`server-${srv.id}-facts`}>
        {facts}
      </p>
      <header className="flex shrink-0 items-center gap-1.5" style={{ height: plan.tier === 'card' ? 28 : 24 }} data-keepout>
        <span data-anchor={`server:${srv.id}`} aria-hidden="true" className={`flex shrink-0 items-center justify-center rounded-md font-bold ${down ? 'bg-bad text-card' : 'bg-soft'}`} style={{ width: badge, height: badge, fontSize: badge >= 28 ? 14 : 12 }}>
          {down && plan.tier === 'card' ? '✕' : srv.id}
        </span>
        <span className="min-w-0 flex-1 leading-tight" aria-hidden="true">
          {plan.tier === 'card' && <span className="block text-xs font-semibold">Server {srv.id}</span>}
          {!narrow && statusLine}
        </span>
        {button}
      </header>
      {narrow && <span className="block h-3.5 shrink-0 leading-3.5" aria-hidden="true">{statusLine}</span>}
      {plan.tier === 'card' ? (
        <div className="mt-1.5 flex h-3.5 shrink-0 items-center gap-2 text-[11px] text-muted" aria-hidden="true">
          <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-soft">
            <span className={`block h-full ${util >= 1 ? 'bg-bad' : 'bg-accent'}`} style={{ width: `${util * 100}%` }} />
          </span>
          <span className="tabular">
            {inFlight} in flight{srv.queue.length > 0 ? ` (${srv.queue.length} queued)` : ''}
            {srv.connections > 0 ? ` · ⇄ ${srv.connections}` : ''}
          </span>
        </div>
      ) : plan.tier === 'tile' ? (
        <span className="mt-[3px] block h-[3px] shrink-0 overflow-hidden rounded-full bg-soft" aria-hidden="true">
          <span className={`block h-full ${util >= 1 ? 'bg-bad' : 'bg-accent'}`} style={{ width: `${util * 100}%` }} />
        </span>
      ) : null}
      {chips && <SessionChips chips={chips} max={plan.chips} size={size.chip} gap={size.chipGap} initials={plan.tier === 'card'} />}
      {plan.tier === 'card' && srv.status !== 'crashed' && <RemoveServer id={srv.id} draining={srv.status === 'draining'} />}
    </article>
  )
}

function RemoveServer({ id, draining }: { id: ServerId; draining: boolean }) {
  const store = useLabStore()
  const { intervene } = store.getState()
  return (
    <details className="relative mt-auto shrink-0 text-[11px]">
      <summary className="cursor-pointer text-muted">Remove {id}…</summary>
      {/* Opens upwards over the tile's chips rather than growing the tile: the stage never scrolls. */}
      <div className="absolute bottom-full left-0 z-20 mb-1 flex gap-1 rounded-md border border-line bg-card p-1 shadow-md">
        <Button size="sm" onClick={() => intervene({ kind: 'removeServer', server: id, mode: 'drain' })} disabled={draining}>
          Drain
        </Button>
        <Button size="sm" look="danger" onClick={() => intervene({ kind: 'removeServer', server: id, mode: 'kill' })}>
          Kill now
        </Button>
      </div>
    </details>
  )
}

/**
 * The chips a tile has room for (the rest as "+N"). Re-renders only when the set of chips changes,
 * not on every touch: at 200 users the chips of ten servers would otherwise re-render ten times a
 * second. A chip says whose session it is; cart sizes are on the users.
 */
const SessionChips = memo(SessionChipsView, (a, b) => a.max === b.max && a.size === b.size && a.initials === b.initials && sameChips(a.chips, b.chips))

function SessionChipsView({ chips, max, size, gap, initials }: { chips: readonly ChipItem[]; max: number; size: number; gap: number; initials: boolean }) {
  const room = chips.length > max ? Math.max(0, max - (initials ? 1 : 2)) : max
  const shown = useLeaving(chips.slice(0, room), (x) => x.sid, LEAVE_MS)
  const more = chips.length - Math.min(chips.length, room)
  return (
    <ul className="mt-1 flex min-h-0 flex-1 flex-wrap content-start overflow-hidden" style={{ gap }} aria-hidden="true">
      {shown.map(({ item: x, leaving }) => {
        const color = x.user % USER_COLORS
        const who = userName(x.user)
        const style = x.stale
          ? { width: initials ? undefined : size, minWidth: size, height: size, boxShadow: `inset 0 0 0 ${size >= 12 ? 2 : 1.5}px ${userFill(color)}`, color: 'var(--color-ink)' }
          : { width: initials ? undefined : size, minWidth: size, height: size, background: userFill(color), color: userText(color) }
        // A chip pops in (`chip-enter`) and, when its session is gone, spins away (`chip-leave`).
        return (
          <li
            key={x.sid}
            className={`flex items-center justify-center font-bold ${size >= 12 ? 'rounded px-0.5 text-[9px]' : 'rounded-[2px]'} ${leaving ? 'chip-leave' : 'chip-enter'}`}
            style={style}
            title={`${who.name}'s ${x.sid.startsWith('cart:') ? 'cart' : 'session'}${x.stale ? ' (stale: from an earlier login)' : ''}`}
            {...(leaving ? { 'data-leaving': x.sid } : { 'data-session': x.sid })}
            {...(x.stale ? { 'data-stale': '' } : {})}
          >
            {initials ? who.initials : null}
          </li>
        )
      })}
      {more > 0 && <li className="text-[10px] leading-none text-muted" style={{ lineHeight: `${size}px` }}>+{more}</li>}
    </ul>
  )
}

function StoreNode({ sim, height }: { sim: SimState; height: number }) {
  const store = storeInUse(sim)
  const chips = liveChips(store.sessions, sim, sim.config.sessionIdleMs)
  const name = store.kind === 'shared' ? 'Shared store' : 'Database'
  const roomy = height >= 48
  return (
    <article
      aria-label={name}
      data-testid="store-node"
      data-up={store.up}
      className={`mt-1.5 flex shrink-0 flex-col overflow-hidden rounded-lg border-2 bg-card px-2 py-1 ${store.up ? 'border-line' : 'border-bad'}`}
      style={{ height }}
    >
      <header className="flex h-5 shrink-0 items-center gap-2 text-xs" data-keepout>
        <span data-anchor="store" className={`flex h-5 w-5 items-center justify-center rounded-full text-[11px] font-bold ${store.up ? 'bg-soft' : 'bg-bad text-card'}`} aria-hidden="true">
          {store.up ? '⛁' : '✕'}
        </span>
        <span className="min-w-0 flex-1 truncate">
          <span className="font-semibold">{name}</span> <span className="text-muted">({store.kind === 'shared' ? '≈1 ms' : '≈5 ms'})</span>{' '}
          <span className={store.up ? 'text-muted' : 'font-semibold text-bad'}>{store.up ? `${chips.length} sessions, ${store.persistent ? 'persistent' : 'in memory only'}` : 'DOWN — session requests fail'}</span>
        </span>
      </header>
      {roomy && <SessionChips chips={chips} max={STORE_CHIPS} size={10} gap={2} initials={false} />}
    </article>
  )
}
