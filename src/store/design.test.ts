import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../sim/config.ts'
import { ROUTING_POLICIES } from '../sim/policies/registry.ts'
import { POLICY_IDS, STORAGE_KINDS, type PolicyId, type StorageKind } from '../sim/types.ts'
import { designKind, learnerDesign, mergePatches } from './design.ts'
import { designSummary } from './designSummary.ts'

const cfg = (policy: PolicyId, storage: StorageKind, carts: 'memory' | 'shared' = 'memory') => ({ policy, storage, jwt: { carts } })

describe('design words (14.8)', () => {
  it('any affinity policy with sessions in server memory is Sticky, and says which kind', () => {
    for (const p of POLICY_IDS.filter((id) => ROUTING_POLICIES[id].sticky)) {
      expect(designKind(cfg(p, 'memory'))).toBe('sticky')
      expect(designSummary(cfg(p, 'memory'))).toBe(`Sticky — ${ROUTING_POLICIES[p].label}, sessions in server memory`)
    }
    expect(designSummary(cfg('ip-hash', 'memory'))).toBe('Sticky — IP hash (nginx ip_hash), sessions in server memory')
    expect(designKind(cfg('client-ip', 'jwt', 'memory'))).toBe('sticky')
  })

  it('routing free to pick any server with state outside the servers is Stateless', () => {
    for (const p of POLICY_IDS.filter((id) => !ROUTING_POLICIES[id].sticky)) {
      for (const st of ['shared', 'database'] as const) expect(designKind(cfg(p, st))).toBe('stateless')
      expect(designKind(cfg(p, 'jwt', 'shared'))).toBe('stateless')
      expect(designKind(cfg(p, 'jwt', 'memory'))).toBe('mixed')
    }
    expect(designSummary(cfg('least-connections', 'database'))).toBe('Stateless — Least connections, sessions in a database')
  })

  it('names the mixes instead of leaving the toggle blank', () => {
    expect(designSummary(cfg('round-robin', 'memory'))).toMatch(/^Neither — Round robin, sessions in server memory/)
    expect(designSummary(cfg('cookie', 'shared'))).toMatch(/^Sticky routing over shared state — Cookie affinity/)
    for (const p of POLICY_IDS) for (const s of STORAGE_KINDS) expect(designSummary(cfg(p, s)).length).toBeGreaterThan(10)
    // One server: nothing to route wrongly.
    expect(designSummary(cfg('round-robin', 'memory'), 1)).toMatch(/^One server — Round robin, sessions in server memory/)
    expect(designSummary(cfg('round-robin', 'memory'), 3)).toMatch(/^Neither/)
  })
})

describe('the learner’s design as config (14.5)', () => {
  it('folds routing, storage, servers, users and knobs; ignores events and the scenario’s own items', () => {
    const patch = learnerDesign(DEFAULT_CONFIG, [
      { at: 1, do: { kind: 'setPolicy', policy: 'ip-hash' } },
      { at: 2, do: { kind: 'setPolicy', policy: 'hash' } },
      { at: 3, do: { kind: 'setStorage', storage: 'shared' }, by: 'scenario' },
      { at: 4, do: { kind: 'addServer' } },
      { at: 5, do: { kind: 'addServer' } },
      { at: 6, do: { kind: 'removeServer', server: 'A', mode: 'drain' } },
      { at: 7, do: { kind: 'crashServer', server: 'B' } },
      { at: 8, do: { kind: 'setUsers', count: 40 } },
      { at: 9, do: { kind: 'setAffinityTtl', ttlMs: 10_000, mode: 'fixed' } },
      { at: 10, do: { kind: 'setDenyList', on: true } },
    ])
    expect(patch).toEqual({ policy: 'hash', servers: 4, users: 40, cookie: { ttlMs: 10_000, mode: 'fixed' }, clientIpTimeoutMs: 10_000, jwt: { denyList: true } })
    expect(learnerDesign(DEFAULT_CONFIG, [{ at: 1, do: { kind: 'crashServer', server: 'A' } }])).toEqual({})
  })

  it('keeps the fleet within 1–10 servers, and merges nested patches', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ at: i, do: { kind: 'addServer' as const } }))
    expect(learnerDesign(DEFAULT_CONFIG, many).servers).toBe(10)
    expect(mergePatches({ cookie: { ttlMs: 1_000 }, users: 3 }, { cookie: { mode: 'fixed' }, users: 5 })).toEqual({ cookie: { ttlMs: 1_000, mode: 'fixed' }, users: 5 })
  })
})
