import { describe, expect, it } from 'vitest'
import { main } from './sim.ts'

describe('sim CLI', () => {
  it('list prints every scenario id with its title', () => {
    const r = main(['list'])
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(19)
    expect(r.stdout).toMatch(/^crash-sticky-memory\s+Stickiness can’t save a dead server’s memory$/m)
  })

  it('run --json prints exactly one JSON object with the documented fields', () => {
    const r = main(['run', '--scenario', 'crash-sticky-memory', '--minutes', '1.5', '--json'])
    expect(r.code).toBe(0)
    expect(r.stdout.trim().split('\n')).toHaveLength(1)
    const report = JSON.parse(r.stdout)
    expect(Object.keys(report)).toEqual([
      'scenario', 'seed', 'lb', 'policy', 'simulatedMs', 'requests', 'unexpectedLogouts', 'cartsLost', 'sessionsLost',
      'duplicateOrders', 'affinityRemaps', 'revokedTokenAccepted', 'latencyMs', 'imbalance', 'servers',
    ])
    expect(Object.keys(report.requests)).toEqual(['total', 'ok', 'failed', 'retried'])
    expect(Object.keys(report.latencyMs)).toEqual(['p50', 'p95'])
    expect(Object.keys(report.servers[0])).toEqual(['id', 'status', 'requests', 'utilization', 'sessions'])
    expect(report).toMatchObject({ scenario: 'crash-sticky-memory', seed: 1, simulatedMs: 90_000, unexpectedLogouts: 6, sessionsLost: 6 })
    expect(report.servers.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual(['A:up', 'B:crashed', 'C:up'])
  })

  it('run overrides seed, policy, storage and servers', () => {
    const r = main(['run', '--scenario', 'crash-sticky-memory', '--storage', 'shared', '--policy', 'round-robin', '--servers', '4', '--seed', '5', '--json'])
    const report = JSON.parse(r.stdout)
    expect(report.seed).toBe(5)
    expect(report.unexpectedLogouts).toBe(0)
    expect(report.servers).toHaveLength(4)
  })

  it('run --lb runs the scenario under that load balancer; its own policy falls back with a note', () => {
    const r = main(['run', '--scenario', 'crash-sticky-memory', '--lb', 'alb', '--minutes', '0.5', '--json'])
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout)).toMatchObject({ lb: 'alb', policy: 'cookie' })
    const k = main(['run', '--scenario', 'crash-sticky-memory', '--lb', 'kube-proxy', '--minutes', '0.5', '--json'])
    expect(k.code).toBe(0)
    expect(JSON.parse(k.stdout)).toMatchObject({ lb: 'kube-proxy', policy: 'client-ip' })
    expect(k.stderr).toMatch(/^note: the scenario's policy under Kubernetes Service \(kube-proxy\): .* kube-proxy uses sessionAffinity: ClientIP instead\.\n$/)
    const text = main(['run', '--scenario', 'crash-sticky-memory', '--minutes', '0.5'])
    expect(text.stdout).toContain('load balancer      HAProxy 2.6: cookie SERVERID insert indirect nocache + option redispatch')
  })

  it('prints a readable report without --json', () => {
    const r = main(['run', '--scenario', 'shared-store', '--minutes', '1'])
    expect(r.stdout).toContain('unexpected logouts 0')
    expect(r.stdout).toMatch(/^B\s+crashed/m)
  })

  it.each([
    [['run', '--scenario', 'nope'], 'error: unknown scenario "nope"'],
    [['run'], 'error: run needs --scenario'],
    [['run', '--scenario', 'shared-store', '--policy', 'sticky'], 'error: unknown policy "sticky"'],
    [['run', '--scenario', 'shared-store', '--storage', 'redis'], 'error: unknown storage "redis"'],
    [['run', '--scenario', 'shared-store', '--lb', 'f5'], 'error: unknown load balancer "f5" (one of: nginx, haproxy, alb, kube-proxy, cloudflare)'],
    [['run', '--scenario', 'shared-store', '--lb', 'nginx', '--policy', 'cookie'], 'error: --policy cookie under --lb nginx: nginx 1.22 (open source) has no cookie affinity'],
    [['run', '--scenario', 'shared-store', '--servers', '11'], 'error: --servers must be between 1 and 10'],
    [['run', '--scenario', 'shared-store', '--minutes', 'soon'], 'error: --minutes must be a number'],
    [['run', '--scenario', 'shared-store', '--colour'], 'error: unknown option --colour'],
    [['fly'], 'error: unknown command "fly"'],
    [['route', '--policy', 'ip-hash', '--upstream', '10.0.0.1:80; 10.0.0.2:80', '--key', '999.1.1.1'], 'error: '],
  ])('bad arguments %j → one line on stderr, exit 2', (args, message) => {
    const r = main(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr.startsWith(message)).toBe(true)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
