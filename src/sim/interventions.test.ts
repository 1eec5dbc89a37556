// The intervention records: one per kind, each with the label the timeline and announcements use and,
// where the lab has a button for it, the button's caption — the same words in every view.

import { describe, expect, it } from 'vitest'
import { applyIntervention, interventionButton, interventionLabel, INTERVENTIONS, type Intervention } from './interventions.ts'
import { lab } from './harness.ts'

const ONE_OF_EACH: readonly Intervention[] = [
  { kind: 'crashServer', server: 'B' },
  { kind: 'restartServer', server: 'B' },
  { kind: 'addServer' },
  { kind: 'removeServer', server: 'C', mode: 'drain' },
  { kind: 'rollingDeploy', mode: 'kill' },
  { kind: 'storeDown' },
  { kind: 'storeUp' },
  { kind: 'setPolicy', policy: 'cookie' },
  { kind: 'setStorage', storage: 'shared' },
  { kind: 'setAffinityTtl', ttlMs: 60_000 },
  { kind: 'setRate', rate: 2 },
  { kind: 'setUsers', count: 40 },
  { kind: 'addNatGroup', size: 20 },
  { kind: 'addHeavyUsers', count: 3 },
  { kind: 'changeUserIp', user: 4 },
  { kind: 'forgeHeader', user: 1, target: 'C' },
  { kind: 'setHeaderSource', source: 'client' },
  { kind: 'setCanary', percent: 20 },
  { kind: 'revokeToken', user: 2 },
  { kind: 'setIdempotency', on: true },
  { kind: 'setDenyList', on: false },
  { kind: 'setFailover', mode: 'fail' },
  { kind: 'setStorePersistence', persistent: false },
]

describe('intervention records', () => {
  it('has one record per kind, keyed by its own kind', () => {
    expect(Object.keys(INTERVENTIONS).sort()).toEqual(ONE_OF_EACH.map((iv) => iv.kind).sort())
    for (const [key, def] of Object.entries(INTERVENTIONS)) expect(def.kind).toBe(key)
  })

  it('labels every kind as the timeline and announcements show it', () => {
    expect(ONE_OF_EACH.map(interventionLabel)).toEqual([
      'crash B',
      'restart B',
      'add a server',
      'drain C',
      'rolling deploy (kill)',
      'store outage',
      'store back',
      'routing: Cookie affinity',
      'sessions: shared',
      'affinity TTL 60 s',
      'traffic ×2',
      '40 users',
      'NAT group of 20',
      '3 heavy users',
      'user 5 changes IP',
      'forged header → C',
      'header from client',
      'canary 20%',
      'revoke a token',
      'idempotency on',
      'deny list off',
      'failover: fail',
      'store in-memory',
    ])
  })

  it("gives the lab's buttons their captions and tooltips", () => {
    expect(interventionButton({ kind: 'addServer' })).toEqual({ text: '+ Add server' })
    expect(interventionButton({ kind: 'rollingDeploy', mode: 'drain' })).toEqual({ text: 'Rolling deploy', title: 'Replace every server in turn, draining each first' })
    expect(interventionButton({ kind: 'addNatGroup', size: 20 })).toEqual({ text: '+ NAT group (20 users, 1 IP)', title: "20 new users share one public IP (a mobile carrier's CGNAT)" })
    expect(interventionButton({ kind: 'addHeavyUsers', count: 3 })).toEqual({ text: '+ 3 heavy users', title: '3 power users: 4× the requests, 3× the cost' })
    expect(interventionButton({ kind: 'storeDown' }).text).toBe('Store outage')
    expect(interventionButton({ kind: 'storeUp' }).text).toBe('Bring store back')
    expect(interventionButton({ kind: 'crashServer', server: 'D' }).text).toBe('Crash D')
    expect(interventionButton({ kind: 'restartServer', server: 'D' }).text).toBe('Restart D')
    expect(interventionButton({ kind: 'changeUserIp', user: 0 }).text).toBe('Change IP')
    expect(interventionButton({ kind: 'revokeToken', user: 0 }).text).toBe('Revoke token')
    expect(interventionButton({ kind: 'forgeHeader', user: 0, target: 'A' }).text).toBe('Forge header')
    // A kind without a button of its own falls back to its label.
    expect(interventionButton({ kind: 'setCanary', percent: 5 })).toEqual({ text: 'canary 5%' })
  })

  it('refuses an unknown kind with a clear error', () => {
    const s = lab(1).start()
    expect(() => applyIntervention(s, { kind: 'launchMissiles' } as unknown as Intervention)).toThrow(/unhandled intervention \{"kind":"launchMissiles"\}/)
  })
})
