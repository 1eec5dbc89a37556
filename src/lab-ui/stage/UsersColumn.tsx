// The users, at the size the stage plan gives them (stagePlan.ts): cards (name and status), avatars
// with initials, or — for a crowd in a small box — colour dots. Each shows whether the user is
// logged in (filled) or not (hollow ring), and flashes on an unexpected logout or a lost cart (marked
// for a while, in simulated time). Every fact is in each user's accessible name and in the table view.

import { memo, useCallback, type MouseEvent } from 'react'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { useLab, useLabStore } from '../../store/LabContext.tsx'
import { userStatusText } from '../format.ts'
import { avatarStyle } from '../../draw/palette.ts'
import type { UsersPlan } from './stagePlan.ts'

/** How long a logout or lost-cart mark stays on a user (simulated ms). */
export const MARK_MS = 8_000

const LOGGED_OUT = 'logged out unexpectedly'
/** A card's second line is short (its accessible name has the whole phrase). */
const SHORT: Record<string, string> = { [LOGGED_OUT]: 'logged out!', 'on the login page': 'at login page', 'opening the shop': 'arriving', 'not arrived yet': 'not here yet' }

/** A crowd's chips refresh in groups this size, each on its own phase: four short commits, not one long one. */
const GROUP = 50

export function UsersColumn({ plan, heading }: { plan: UsersPlan; heading: boolean }) {
  const store = useLabStore()
  const total = useLab((s) => s.sim.users.length)
  const present = useLab((s) => s.sim.users.reduce((n, u) => (u.left ? n : n + 1), 0))
  const selected = useLab((s) => s.selectedUser)
  // Stable across renders, so memoised chips only re-render when what they show changes.
  const select = useCallback(
    (id: number) => {
      const { selectedUser, selectUser } = store.getState()
      selectUser(selectedUser === id ? null : id)
    },
    [store],
  )
  // Dots are too small to be buttons (WCAG 2.5.8): a click on the band picks the dot under the pointer.
  const pickDot = (e: MouseEvent<HTMLElement>) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-user]')?.dataset.user
    if (id !== undefined) select(Number(id))
  }
  const groups: number[] = []
  for (let from = 0; from < total; from += GROUP) groups.push(from)
  const dots = plan.tier === 'dot'
  const list =
    plan.tier === 'card'
      ? { className: 'grid content-start', style: { gridTemplateColumns: `repeat(${plan.cols}, minmax(0, 1fr))`, gap: plan.gap } }
      : { className: 'flex flex-wrap content-start', style: { gap: plan.gap } }
  return (
    <section aria-label="Users" className="stage-users min-h-0 min-w-0 overflow-hidden" data-tier={plan.tier}>
      {/* Always there for screen readers; shown when the plan has room for headings. */}
      <h3 className={heading ? 'stage-heading' : 'sr-only'}>Users ({present})</h3>
      {dots ? (
        // Not a list: its items are images (a list may hold only list items).
        <div className={list.className} style={list.style} onClick={pickDot} data-testid="user-dots" data-anchor-list>
          {groups.map((from) => (
            <UserGroup key={from} from={from} plan={plan} selected={selected} onSelect={select} />
          ))}
        </div>
      ) : (
        <ul className={list.className} style={list.style} data-anchor-list>
          {groups.map((from) => (
            <UserGroup key={from} from={from} plan={plan} selected={selected} onSelect={select} />
          ))}
        </ul>
      )}
    </section>
  )
}

function UserGroup({ from, plan, selected, onSelect }: { from: number; plan: UsersPlan; selected: number | null; onSelect(id: number): void }) {
  // Text and badges refresh ~10×/s (less for a crowd); the request canvas is what animates every frame.
  const sim = useThrottledLab((s) => s.sim, 100)
  const now = Math.floor(sim.now / 250) * 250
  return sim.users.slice(from, from + GROUP).map((u) =>
    u.left ? null : (
      <UserChip
        key={u.id}
        id={u.id}
        name={u.name}
        initials={u.initials}
        color={u.color}
        heavy={u.heavy}
        status={userStatusText(u, sim)}
        loggedIn={u.believesLoggedIn}
        cart={u.believedCart}
        cookie={u.jar.affinity?.server ?? null}
        tier={plan.tier}
        cell={plan.cell}
        selected={selected === u.id}
        loggedOutMark={u.lastLogoutAt >= 0 && now - u.lastLogoutAt < MARK_MS}
        cartMark={u.lastCartLostAt >= 0 && now - u.lastCartLostAt < MARK_MS}
        markKey={`${u.lastLogoutAt}/${u.lastCartLostAt}`}
        onSelect={onSelect}
      />
    ),
  )
}

