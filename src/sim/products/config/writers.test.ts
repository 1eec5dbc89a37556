// What each writer makes of a design: the product's own directive per policy, the settings carried
// over (weights, passive limits, retries, cookie lifetimes, check timings, timeouts), AWS's and
// Cloudflare's and Kubernetes' ranges, the comment (never a directive) for what a product cannot do,
// and the design read from a running simulation.

import { describe, expect, it } from 'vitest'
import { lab } from '../../harness.ts'
import { configText, designOf } from './index.ts'
import { designFor, FOUR_SERVERS } from './testFixtures.ts'

const text = (...args: Parameters<typeof designFor>) => (fmt?: Parameters<typeof configText>[1]) => configText(designFor(...args), fmt).text
const weighted = [
  { ...FOUR_SERVERS[0]!, weight: 2 },
  { ...FOUR_SERVERS[0]!, id: 'B' as const, index: 2, host: '10.0.0.12' },
]

describe('nginx.conf', () => {
  it('writes each policy as nginx does, and the stand-in with its reason for the two it lacks', () => {
    expect(text('nginx', 'round-robin')()).not.toMatch(/^\s+(least_conn|random|ip_hash|hash)\b/m)
    expect(text('nginx', 'least-connections')()).toMatch(/^ {8}least_conn;$/m)
    expect(text('nginx', 'random')()).toMatch(/^ {8}random;$/m)
    expect(text('nginx', 'ip-hash')()).toMatch(/^ {8}ip_hash;$/m)
    expect(text('nginx', 'hash')()).toMatch(/^ {8}hash \$cookie_uid;$/m)
    expect(text('nginx', 'header')()).toMatch(/^ {8}hash \$http_x_user_id consistent;$/m)
    const clientIp = text('nginx', 'client-ip')()
    expect(clientIp).toMatch(/^ {8}ip_hash;$/m)
    expect(clientIp).toContain('# Asked for kubernetes clientip, which nginx cannot do:')
    const cookie = text('nginx', 'cookie')()
    expect(cookie).not.toMatch(/^\s*sticky/m)
    expect(cookie).toContain('`sticky cookie` is nginx Plus, or open source only from 1.29.6')
  })
  it('carries weights, non-default passive limits and a switched-off retry', () => {
    const t = configText({ ...designFor('nginx', 'ip-hash', { passive: { maxFails: 3, failTimeoutMs: 30_000 }, lbRetry: false }), servers: weighted }).text
    expect(t).toContain('        server 10.0.0.11:3000 weight=2 max_fails=3 fail_timeout=30s;  # A\n        server 10.0.0.12:3000 max_fails=3 fail_timeout=30s;  # B\n')
    expect(t).toContain('            proxy_next_upstream off;')
  })
  it('writes fail_timeout in whole seconds (nginx refuses "1500ms" there)', () => {
    expect(text('nginx', 'round-robin', { passive: { maxFails: 1, failTimeoutMs: 1_500 } })()).toContain('server 10.0.0.11:3000 fail_timeout=2s;')
  })
  it('lists a lone booting server down rather than leaving the upstream empty', () => {
    expect(configText({ ...designFor('nginx', 'round-robin'), servers: FOUR_SERVERS.slice(3) }).text).toContain('        server 10.0.0.14:3000 down;  # D is starting')
  })
  it('listens where the design says', () => {
    expect(configText({ ...designFor('nginx', 'round-robin'), listen: { host: '127.0.0.1', port: 18080 } }).text).toContain('        listen 127.0.0.1:18080;')
  })
})

