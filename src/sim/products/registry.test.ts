// The product registry: every product names every policy (supported with its own name, or a reason
// and a supported stand-in), the one-click designs are real designs of that product, and config
// validation swaps an impossible policy for the stand-in.

import { describe, expect, it } from 'vitest'
import { resolveConfig } from '../config.ts'
import { applyIntervention } from '../interventions.ts'
import { lab } from '../harness.ts'
import { ROUTING_POLICIES } from '../policies/registry.ts'
import { SCENARIOS, SCENARIO_IDS } from '../scenarios/index.ts'
import { LB_PRODUCT_IDS, POLICY_IDS } from '../types.ts'
import { LB_PRODUCTS, policyName, policyUnder, productById } from './registry.ts'

describe('load-balancer products', () => {
  it('lists the five products with the versions the lab models', () => {
    expect(LB_PRODUCT_IDS).toEqual(['nginx', 'haproxy', 'alb', 'kube-proxy', 'cloudflare'])
    expect(LB_PRODUCT_IDS.map((id) => productById(id).label)).toEqual([
      'nginx 1.22 (open source)',
      'HAProxy 2.6',
      'AWS ALB',
      'Kubernetes Service (kube-proxy)',
      'Cloudflare Load Balancing',
    ])
    for (const id of LB_PRODUCT_IDS) {
      expect(LB_PRODUCTS[id].id).toBe(id)
      expect(LB_PRODUCTS[id].facts).toMatch(/^docs\/facts\/[a-z-]+\.md$/)
    }
  })

  it('names every policy; a missing one says why and stands in with a policy the product has', () => {
    for (const id of LB_PRODUCT_IDS) {
      const p = LB_PRODUCTS[id]
      expect(Object.keys(p.policies).sort()).toEqual([...POLICY_IDS].sort())
      for (const policy of POLICY_IDS) {
        const entry = p.policies[policy]
        if (entry.supported) expect(entry.name.length).toBeGreaterThan(3)
        else {
          expect(entry.why.length, `${id} ${policy}`).toBeGreaterThan(20)
          expect(p.policies[entry.instead].supported, `${id}: ${policy} → ${entry.instead}`).toBe(true)
        }
      }
    }
  })

  it('one-click Sticky pins users and Stateless does not, with policies the product has', () => {
    for (const id of LB_PRODUCT_IDS) {
      const p = LB_PRODUCTS[id]
      expect(p.policies[p.stickyPolicy].supported && ROUTING_POLICIES[p.stickyPolicy].sticky, id).toBe(true)
      expect(p.policies[p.statelessPolicy].supported && !ROUTING_POLICIES[p.statelessPolicy].sticky, id).toBe(true)
    }
    expect(LB_PRODUCT_IDS.map((id) => LB_PRODUCTS[id].stickyPolicy)).toEqual(['hash-consistent', 'cookie', 'cookie', 'client-ip', 'cookie'])
  })

  it('calls each policy by the product’s own name', () => {
    expect(policyName('haproxy', 'cookie')).toBe('cookie SERVERID insert indirect nocache + option redispatch')
    expect(policyName('haproxy', 'ip-hash')).toBe('balance source')
    expect(policyName('alb', 'cookie')).toBe('stickiness.type = lb_cookie (AWSALB)')
    expect(policyName('kube-proxy', 'client-ip')).toBe('sessionAffinity: ClientIP')
    expect(policyName('cloudflare', 'cookie')).toBe('session_affinity = cookie (__cflb)')
    expect(policyName('nginx', 'ip-hash')).toBe('ip_hash')
    expect(policyName('nginx', 'cookie')).toBeNull()
  })

  it('nginx 1.22 refuses cookie affinity with the reason and uses hash $cookie_uid consistent', () => {
    const r = policyUnder('nginx', 'cookie')
    expect(r.policy).toBe('hash-consistent')
    expect(r.problem).toBe('nginx 1.22 (open source) has no cookie affinity: `sticky cookie` is nginx Plus, or open source only from 1.29.6 → nginx uses hash $cookie_uid consistent instead.')
    expect(policyUnder('nginx', 'ip-hash')).toEqual({ policy: 'ip-hash', problem: null })
  })
})

describe('config validation', () => {
  it('the default load balancer is nginx', () => {
    expect(resolveConfig().lb).toBe('nginx')
  })

  it('an impossible combination runs the product’s stand-in', () => {
    expect(resolveConfig({ lb: 'nginx', policy: 'cookie' }).policy).toBe('hash-consistent')
    expect(resolveConfig({ lb: 'kube-proxy', policy: 'cookie' }).policy).toBe('client-ip')
    expect(resolveConfig({ lb: 'cloudflare', policy: 'round-robin' }).policy).toBe('random')
    expect(resolveConfig({ lb: 'haproxy', policy: 'cookie' }).policy).toBe('cookie')
    // The last word wins: a scenario's cookie under a learner's nginx.
    expect(resolveConfig({ lb: 'haproxy', policy: 'cookie' }, { lb: 'nginx' }).policy).toBe('hash-consistent')
  })

  it('every scenario’s own policy is one its load balancer has', () => {
    for (const id of SCENARIO_IDS) {
      const c = SCENARIOS[id].config
      expect(c.lb, id).toBeDefined()
      expect(policyUnder(c.lb!, c.policy!).problem, id).toBeNull()
    }
  })

  it('a mid-run switch to a policy the product lacks uses the stand-in and says why', () => {
    const s = lab().config({ lb: 'alb', policy: 'round-robin' }).run(1_000)
    applyIntervention(s, { kind: 'setPolicy', policy: 'ip-hash' })
    expect(s.config.policy).toBe('cookie')
    expect(s.trace.at(-1)!.text).toContain('an ALB has no hashing algorithms')
  })
})
