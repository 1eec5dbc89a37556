// The `lb=` parameter (lab page, embed) and the sentence for a policy the chosen load balancer lacks.

import { describe, expect, it } from 'vitest'
import { SCENARIOS, SCENARIO_IDS } from '../../sim/scenarios/index.ts'
import { decodeRun } from './decode.ts'
import { encodeRun } from './encode.ts'
import { productProblem, readLbParam } from './lbParam.ts'

describe('lb= parameter', () => {
  it('reads each product id and nothing else', () => {
    for (const id of ['nginx', 'haproxy', 'alb', 'kube-proxy', 'cloudflare'] as const) expect(readLbParam(new URLSearchParams(`lb=${id}`))).toEqual({ lb: id, problem: null })
    expect(readLbParam(new URLSearchParams(''))).toEqual({ problem: null })
  })

  it('names a bad value in a plain sentence (quoted, shortened) and sets nothing', () => {
    const r = readLbParam(new URLSearchParams('lb=<b>F5 BIG-IP</b>'))
    expect(r.lb).toBeUndefined()
    expect(r.problem).toBe('“<b>F5 BIG-IP</b>” is not a load balancer (use nginx, haproxy, alb, kube-proxy, cloudflare).')
    expect(readLbParam(new URLSearchParams('lb=HAProxy')).problem).toContain('is not a load balancer')
  })

  it('every scenario’s own design fits its own load balancer', () => {
    for (const id of SCENARIO_IDS) expect(productProblem(SCENARIOS[id].config, {}), id).toBeNull()
  })

  it('says when a link asks for a policy the load balancer cannot express', () => {
    const cookieScene = SCENARIOS['crash-sticky-memory'].config
    expect(productProblem(cookieScene, { lb: 'nginx' })).toMatch(/^nginx 1\.22 \(open source\) has no cookie affinity.* → nginx uses hash \$cookie_uid consistent instead\.$/)
    expect(productProblem(cookieScene, { lb: 'kube-proxy' })).toContain('kube-proxy uses sessionAffinity: ClientIP instead')
    expect(productProblem(cookieScene, { lb: 'alb' })).toBeNull()
    expect(productProblem(SCENARIOS['ip-hash-nat-hotspot'].config, { policy: 'client-ip' })).toContain('nginx uses ip_hash instead')
  })
})

describe('share links carry the load balancer', () => {
  it('round-trips lb in the overrides; a link without it still reads', () => {
    const run = { at: 30_000, seed: 4, overrides: { lb: 'cloudflare' as const, policy: 'cookie' as const }, script: [] }
    expect(decodeRun(encodeRun(run))).toEqual({ ok: true, run })
    expect(decodeRun(encodeRun({ at: 30_000, script: [] }))).toEqual({ ok: true, run: { at: 30_000, script: [] } })
  })

  it('refuses an unknown product in a hand-edited link', () => {
    const r = decodeRun(encodeRun({ at: 0, overrides: { lb: 'f5' as never }, script: [] }))
    expect(r.ok).toBe(false)
  })
})