describe('haproxy.cfg', () => {
  it('writes each policy as HAProxy does', () => {
    expect(text('haproxy', 'least-connections')()).toContain('    balance leastconn\n')
    expect(text('haproxy', 'random')()).toContain('    balance random\n')
    expect(text('haproxy', 'ip-hash')()).toContain('    balance source\n    hash-type map-based')
    expect(text('haproxy', 'header')()).toContain('    balance hdr(X-User-Id)\n    hash-type consistent')
    expect(text('haproxy', 'client-ip', { clientIpTimeoutMs: 600_000 })()).toContain('    stick-table type ip size 100k expire 600s')
    expect(text('haproxy', 'hash')().replace(/\n# /g, ' ')).toMatch(/cannot do: the lab models HAProxy’s balance source and hdr\(\) exactly/)
  })
  it('writes the cookie lifetime as maxidle (sliding) or maxlife (fixed), and none for a session cookie', () => {
    expect(text('haproxy', 'cookie', { cookie: { name: 'SERVERID', ttlMs: 3_600_000, mode: 'sliding' } })()).toContain('    cookie SERVERID insert indirect nocache maxidle 3600s\n')
    expect(text('haproxy', 'cookie', { cookie: { name: 'LB', ttlMs: 90_500, mode: 'fixed' } })()).toContain('    cookie LB insert indirect nocache maxlife 91s\n')
    expect(text('haproxy', 'cookie')()).toContain('    cookie SERVERID insert indirect nocache\n')
  })
  it('drops option redispatch for the failover "fail", and writes check timings that differ from the defaults', () => {
    const t = configText({ ...designFor('haproxy', 'round-robin', { failover: 'fail', health: { intervalMs: 5_000, unhealthyThreshold: 2, healthyThreshold: 2 } }), servers: weighted }).text
    expect(t).not.toMatch(/^\s+option redispatch/m)
    expect(t).toContain('    # no option redispatch')
    expect(t).toContain('    server A 10.0.0.11:3000 id 1 weight 2 check inter 5s fall 2\n')
  })
})

describe('Kubernetes manifests', () => {
  it('keeps timeoutSeconds inside 1–86400 and says so', () => {
    const t = text('kube-proxy', 'client-ip', { clientIpTimeoutMs: 200_000_000 })()
    expect(t).toContain('      timeoutSeconds: 86400  # idle window')
    expect(t).toContain("# the run's 200000 s is outside what Kubernetes accepts: 86400 s is the nearest")
  })
  it('random is iptables mode (nothing to configure); least connections is IPVS lc; cookie affinity stands in as ClientIP', () => {
    expect(text('kube-proxy', 'random')()).not.toContain('KubeProxyConfiguration')
    expect(text('kube-proxy', 'least-connections')()).toContain('  scheduler: lc\n')
    const cookie = text('kube-proxy', 'cookie')()
    expect(cookie).toContain('  sessionAffinity: ClientIP\n')
    expect(cookie).toContain('never reads HTTP')
  })
  it('says a Service has no weights', () => {
    expect(configText({ ...designFor('kube-proxy', 'random'), servers: weighted }).text).toContain('# A Service has no weights')
  })
})

describe('ALB target group', () => {
  it('moves values into AWS ranges with a comment, and says a fixed cookie is not available', () => {
    const d = designFor('alb', 'cookie', { cookie: { name: 'AWSALB', ttlMs: 0, mode: 'fixed' }, health: { intervalMs: 2_000, unhealthyThreshold: 1, healthyThreshold: 20 }, drainTimeoutMs: 7_200_000 })
    const cli = configText(d, 'aws-cli').text
    expect(cli).toContain('Key=stickiness.lb_cookie.duration_seconds,Value=1 \\')
    expect(cli).toContain('Key=deregistration_delay.timeout_seconds,Value=3600')
    expect(cli).toContain('--health-check-interval-seconds 5 --health-check-timeout-seconds 4')
    expect(cli).toContain('--healthy-threshold-count 10 --unhealthy-threshold-count 2')
    expect(cli).toContain('# AWSALB stickiness is always sliding')
    expect(cli).toContain("# the run's deregistration delay (s) 7200 is outside AWS's 0–3600: 3600 is the nearest.")
    const tf = configText(d, 'terraform').text
    expect(tf).toContain('    cookie_duration = 1\n')
    expect(tf).toContain('  deregistration_delay          = 3600\n')
  })
  it('least connections and random are the ALB algorithms; no stickiness without the cookie', () => {
    const lor = text('alb', 'least-connections')('terraform')
    expect(lor).toContain('load_balancing_algorithm_type = "least_outstanding_requests"')
    expect(lor).toContain('    enabled = false  # no affinity')
    expect(text('alb', 'random')('aws-cli')).toContain('Key=load_balancing.algorithm.type,Value=weighted_random \\\n  Key=stickiness.enabled,Value=false \\')
    expect(text('alb', 'ip-hash')('aws-cli')).toContain('an ALB has no hashing algorithms')
  })
})

describe('Cloudflare load balancer', () => {
  it('header affinity: session_affinity header with the header name and its 1800 s idle TTL', () => {
    const t = text('cloudflare', 'header')('cloudflare-api')
    expect(t).toContain('"session_affinity": "header",\n  "session_affinity_ttl": 1800,')
    expect(t).toContain('"headers": [\n      "X-User-Id"\n    ],')
  })
  it('re-pin is zero_downtime_failover sticky; round robin stands in as random, with the reason', () => {
    expect(text('cloudflare', 'cookie', { failover: 'repin' })('cloudflare-terraform')).toContain('zero_downtime_failover = "sticky"')
    const rr = text('cloudflare', 'round-robin')('cloudflare-api')
    expect(rr).toContain('"policy": "random"')
    expect(rr).toContain('Cloudflare has no round robin inside a pool')
  })
  it('a sliding cookie, another cookie name or a lifetime below 1800 s are said and moved', () => {
    const t = text('cloudflare', 'cookie', { cookie: { name: 'SERVERID', ttlMs: 60_000, mode: 'sliding' } })('cloudflare-terraform')
    expect(t).toContain('session_affinity_ttl        = 1800')
    expect(t).toContain('# __cflb has a fixed lifetime')
    expect(t).toContain('# the affinity cookie is always named __cflb (the run asked for SERVERID).')
  })
})

describe('designOf: the design of a running simulation', () => {
  it('reads servers in their states — crashed, draining, booting — and the run’s settings', () => {
    const s = lab(1).servers(3).lb('haproxy').policy('cookie').at(1_000).crash('B').do({ kind: 'removeServer', server: 'C', mode: 'drain' }).addServer().run(1_500)
    const d = designOf(s)
    expect(d.servers.map((x) => `${x.id}:${x.state}:${x.host}:${x.port}:${x.index}`)).toEqual(['A:ready:10.0.0.11:3000:1', 'B:stopped:10.0.0.12:3000:2', 'C:drain:10.0.0.13:3000:3', 'D:maint:10.0.0.14:3000:4'])
    expect(d.settings).toMatchObject({ lb: 'haproxy', policy: 'cookie', cookie: { name: 'SERVERID' } })
    expect(configText(d).text).toContain('    server C 10.0.0.13:3000 id 3 cookie C weight 0 check  # draining')
  })
  it('keeps the policy asked for when the run holds a stand-in, so the text can say why', () => {
    const s = lab(1).servers(2).lb('nginx').policy('cookie').run(0)
    expect(s.config.policy).toBe('hash-consistent')
    expect(designOf(s, 'cookie').asked).toBe('cookie')
    expect(designOf(s, 'hash-consistent').asked).toBeUndefined()
  })
})
