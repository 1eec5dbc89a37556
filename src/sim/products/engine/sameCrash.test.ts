// "Same crash, five load balancers": crash-sticky-memory's traffic and crash (B at 0:30, seed 1) under
// each product, three minutes, with the numbers the lessons can quote. Each line is that product's
// documented behaviour (docs/facts/*.md) at work.

import { describe, expect, it } from 'vitest'
import { sameCrash } from './sameCrash.ts'

describe('same crash, five load balancers', () => {
  it('nginx 1.22 (hash $cookie_uid consistent): B is marked failed at the crash, probed every 10 s, every probe retried — no errors', () => {
    // The request in service on B at the crash marked it failed (issue 17), so nobody was refused then.
    expect(sameCrash('nginx')).toEqual({ failed: 0, errors: {}, retried: 14, sessionsLost: 5, logouts: 5, cartsLost: 0, sentToB: 13, outAfterS: 0 })
  })

  it('HAProxy 2.6 (SERVERID): 3 attempts 1 s apart then redispatch — no errors; DOWN after 3 checks, 6 s', () => {
    expect(sameCrash('haproxy')).toEqual({ failed: 0, errors: {}, retried: 18, sessionsLost: 6, logouts: 6, cartsLost: 2, sentToB: 6, outAfterS: 6 })
  })

  it('AWS ALB (AWSALB): 502 to every pinned request until 2 checks 30 s apart mark B unhealthy, 60 s; then re-pinned', () => {
    expect(sameCrash('alb')).toEqual({ failed: 198, errors: { 502: 198 }, retried: 100, sessionsLost: 6, logouts: 6, cartsLost: 2, sentToB: 198, outAfterS: 60 })
  })

  it('Kubernetes (ClientIP): 3 connection errors, no retry; the endpoint leaves 2 s after the crash', () => {
    expect(sameCrash('kube-proxy')).toEqual({ failed: 3, errors: { 0: 3 }, retried: 2, sessionsLost: 4, logouts: 4, cartsLost: 1, sentToB: 3, outAfterS: 2 })
  })

  it('Cloudflare (__cflb, zero_downtime_failover none): 521 to pinned users until the 60 s monitor round, 30 s later', () => {
    expect(sameCrash('cloudflare')).toEqual({ failed: 50, errors: { 521: 50 }, retried: 25, sessionsLost: 4, logouts: 4, cartsLost: 1, sentToB: 50, outAfterS: 30 })
  })

  it('whatever the product, exactly the sessions B held are lost and only their owners are logged out', () => {
    for (const lb of ['nginx', 'haproxy', 'alb', 'kube-proxy', 'cloudflare'] as const) {
      const f = sameCrash(lb)
      expect(f.logouts, lb).toBe(f.sessionsLost)
    }
  })
})
