// The finer knobs, each tied to one lesson concept: affinity TTL, failover, header trust, canary,
// idempotency keys, JWT deny list, store persistence, a user's IP change, forged headers, revocation.

import { useState } from 'react'
import { Button } from '../components/Button.tsx'
import { Select } from '../components/Select.tsx'
import { Toggle } from '../components/Toggle.tsx'
import { useLab, useLabShallow, useLabStore } from '../store/LabContext.tsx'
import type { ServerId } from '../sim/types.ts'
import { interventionButton } from '../sim/interventions.ts'

const TTLS = [
  [10_000, '10 s'],
  [60_000, '1 min'],
  [300_000, '5 min'],
  [1_800_000, '30 min'],
  [86_400_000, '1 day (ALB default)'],
] as const

export function AdvancedControls() {
  const store = useLabStore()
  const c = useLabShallow((s) => ({
    ttl: s.sim.config.cookie.ttlMs,
    mode: s.sim.config.cookie.mode,
    failover: s.sim.config.failover,
    header: s.sim.config.header.source,
    canary: s.sim.config.canaryPercent,
    idem: s.sim.config.idempotencyKeys,
    deny: s.sim.config.jwt.denyList,
    persistent: s.sim.config.store.persistent,
  }))
  const names = useLab((s) => s.sim.users.map((u) => u.name).join('\n'))
  const servers = useLab((s) => s.sim.servers.filter((x) => x.status !== 'removed').map((x) => x.id).join(''))
  const [user, setUser] = useState('0')
  const [target, setTarget] = useState<ServerId>('B')
  const { intervene } = store.getState()
  const ttlValue = TTLS.some(([ms]) => ms === c.ttl) ? String(c.ttl) : 'other'

  return (
    <div className="flex flex-col gap-3 text-sm">
      <div className="grid gap-3 sm:grid-cols-2">
        <Select label="Affinity TTL" value={ttlValue} onChange={(v) => v !== 'other' && intervene({ kind: 'setAffinityTtl', ttlMs: Number(v) })}>
          {TTLS.map(([ms, label]) => (
            <option key={ms} value={String(ms)}>
              {label}
            </option>
          ))}
          {ttlValue === 'other' && <option value="other">{c.ttl === 0 ? 'No limit (HAProxy session cookie)' : `${Math.round(c.ttl / 1000)} s`}</option>}
        </Select>
        <Select label="Cookie expiry" value={c.mode} onChange={(v) => intervene({ kind: 'setAffinityTtl', ttlMs: c.ttl, mode: v })}>
          <option value="sliding">Sliding (reset on every request)</option>
          <option value="fixed">Fixed (from when it was issued)</option>
        </Select>
        <Select label="When a pinned server is down" value={c.failover} onChange={(v) => intervene({ kind: 'setFailover', mode: v })}>
          <option value="repin">Re-pin to a healthy server</option>
          <option value="fail">Fail the request (no failover)</option>
        </Select>
        <Select label="Affinity header comes from" value={c.header} onChange={(v) => intervene({ kind: 'setHeaderSource', source: v })}>
          <option value="gateway">A trusted gateway</option>
          <option value="client">The client (forgeable)</option>
        </Select>
        <Select label="Canary without affinity" value={String(c.canary)} onChange={(v) => intervene({ kind: 'setCanary', percent: Number(v) })}>
          {[0, 5, 10, 20, 50, 100].map((p) => (
            <option key={p} value={String(p)}>
              {p}% of requests
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-2">
        <Toggle label="Idempotency keys on checkout" checked={c.idem} onChange={(on) => intervene({ kind: 'setIdempotency', on })} />
        <Toggle label="JWT deny list (checked in the shared store)" checked={c.deny} onChange={(on) => intervene({ kind: 'setDenyList', on })} />
        <Toggle label="Shared store persists to disk" checked={c.persistent} onChange={(persistent) => intervene({ kind: 'setStorePersistence', persistent })} />
      </div>
      <div className="flex flex-wrap items-end gap-2 border-t border-line pt-3">
        <Select label="User" value={user} onChange={setUser} className="w-40">
          {names.split('\n').map((n, i) => (
            <option key={i} value={String(i)}>
              {n}
            </option>
          ))}
        </Select>
        <Button size="sm" onClick={() => intervene({ kind: 'changeUserIp', user: Number(user) })}>
          {interventionButton({ kind: 'changeUserIp', user: Number(user) }).text}
        </Button>
        <Button size="sm" onClick={() => intervene({ kind: 'revokeToken', user: Number(user) })}>
          {interventionButton({ kind: 'revokeToken', user: Number(user) }).text}
        </Button>
        <Select<ServerId> label="Target" value={target} onChange={setTarget} className="w-20">
          {[...servers].map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </Select>
        <Button size="sm" onClick={() => intervene({ kind: 'forgeHeader', user: Number(user), target })}>
          {interventionButton({ kind: 'forgeHeader', user: Number(user), target }).text}
        </Button>
      </div>
    </div>
  )
}