interface ChipProps {
  id: number
  name: string
  initials: string
  color: number
  heavy: boolean
  status: string
  loggedIn: boolean
  cart: number
  /** The server the affinity cookie points to. */
  cookie: string | null
  tier: UsersPlan['tier']
  cell: number
  selected: boolean
  loggedOutMark: boolean
  cartMark: boolean
  /** Changes with each new logout or lost cart, replaying the flash. */
  markKey: string
  onSelect(id: number): void
}

/** What a user's accessible name says: who, where they are, cart, cookie, and any fresh surprise. */
export function userLabel(p: Pick<ChipProps, 'name' | 'status' | 'cart' | 'cookie' | 'loggedIn' | 'loggedOutMark' | 'cartMark' | 'heavy'>): string {
  const surprise = p.loggedOutMark ? (p.loggedIn ? ', logged in again after an unexpected logout moments ago' : '') : ''
  return `${p.name}${p.heavy ? ' (heavy user)' : ''}, ${p.status}${p.cart > 0 ? `, cart ${p.cart}` : ''}${p.cookie ? `, cookie points to ${p.cookie}` : ''}${surprise}${p.cartMark ? ', just lost a cart' : ''}`
}

/**
 * One user. Props are the few values it shows, so a chip re-renders only when one of them changes —
 * not each time its user sends a request (most requests change nothing a chip shows). A fresh mark
 * replays a CSS flash (keyed by `markKey`).
 */
const UserChip = memo(function UserChip(p: ChipProps) {
  const { id, name, initials, color, heavy, status, loggedIn, cart, cookie, tier, cell, selected, loggedOutMark, cartMark, markKey, onSelect } = p
  const label = userLabel(p)
  const marked = loggedOutMark || cartMark
  const ring = marked ? 'ring-2 ring-bad' : selected ? 'ring-2 ring-accent' : ''
  const flash = marked ? 'mark-flash' : ''
  if (tier === 'dot') {
    // A dot: colour, filled (logged in) or hollow; a red ring for a fresh surprise. Not a button.
    return (
      <span
        role="img"
        aria-label={label}
        title={label}
        data-user={id}
        data-testid={`user-${id}`}
        data-logged-in={loggedIn}
        className="flex cursor-pointer items-center justify-center"
        style={{ width: cell, height: cell }}
      >
        <span key={markKey} data-anchor={`user:${id}`} className={`block rounded-full ${ring} ${flash}`} style={{ ...avatarStyle(color, loggedIn), width: cell, height: cell, borderWidth: loggedIn ? 0 : Math.max(1.5, cell / 6) }} />
      </span>
    )
  }
  const avatarPx = tier === 'card' ? 28 : cell - 4
  const avatar = (
    <span
      key={markKey}
      data-anchor={`user:${id}`}
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-bold ${ring} ${flash}`}
      style={{ ...avatarStyle(color, loggedIn), width: avatarPx, height: avatarPx, fontSize: avatarPx >= 24 ? 11 : 9 }}
      aria-hidden="true"
    >
      {initials}
    </span>
  )
  const roomy = tier === 'card'
  return (
    <li>
      <button
        type="button"
        onClick={() => onSelect(id)}
        aria-pressed={selected}
        aria-label={label}
        title={label}
        data-testid={`user-${id}`}
        data-logged-in={loggedIn}
        className={`flex items-center gap-1.5 rounded-md text-left hover:bg-soft ${roomy ? 'w-full border border-line bg-card p-1' : 'justify-center'}`}
        style={roomy ? { height: cell } : { width: cell, height: cell }}
      >
        {avatar}
        {roomy && (
          <span className="min-w-0 text-xs leading-tight">
            <span className="block truncate font-medium">
              {name}
              {heavy && <span className="text-muted"> ·heavy</span>}
            </span>
            <span className={`block truncate ${status === LOGGED_OUT || cartMark ? 'font-semibold text-bad' : 'text-muted'}`}>
              {cartMark && status !== LOGGED_OUT ? 'cart lost!' : (SHORT[status] ?? status)}
              {cart > 0 && ` · cart ${cart}`}
              {cookie && ` · →${cookie}`}
            </span>
          </span>
        )}
      </button>
    </li>
  )
})
