// The users: colour *and* initials, logged-in badge, cart count, where their affinity cookie points.
// A few users get roomy cards; a crowd gets compact chips. An unexpected logout or a lost cart
// flashes on the user and stays marked for a while (measured in simulated time).

import { m } from 'framer-motion'
import { memo, useCallback } from 'react'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { useLab, useLabStore } from '../../store/LabContext.tsx'
import { userStatusText } from '../format.ts'
import { avatarStyle } from '../../draw/palette.ts'

/** How long a logout or lost-cart mark stays on a user (simulated ms). */
export const MARK_MS = 8_000

/** A crowd's chips refresh in groups this size, each on its own phase: four short commits, not one long one. */
const GROUP = 50

export function UsersColumn() {
  const store = useLabStore()
  const total = useLab((s) => s.sim.users.length)
  const present = useLab((s) => s.sim.users.reduce((n, u) => (u.left ? n : n + 1), 0))
  const selected = useLab((s) => s.selectedUser)
  const roomy = present <= 24
  // Stable across renders, so memoised chips only re-render when what they show changes.
  const select = useCallback((id: number) => {
    const { selectedUser, selectUser } = store.getState()
    selectUser(selectedUser === id ? null : id)
  }, [store])
  const groups: number[] = []
  for (let from = 0; from < total; from += GROUP) groups.push(from)
  return (
    <section aria-label="Users" className="min-w-0">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Users ({present})</h3>
      <ul className={roomy ? 'grid grid-cols-[repeat(auto-fill,minmax(7.5rem,1fr))] gap-1.5' : 'flex flex-wrap gap-1'}>
        {groups.map((from) => (
          <UserGroup key={from} from={from} roomy={roomy} selected={selected} onSelect={select} />
        ))}
      </ul>
    </section>
  )
}

function UserGroup({ from, roomy, selected, onSelect }: { from: number; roomy: boolean; selected: number | null; onSelect(id: number): void }) {
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
        roomy={roomy}
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
  roomy: boolean
  selected: boolean
  loggedOutMark: boolean
  cartMark: boolean
  /** Changes with each new logout or lost cart, replaying the flash. */
  markKey: string
  onSelect(id: number): void
}

/**
 * One user. Props are the few values it shows, so a chip re-renders only when one of them changes —
 * not each time its user sends a request (most requests change nothing a chip shows). The avatar is
 * a plain element; only a marked one is a motion element (for the flash), which at 200 users keeps
 * framer-motion's per-element work to the few that need it.
 */
const UserChip = memo(function UserChip({ id, name, initials, color, heavy, status, loggedIn, cart, cookie, roomy, selected, loggedOutMark, cartMark, markKey, onSelect }: ChipProps) {
  const label = `${name}, ${status}${cart > 0 ? `, cart ${cart}` : ''}${cookie ? `, cookie points to ${cookie}` : ''}${loggedOutMark ? ', just logged out unexpectedly' : ''}${cartMark ? ', just lost a cart' : ''}`
  const marked = loggedOutMark || cartMark
  const ring = marked ? 'ring-2 ring-bad' : selected ? 'ring-2 ring-accent' : ''
  const avatarClass = `inline-flex shrink-0 items-center justify-center rounded-full font-bold ${roomy ? 'h-7 w-7 text-xs' : 'h-6 w-6 text-[10px]'} ${ring}`
  const avatar = marked ? (
    <m.span
      key={markKey}
      data-anchor={`user:${id}`}
      initial={{ scale: 1.5 }}
      animate={{ scale: 1 }}
      transition={{ type: 'spring', stiffness: 300, damping: 12 }}
      className={avatarClass}
      style={avatarStyle(color, loggedIn)}
      aria-hidden="true"
    >
      {initials}
    </m.span>
  ) : (
    <span data-anchor={`user:${id}`} className={avatarClass} style={avatarStyle(color, loggedIn)} aria-hidden="true">
      {initials}
    </span>
  )
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
        className={`flex w-full items-center gap-1.5 rounded-md text-left ${roomy ? 'border border-line bg-card p-1' : 'p-0.5'} hover:bg-soft`}
      >
        {avatar}
        {roomy && (
          <span className="min-w-0 text-xs leading-tight">
            <span className="block truncate font-medium">
              {name}
              {heavy && <span className="text-muted"> ·heavy</span>}
            </span>
            <span className={`block truncate ${loggedOutMark ? 'font-semibold text-bad' : 'text-muted'}`}>
              {loggedOutMark ? 'logged out!' : cartMark ? 'cart lost!' : status}
              {cart > 0 && ` · cart ${cart}`}
              {cookie && ` · →${cookie}`}
            </span>
          </span>
        )}
      </button>
    </li>
  )
})
