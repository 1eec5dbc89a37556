// The users: colour *and* initials, logged-in badge, cart count, where their affinity cookie points.
// A few users get roomy cards; a crowd gets compact chips. An unexpected logout or a lost cart
// flashes on the user and stays marked for a while (measured in simulated time).

import { m } from 'framer-motion'
import { memo, useCallback } from 'react'
import type { User } from '../../../sim/types.ts'
import { useThrottledLab } from '../../../store/useThrottled.ts'
import { useLab, useLabStore } from '../../../store/LabContext.tsx'
import { avatarStyle } from '../palette.ts'

/** How long a logout or lost-cart mark stays on a user (simulated ms). */
export const MARK_MS = 8_000

export function UsersColumn() {
  const store = useLabStore()
  // Text and badges refresh ~10×/s; the request canvas is what animates every frame.
  const all = useThrottledLab((s) => s.sim.users, 100)
  const users = all.filter((u) => !u.left)
  const now = useThrottledLab((s) => Math.floor(s.sim.now / 250) * 250, 100)
  const selected = useLab((s) => s.selectedUser)
  const roomy = users.length <= 24
  // Stable across renders, so memoised chips only re-render when their own user changes.
  const select = useCallback((id: number) => {
    const { selectedUser, selectUser } = store.getState()
    selectUser(selectedUser === id ? null : id)
  }, [store])
  return (
    <section aria-label="Users" className="min-w-0">
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">Users ({users.length})</h3>
      <ul className={roomy ? 'grid grid-cols-[repeat(auto-fill,minmax(7.5rem,1fr))] gap-1.5' : 'flex flex-wrap gap-1'}>
        {users.map((u) => (
          <UserChip
            key={u.id}
            user={u}
            roomy={roomy}
            selected={selected === u.id}
            loggedOutMark={u.lastLogoutAt >= 0 && now - u.lastLogoutAt < MARK_MS}
            cartMark={u.lastCartLostAt >= 0 && now - u.lastCartLostAt < MARK_MS}
            onSelect={select}
          />
        ))}
      </ul>
    </section>
  )
}

const UserChip = memo(function UserChip({ user: u, roomy, selected, loggedOutMark, cartMark, onSelect }: { user: User; roomy: boolean; selected: boolean; loggedOutMark: boolean; cartMark: boolean; onSelect(id: number): void }) {
  const status = u.left ? 'left' : !u.active && u.pending === null ? 'not here yet' : u.believesLoggedIn ? 'logged in' : 'logged out'
  const label = `${u.name}, ${status}${u.believedCart > 0 ? `, cart ${u.believedCart}` : ''}${u.jar.affinity ? `, cookie points to ${u.jar.affinity.server}` : ''}${loggedOutMark ? ', just logged out unexpectedly' : ''}${cartMark ? ', just lost a cart' : ''}`
  const ring = loggedOutMark || cartMark ? 'ring-2 ring-bad' : selected ? 'ring-2 ring-accent' : ''
  const avatar = (
    <m.span
      key={`${u.lastLogoutAt}/${u.lastCartLostAt}`}
      data-anchor={`user:${u.id}`}
      initial={loggedOutMark || cartMark ? { scale: 1.5 } : false}
      animate={{ scale: 1 }}
      transition={{ type: 'spring', stiffness: 300, damping: 12 }}
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-bold ${roomy ? 'h-7 w-7 text-xs' : 'h-6 w-6 text-[10px]'} ${ring}`}
      style={avatarStyle(u.color, u.believesLoggedIn)}
      aria-hidden="true"
    >
      {u.initials}
    </m.span>
  )
  return (
    <li>
      <button
        type="button"
        onClick={() => onSelect(u.id)}
        aria-pressed={selected}
        aria-label={label}
        title={label}
        data-testid={`user-${u.id}`}
        data-logged-in={u.believesLoggedIn}
        className={`flex w-full items-center gap-1.5 rounded-md text-left ${roomy ? 'border border-line bg-card p-1' : 'p-0.5'} hover:bg-soft`}
      >
        {avatar}
        {roomy && (
          <span className="min-w-0 text-xs leading-tight">
            <span className="block truncate font-medium">
              {u.name}
              {u.heavy && <span className="text-muted"> ·heavy</span>}
            </span>
            <span className={`block truncate ${loggedOutMark ? 'font-semibold text-bad' : 'text-muted'}`}>
              {loggedOutMark ? 'logged out!' : cartMark ? 'cart lost!' : status}
              {u.believedCart > 0 && ` · cart ${u.believedCart}`}
              {u.jar.affinity && ` · →${u.jar.affinity.server}`}
            </span>
          </span>
        )}
      </button>
    </li>
  )
})
