// One set of controls that acts on every design at the current moment — the same crash, the same
// new server, the same outage — so the columns keep telling the same story. Screen readers hear
// what was done and when.

import { announce } from '@react-aria/live-announcer'
import { useId, useMemo, useState } from 'react'
import { MAX_SERVERS, storeInUse } from '../../lab-ui/engine.ts'
import type { Intervention } from '../../sim/interventions.ts'
import type { ServerId, SimState } from '../../sim/types.ts'
import { Button } from '../../components/Button.tsx'
import { formatClock } from '../../lab-ui/format.ts'
import { interventionButton, interventionLabel } from '../../lab-ui/engine.ts'
import { ADD_SERVER, NAT_GROUP, ROLLING_DEPLOY, STORE_DOWN, STORE_UP } from '../../lab-ui/buttonActions.ts'
import { useCompareStore } from './CompareContext.tsx'
import { useThrottledCompare } from './useThrottledCompare.ts'

interface Fleet {
  /** Servers present in any column, in order, with whether any column has it crashed. */
  servers: { id: ServerId; crashed: boolean }[]
  full: boolean
  /** Does any design keep sessions in a store, and is that store up? */
  store: 'none' | 'up' | 'down'
}

function fleetOf(sims: readonly SimState[]): Fleet {
  const byId = new Map<ServerId, boolean>()
  let full = true
  let store: Fleet['store'] = 'none'
  for (const s of sims) {
    const live = s.servers.filter((x) => x.status !== 'removed')
    if (live.length < MAX_SERVERS) full = false
    for (const x of live) byId.set(x.id, (byId.get(x.id) ?? false) || x.status === 'crashed')
    const usesStore = s.config.storage === 'shared' || s.config.storage === 'database' || (s.config.storage === 'jwt' && s.config.jwt.carts === 'shared')
    if (usesStore && store === 'none') store = storeInUse(s).up ? 'up' : 'down'
  }
  return { servers: [...byId].map(([id, crashed]) => ({ id, crashed })), full, store }
}

export function InterventionBar() {
  const store = useCompareStore()
  const serverId = useId()
  // As a string, so the bar only re-renders when the fleet actually changes.
  const fleetKey = useThrottledCompare((s) => JSON.stringify(fleetOf(s.columns.map((c) => c.store.getState().sim))), 200)
  const fleet = useMemo(() => JSON.parse(fleetKey) as Fleet, [fleetKey])
  const [picked, setPicked] = useState<ServerId>('B')
  const target = fleet.servers.find((x) => x.id === picked) ?? fleet.servers[0]

  const act = (iv: Intervention) => {
    const { intervene, now } = store.getState()
    intervene(iv)
    announce(`${capitalise(interventionLabel(iv))} in every design at ${formatClock(now)}.`, 'polite')
  }

  return (
    <section aria-labelledby={`${serverId}-h`} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border border-line bg-card px-3 py-2">
      <h2 id={`${serverId}-h`} className="text-sm font-semibold">
        Do this to every design, now:
      </h2>
      <div className="flex items-center gap-2">
        <div className="flex items-center gap-1.5">
          <label htmlFor={serverId} className="text-xs font-semibold uppercase tracking-wide text-muted">
            Server
          </label>
          <select id={serverId} value={target?.id ?? ''} onChange={(e) => setPicked(e.target.value as ServerId)} className="rounded-md border border-line bg-card px-2 py-1.5 text-sm" data-testid="iv-server">
            {fleet.servers.map((x) => (
              <option key={x.id} value={x.id}>
                {x.id}
                {x.crashed ? ' (crashed)' : ''}
              </option>
            ))}
          </select>
        </div>
        {target && (target.crashed ? (
          <Button onClick={() => act({ kind: 'restartServer', server: target.id })}>{interventionButton({ kind: 'restartServer', server: target.id }).text}</Button>
        ) : (
          <Button look="danger" onClick={() => act({ kind: 'crashServer', server: target.id })}>
            {interventionButton({ kind: 'crashServer', server: target.id }).text}
          </Button>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => act(ADD_SERVER)} disabled={fleet.full}>
          {interventionButton(ADD_SERVER).text}
        </Button>
        <Button onClick={() => act(ROLLING_DEPLOY)} title={interventionButton(ROLLING_DEPLOY).title}>
          {interventionButton(ROLLING_DEPLOY).text}
        </Button>
        <Button onClick={() => act(NAT_GROUP)} title={interventionButton(NAT_GROUP).title}>
          {interventionButton(NAT_GROUP).text}
        </Button>
        {fleet.store !== 'none' && (
          <Button look={fleet.store === 'up' ? 'danger' : 'primary'} onClick={() => act(fleet.store === 'up' ? STORE_DOWN : STORE_UP)} title="Only designs that keep sessions in a store or database notice">
            {interventionButton(fleet.store === 'up' ? STORE_DOWN : STORE_UP).text}
          </Button>
        )}
      </div>
    </section>
  )
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
