// The lab as text (docs/ARCHITECTURE.md, "Accessibility"): every server and every user in
// accessible tables, updated live. Equivalent to the animated stage for screen readers, and handy
// for anyone who likes numbers. The two tables sit side by side only when the lab's card is wide
// enough for both (a container query): beside the metrics column on a 1366 px laptop, the servers
// table would be cut off.

import { stateInMemory } from '../store/design.ts'
import { useThrottledLab } from '../store/useThrottled.ts'
import { storeInUse } from '../sim/storage.ts'
import { Explain } from './Explain.tsx'
import { TABLE_TERMS } from './jargon/terms.ts'
import { serverMetrics } from '../sim/metrics.ts'
import type { SimState } from '../sim/types.ts'
import { SESSION_COOKIE } from '../sim/products/engine/cookies.ts'
import { drainText, formatDuration, pct, serverStatusText, userStatusText } from './format.ts'
import { userFill, userText } from '../draw/palette.ts'

export function TableView() {
  const sim = useThrottledLab((s) => s.sim, 250)
  return (
    <div className="@container">
      <div className="grid gap-6 @7xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <ServersTable sim={sim} />
        <UsersTable sim={sim} />
      </div>
    </div>
  )
}

function ServersTable({ sim }: { sim: SimState }) {
  const rows = serverMetrics(sim)
  const store = storeInUse(sim)
  const usesStore = sim.config.storage === 'shared' || sim.config.storage === 'database' || (sim.config.storage === 'jwt' && sim.config.jwt.carts === 'shared')
  // Copies left in memory after sessions moved to a store are never read again: as on the stage, none.
  const inMemory = stateInMemory(sim.config)
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Servers table (scrollable)">
      <table className="w-full border-collapse text-sm tabular">
        <caption className="mb-2 text-left font-semibold">Servers</caption>
        <thead>
          <tr className="border-b border-line text-left text-muted">
            <th scope="col" className="py-1 pr-3">Server</th>
            <th scope="col" className="py-1 pr-3">Status</th>
            <th scope="col" className="py-1 pr-3 text-right">
              Sessions in memory <Explain id={TABLE_TERMS.sessions} label="Session" />
            </th>
            <th scope="col" className="whitespace-nowrap py-1 pr-3 text-right">
              In flight <Explain id={TABLE_TERMS.inFlight} label="in flight" />
            </th>
            <th scope="col" className="whitespace-nowrap py-1 pr-3 text-right">
              Utilisation <Explain id={TABLE_TERMS.utilisation} label="Utilisation" />
            </th>
            <th scope="col" className="py-1 text-right">Requests</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} className="border-b border-line/60">
              <th scope="row" className="py-1 pr-3 text-left font-semibold">{m.id}</th>
              <td className="py-1 pr-3">{drainOf(sim, m.id) ?? serverStatusText(m, sim.config.lb)}</td>
              <td className="py-1 pr-3 text-right">{inMemory ? m.sessions : 0}</td>
              <td className="py-1 pr-3 text-right">{m.inFlight}</td>
              <td className="py-1 pr-3 text-right">{pct(m.utilization)}</td>
              <td className="py-1 text-right">{m.requests}</td>
            </tr>
          ))}
          {usesStore && (
            <tr>
              <th scope="row" className="py-1 pr-3 text-left font-semibold">{store.kind === 'database' ? 'Database' : 'Shared store'}</th>
              <td className="py-1 pr-3">{store.up ? 'up' : 'DOWN'}</td>
              <td className="py-1 pr-3 text-right">{store.sessions.size} sessions</td>
              <td colSpan={3} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  )
}

function UsersTable({ sim }: { sim: SimState }) {
  return (
    <div className="max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-label="Users table (scrollable)">
      <table className="w-full border-collapse text-sm tabular">
        <caption className="mb-2 text-left font-semibold">Users</caption>
        <thead className="sticky top-0 bg-card">
          <tr className="border-b border-line text-left text-muted">
            <th scope="col" className="py-1 pr-3">User</th>
            <th scope="col" className="py-1 pr-3">IP</th>
            <th scope="col" className="py-1 pr-3">State</th>
            <th scope="col" className="py-1 pr-3">Last server</th>
            <th scope="col" className="py-1 pr-3 text-right">Cart</th>
            <th scope="col" className="py-1 pr-3">Affinity cookie</th>
            <th scope="col" className="py-1 text-right">Unexpected logouts</th>
          </tr>
        </thead>
        <tbody>
          {sim.users.map((u) => (
            <tr key={u.id} className="border-b border-line/60">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                <span className="mr-2 inline-flex h-5 w-5 items-center justify-center rounded-full text-[10px] font-bold" style={{ background: userFill(u.color), color: userText(u.color) }} aria-hidden="true">
                  {u.initials}
                </span>
                <span data-name>{u.name}</span>
                {u.heavy && <span className="ml-1 text-muted">(heavy)</span>}
              </th>
              <td className="py-1 pr-3 font-mono text-xs">{u.ip}</td>
              <td className="py-1 pr-3">{userStatusText(u, sim)}</td>
              <td className="py-1 pr-3">{u.lastServer ?? '—'}</td>
              <td className="py-1 pr-3 text-right">{u.believedCart}</td>
              <td className="py-1 pr-3">{u.jar.affinity ? `${u.jar.affinity.server}, ${u.jar.affinity.expiresAt >= SESSION_COOKIE ? 'session cookie' : u.jar.affinity.expiresAt > sim.now ? `honoured ${formatDuration(u.jar.affinity.expiresAt - sim.now)} more` : 'no longer honoured'}` : '—'}</td>
              <td className="py-1 text-right">{u.logouts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** A draining server's countdown and pinned users, as the stage shows them. */
function drainOf(sim: SimState, id: string): string | null {
  const srv = sim.servers.find((x) => x.id === id)
  return srv ? drainText(srv, sim) : null
}
