// The legend for hollow session chips, shown only while the stage has some: after a few round-robin
// logins one server can hold two chips of one user ("Be Be") — the older is a stale session from an
// earlier login, left in memory until its idle timeout. Without this, repeated chips read as a bug.

import { useThrottledLab } from '../../store/useThrottled.ts'
import { hasStaleSessions } from './sessionChips.ts'

export function StaleLegend() {
  const stale = useThrottledLab((s) => hasStaleSessions(s.sim), 250)
  if (!stale) return null
  return (
    <p className="flex items-center gap-1.5 text-xs text-muted" data-testid="stale-legend">
      <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-[2px] shadow-[inset_0_0_0_2px_var(--color-muted)]" />
      <span>
        Hollow chip: a <strong className="font-semibold text-ink">stale</strong> session from an earlier login
      </span>
    </p>
  )
}
