// Traffic and infrastructure knobs: users, request rate, servers, NAT groups, heavy users, store outage.

import { useId } from 'react'
import { MAX_SERVERS, MAX_USERS } from '../sim/config.ts'
import { storeInUse } from '../sim/storage.ts'
import { interventionButton, presentUsers } from '../sim/interventions.ts'
import { ADD_SERVER, HEAVY_USERS, NAT_GROUP, ROLLING_DEPLOY, STORE_DOWN, STORE_UP } from './buttonActions.ts'
import { Button } from '../components/Button.tsx'
import { useLab, useLabStore } from '../store/LabContext.tsx'

export function TrafficControls() {
  const store = useLabStore()
  const users = useLab((s) => presentUsers(s.sim))
  const rate = useLab((s) => s.sim.config.rate)
  const servers = useLab((s) => s.sim.servers.filter((x) => x.status !== 'removed').length)
  const storage = useLab((s) => s.sim.config.storage)
  const storeUp = useLab((s) => storeInUse(s.sim).up)
  const usesStore = storage === 'shared' || storage === 'database' || storage === 'jwt'
  const usersId = useId()
  const rateId = useId()
  const { intervene } = store.getState()

  return (
    <div className="flex flex-col gap-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-muted">Servers</span>
        <span className="tabular">{servers}</span>
        <Button size="sm" onClick={() => intervene(ADD_SERVER)} disabled={servers >= MAX_SERVERS}>
          {interventionButton(ADD_SERVER).text}
        </Button>
        <Button size="sm" onClick={() => intervene(ROLLING_DEPLOY)} title={interventionButton(ROLLING_DEPLOY).title}>
          {interventionButton(ROLLING_DEPLOY).text}
        </Button>
      </div>
      <div className="grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-2">
        <label htmlFor={usersId} className="text-xs font-semibold uppercase tracking-wide text-muted">
          Users
        </label>
        <input
          id={usersId}
          type="range"
          min={1}
          max={MAX_USERS}
          value={users}
          onChange={(e) => intervene({ kind: 'setUsers', count: Number(e.target.value) })}
          aria-valuetext={`${users} users`}
          className="accent-[var(--color-accent)]"
        />
        <span className="tabular w-10 text-right">{users}</span>
        <label htmlFor={rateId} className="text-xs font-semibold uppercase tracking-wide text-muted">
          Rate
        </label>
        <input
          id={rateId}
          type="range"
          min={0.25}
          max={4}
          step={0.25}
          value={rate}
          onChange={(e) => intervene({ kind: 'setRate', rate: Number(e.target.value) })}
          aria-valuetext={`${rate} times the normal request rate`}
          className="accent-[var(--color-accent)]"
        />
        <span className="tabular w-10 text-right">{rate}×</span>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={() => intervene(NAT_GROUP)} title={interventionButton(NAT_GROUP).title}>
          {interventionButton(NAT_GROUP).text}
        </Button>
        <Button size="sm" onClick={() => intervene(HEAVY_USERS)} title={interventionButton(HEAVY_USERS).title}>
          {interventionButton(HEAVY_USERS).text}
        </Button>
        {usesStore && (
          <Button size="sm" look={storeUp ? 'danger' : 'primary'} onClick={() => intervene(storeUp ? STORE_DOWN : STORE_UP)}>
            {interventionButton(storeUp ? STORE_DOWN : STORE_UP).text}
          </Button>
        )}
      </div>
    </div>
  )
}
