// "Same crash, five load balancers": crash-sticky-memory's traffic and crash (B at 0:30, seed 1) under
// each product, three minutes, with the numbers the lessons can quote. Each line is that product's
// documented behaviour (docs/facts/*.md) at work.

import { describe, expect, it } from 'vitest'
import { sameCrash } from './sameCrash.ts'

describe('same crash, five load balancers', () => {
  it('nginx 1.22 (hash $cookie_uid consistent): B is marked failed by the first request refused, probed every 10 s, every probe retried — no errors', () => {
    // Nothing was in service on B at the crash (with this seed), so the first refusal, 2 s later, marked it.
    expect(sameCrash('nginx')).toEqual({ failed: 0, errors: {}, retried: 14, sessionsLost: 5, logouts: 5, cartsLost: 2, sentToB: 14, outAfterS: 2.054 })
  })

  it('HAProxy 2.6 (SERVERID): 3 attempts 1 s apart then redispatch — no errors; DOWN after 3 checks, 6 s', () => {
    expect(sameCrash('haproxy')).toEqual({ failed: 0, errors: {}, retried: 11, sessionsLost: 6, logouts: 6, cartsLost: 1, sentToB: 4, outAfterS: 6 })
  })

  it('AWS ALB (AWSALB): 502 to every pinned request until 2 checks 30 s apart mark B unhealthy, 60 s; then re-pinned', () => {
    expect(sameCrash('alb')).toEqual({ failed: 157, errors: { 502: 157 }, retried: 79, sessionsLost: 6, logouts: 6, cartsLost: 1, sentToB: 157, outAfterS: 60 })
  })

  it('Kubernetes (ClientIP): 5 connection errors (one reset mid-request), no retry; the endpoint leaves 2 s after the crash', () => {
    expect(sameCrash('kube-proxy')).toEqual({ failed: 5, errors: { 0: 5 }, retried: 3, sessionsLost: 4, logouts: 4, cartsLost: 1, sentToB: 4, outAfterS: 2 })
  })

  it('Cloudflare (__cflb, zero_downtime_failover none): 521 to pinned users until the 60 s monitor round, 30 s later (520: one died mid-request)', () => {
    expect(sameCrash('cloudflare')).toEqual({ failed: 72, errors: { 520: 1, 521: 71 }, retried: 37, sessionsLost: 4, logouts: 4, cartsLost: 1, sentToB: 71, outAfterS: 30 })
  })

  it('whatever the product, exactly the sessions B held are lost and only their owners are logged out', () => {
    for (const lb of ['nginx', 'haproxy', 'alb', 'kube-proxy', 'cloudflare'] as const) {
      const f = sameCrash(lb)
      expect(f.logouts, lb).toBe(f.sessionsLost)
    }
  })
})
