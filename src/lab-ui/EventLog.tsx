// The event log: trace sentences, newest first, filterable by user or server. Selecting a request
// highlights its path on the stage.

import { memo, useId } from 'react'
import { latestTrace } from '../sim/trace.ts'
import type { ServerId, TraceKind, User } from '../sim/types.ts'
import { Select } from '../components/Select.tsx'
import { useLab, useLabStore } from '../store/LabContext.tsx'
import { useThrottledLab } from '../store/useThrottled.ts'
import { formatClock } from './format.ts'

const KIND_MARK: Partial<Record<TraceKind, string>> = { logout: '⚠', cartLost: '⚠', server: '●', health: '♥', store: '■', deploy: '↻', security: '⚑', config: '⚙', ws: '⇄' }

export function EventLog({ limit = 60 }: { limit?: number }) {
  const store = useLabStore()
  const headingId = useId()
  const filter = useLab((s) => s.logFilter)
  const selected = useLab((s) => s.selectedRequest)
  const sim = useThrottledLab((s) => s.sim, 250)
  const entries = latestTrace(sim, limit, (e) => (filter.user === null || e.user === filter.user) && (filter.server === null || e.server === filter.server))
  const { setLogFilter, selectRequest } = store.getState()

  return (
    <section aria-labelledby={headingId} className="flex min-h-0 flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <h2 id={headingId} className="mr-auto text-sm font-semibold">
          Event log
        </h2>
        <Select label="Filter by user" value={filter.user === null ? '' : String(filter.user)} onChange={(v) => setLogFilter({ ...filter, user: v === '' ? null : Number(v) })} className="w-36">
          <option value="">All users</option>
          <UserOptions users={sim.users} />
        </Select>
        <Select label="Filter by server" value={filter.server ?? ''} onChange={(v) => setLogFilter({ ...filter, server: v === '' ? null : (v as ServerId) })} className="w-28">
          <option value="">All servers</option>
          {sim.servers.map((x) => (
            <option key={x.id} value={x.id}>
              {x.id}
            </option>
          ))}
        </Select>
      </div>
      <ol className="max-h-80 min-h-24 overflow-auto rounded-md border border-line bg-card text-xs" aria-label="Events, newest first" data-testid="event-log">
        {entries.length === 0 && <li className="p-2 text-muted">Nothing yet — press Play.</li>}
        {entries.map((e) => (
          <li key={e.seq} className={`border-b border-line/50 last:border-0 ${e.kind === 'logout' || e.kind === 'cartLost' ? 'text-bad' : ''}`}>
            {e.request !== undefined && e.kind === 'request' ? (
              <button
                type="button"
                onClick={() => selectRequest(selected === e.request ? null : e.request!)}
                aria-pressed={selected === e.request}
                className="flex w-full gap-2 px-2 py-1 text-left hover:bg-soft aria-pressed:bg-soft aria-pressed:font-semibold"
              >
                <time className="tabular shrink-0 font-mono text-muted">{formatClock(e.t)}</time>
                <span>{e.text}</span>
              </button>
            ) : (
              <p className="flex gap-2 px-2 py-1">
                <time className="tabular shrink-0 font-mono text-muted">{formatClock(e.t)}</time>
                <span>
                  {KIND_MARK[e.kind] && <span aria-hidden="true">{KIND_MARK[e.kind]} </span>}
                  {e.text}
                </span>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** A user's name never changes and users are only ever appended: re-render the 200 options only when one is added. */
const UserOptions = memo(
  function UserOptions({ users }: { users: readonly User[] }) {
    return users.map((u) => (
      <option key={u.id} value={String(u.id)}>
        {u.name}
      </option>
    ))
  },
  (a, b) => a.users.length === b.users.length,
)
