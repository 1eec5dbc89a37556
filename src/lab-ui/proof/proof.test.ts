// The proof table and the badge's verdict: the table covers every scenario's own and opposite design
// with the designs the scenarios really have, and the badge says proven only for a proven row.

import { describe, expect, it } from 'vitest'
import { proofFor, REAL_PROOF } from './proof.ts'
import { opposite, tableMistakes } from './table.ts'

describe('proof table', () => {
  it('has a true row for each scenario’s own design and its opposite', () => {
    expect(tableMistakes()).toEqual([])
  })

  it('gives every simulation-only row a reason', () => {
    for (const r of REAL_PROOF) if (!r.proven) expect(r.why?.length ?? 0, `${r.scenario} ${r.design}`).toBeGreaterThan(30)
  })

  it('the opposite of a sticky scenario is its product’s stateless design, and back', () => {
    expect(opposite('crash-sticky-memory')).toEqual({ policy: 'round-robin', storage: 'shared' })
    expect(opposite('shared-store')).toEqual({ policy: 'hash-consistent', storage: 'memory' })
  })
})

describe('the badge’s verdict', () => {
  it('proven rows name what they ran on', () => {
    expect(proofFor('ip-hash-nat-hotspot', { lb: 'nginx', policy: 'ip-hash', storage: 'memory' })).toEqual({ proven: true, on: 'nginx' })
    expect(proofFor('database-store', { lb: 'nginx', policy: 'round-robin', storage: 'database' })).toEqual({ proven: true, on: 'nginx + PostgreSQL' })
    expect(proofFor('cookie-affinity', { lb: 'haproxy', policy: 'round-robin', storage: 'shared' })).toEqual({ proven: true, on: 'HAProxy + Redis' })
    expect(proofFor('rolling-deploy', { lb: 'haproxy', policy: 'round-robin', storage: 'shared' })).toEqual({ proven: true, on: 'HAProxy + Redis' })
    expect(proofFor('websocket-affinity', { lb: 'haproxy', policy: 'cookie', storage: 'shared' })).toEqual({ proven: true, on: 'HAProxy + Redis' })
    // Round robin past a killed server: proven since the replay holds the refused SYN until the model's load balancer hears of it.
    expect(proofFor('websocket-affinity', { lb: 'haproxy', policy: 'round-robin', storage: 'shared' })).toEqual({ proven: true, on: 'HAProxy + Redis' })
    expect(proofFor('crash-sticky-memory', { lb: 'haproxy', policy: 'round-robin', storage: 'shared' })).toEqual({ proven: true, on: 'HAProxy + Redis' })
  })

  it('simulation only, with why: managed products, random, client-ip, rows not proven, designs not in the table, free runs', () => {
    expect(proofFor('cookie-affinity', { lb: 'alb', policy: 'cookie', storage: 'memory' })).toMatchObject({ proven: false, why: expect.stringMatching(/managed service/) })
    expect(proofFor('scale-out-no-affinity', { lb: 'nginx', policy: 'random', storage: 'memory' })).toMatchObject({ proven: false, why: expect.stringMatching(/random stream/) })
    expect(proofFor('scale-out-no-affinity', { lb: 'kube-proxy', policy: 'client-ip', storage: 'memory' })).toMatchObject({ proven: false, why: expect.stringMatching(/kube-proxy/) })
    expect(proofFor('rolling-deploy', { lb: 'haproxy', policy: 'cookie', storage: 'memory' })).toEqual({ proven: true, on: 'HAProxy' })
    expect(proofFor('ip-hash-nat-hotspot', { lb: 'nginx', policy: 'least-connections', storage: 'jwt' })).toMatchObject({ proven: false, why: expect.stringMatching(/not in the replayed set/) })
    expect(proofFor(null, { lb: 'nginx', policy: 'ip-hash', storage: 'memory' }).proven).toBe(false)
  })
})
