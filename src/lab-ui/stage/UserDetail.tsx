// A peek into the selected user's browser: what they believe, and their cookie jar — the LB's
// affinity cookie (target and expiry), the app's session id and visitor id, the JWT.

import { formatDuration } from '../../sim/trace.ts'
import { SESSION_COOKIE, setCookieText } from '../../sim/products/engine/cookies.ts'
import { useLab, useLabStore } from '../../store/LabContext.tsx'
import { useThrottledLab } from '../../store/useThrottled.ts'
import { Button } from '../../components/Button.tsx'
import { userFill, userText } from '../../draw/palette.ts'

export function UserDetail() {
  const store = useLabStore()
  const id = useLab((s) => s.selectedUser)
  const cookieName = useLab((s) => s.sim.config.cookie.name)
  const config = useLab((s) => s.sim.config)
  const { user, now } = useThrottledLab((s) => ({ user: s.selectedUser === null ? null : s.sim.users[s.selectedUser] ?? null, now: s.sim.now }), 250)
  if (id === null || !user) return null
  const jar = user.jar
  const expires = (t: number) => (t >= SESSION_COOKIE ? 'session cookie' : t > now ? `expires in ${formatDuration(t - now)}` : 'expired')
  return (
    <section aria-label={`${user.name}'s browser`} className="rounded-lg border border-line bg-card p-3 text-xs" data-testid="user-detail">
      <header className="mb-2 flex items-center gap-2">
        <span className="inline-flex h-7 w-7 items-center justify-center rounded-full font-bold" style={{ background: userFill(user.color), color: userText(user.color) }} aria-hidden="true">
          {user.initials}
        </span>
        <h3 className="flex-1 text-sm font-semibold">{user.name}’s browser</h3>
        <Button size="sm" look="ghost" onClick={() => store.getState().selectUser(null)} aria-label="Close">
          ✕
        </Button>
      </header>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">Believes</dt>
        <dd>
          {user.believesLoggedIn ? 'logged in' : 'not logged in'}, cart of {user.believedCart}
        </dd>
        <dt className="text-muted">Client IP</dt>
        <dd className="font-mono">{user.ip}</dd>
        <dt className="text-muted">{cookieName}</dt>
        <dd className="font-mono">{jar.affinity ? `→ ${jar.affinity.server} (${jar.affinity.expiresAt >= SESSION_COOKIE ? 'session cookie' : jar.affinity.expiresAt > now ? `honoured ${formatDuration(jar.affinity.expiresAt - now)} more` : 'no longer honoured'})` : '—'}</dd>
        {jar.affinity && (
          <>
            <dt className="text-muted">Set-Cookie</dt>
            <dd className="break-all font-mono" data-testid="set-cookie">
              {setCookieText(config, jar.affinity)}
            </dd>
          </>
        )}
        <dt className="text-muted">session_id</dt>
        <dd className="font-mono">{jar.sid ?? '—'}</dd>
        <dt className="text-muted">uid</dt>
        <dd className="font-mono">{jar.uid ?? '—'}</dd>
        <dt className="text-muted">JWT</dt>
        <dd className="font-mono">{jar.jwt ? `${jar.jwt.jti} (${expires(jar.jwt.exp)})` : '—'}</dd>
        <dt className="text-muted">Surprises</dt>
        <dd>
          {user.logouts} unexpected logout{user.logouts === 1 ? '' : 's'}, {user.cartsLost} lost cart{user.cartsLost === 1 ? '' : 's'}
        </dd>
      </dl>
      <Button size="sm" className="mt-2" onClick={() => store.getState().setLogFilter({ user: user.id, server: null })}>
        Show only {user.name}’s events
      </Button>
    </section>
  )
}
