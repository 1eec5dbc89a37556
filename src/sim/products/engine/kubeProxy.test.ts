// A Kubernetes Service through kube-proxy in the engine (docs/facts/kubernetes.md): balancing per
// keep-alive connection, no retries (connection errors, status 0), endpoints out ~2 s after a
// container crash, ClientIP refreshed per connection and dropped for a pod that isn't ready, no
// fail-open, terminating pods.

import { describe, expect, it } from 'vitest'
import { expectRun } from '../../expectRun.ts'
import { lab } from '../../harness.ts'
import { KEEPALIVE_MS } from './kubeProxy.ts'
import { runCollecting } from './sameCrash.ts'

const kube = (seed = 3) => lab(seed).lb('kube-proxy').servers(3).users(12).storage('shared')

describe('kube-proxy: connections, not requests', () => {
  it('requests ride the open keep-alive connection; after 5 s idle a new connection is balanced again', () => {
    const { requests } = runCollecting(kube().policy('random'), 120_000)
    const riding = requests.filter((r) => r.decision.startsWith('keep-alive connection to pod '))
    const fresh = requests.filter((r) => /^(new connection|connection closed after 5 s idle; new connection): random → /.test(r.decision))
    expect(riding.length).toBeGreaterThan(fresh.length)
    expect(fresh.length).toBeGreaterThan(12)
    // Within one user's run of requests on a connection, the pod never changes.
    for (const u of [0, 1, 2]) {
      const mine = requests.filter((r) => r.user === u)
      for (let i = 1; i < mine.length; i++) {
        const gap = mine[i]!.lbAt - mine[i - 1]!.lbBackAt
        if (mine[i]!.decision.startsWith('keep-alive')) {
          expect(mine[i]!.server).toBe(mine[i - 1]!.server)
          expect(gap).toBeLessThanOrEqual(KEEPALIVE_MS)
        }
      }
    }
  })

  it('ClientIP: the table is consulted and refreshed per new connection only', () => {
    const s = kube().policy('client-ip').run(60_000)
    for (const u of s.users) {
      const entry = s.lb.clientIp.get(u.ip)!
      expect(entry.server).toBe(u.lastServer)
      const conn = s.lb.conns.get(u.id)
      // The entry's time is the connection's opening, never later than its last use.
      if (conn) expect(entry.lastSeen).toBeLessThanOrEqual(conn.lastUsed)
    }
  })
})

describe('kube-proxy: a pod dies', () => {
  it('no retry: connection errors (status 0; one reset mid-request) until the endpoint leaves the Service 2 s later', () => {
    const { s, requests } = runCollecting(lab().scenario('crash-sticky-memory').config({ lb: 'kube-proxy' }), 60_000)
    const errors = requests.filter((r) => r.outcome === 'error')
    expect(errors.map((r) => r.status)).toEqual([0, 0, 0, 0, 0])
    for (const r of errors) {
      expect(r.refused).toHaveLength(1)
      expect(r.detail).toMatch(/^pod B refused the connection \(kube-proxy does not retry\)$|· pod B died: connection reset$/)
    }
    expectRun(s).firstTrace('health', /^kube-proxy: pod B not ready/).time.toBe(32_000)
    expect(requests.filter((r) => r.lbAt > 32_000 && r.refused.length > 0)).toEqual([])
  })

  it('no fail-open: every pod down → connections refused, no HTTP status', () => {
    const { requests } = runCollecting(kube().policy('random').at(10_000).crash('A').crash('B').crash('C'), 20_000)
    const after = requests.filter((r) => r.lbAt > 12_100)
    expect(after.length).toBeGreaterThan(5)
    for (const r of after) expect(r).toMatchObject({ status: 0, outcome: 'error' })
    expect(after.some((r) => r.decision.endsWith('no ready endpoint → connection refused'))).toBe(true)
  })

  it('a terminating pod gets no new connection and exits once its requests are done', () => {
    const { s, requests } = runCollecting(kube(9).users(18).policy('client-ip').storage('memory').at(30_000).do({ kind: 'removeServer', server: 'A', mode: 'drain' }), 60_000)
    expect(requests.filter((r) => r.lbAt > 30_000 && r.server === 'A')).toEqual([])
    expectRun(s).firstTrace('server', /^Server A drained after 1 s/).time.toBe(31_000)
  })
})
