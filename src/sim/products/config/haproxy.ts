// "Config for this design" under HAProxy 2.6: a whole haproxy.cfg that `haproxy -c` accepts — minimal
// global / defaults / frontend, and the backend the engine runs (products/engine/haproxy.ts): the
// balance method, `cookie … insert indirect nocache` with maxidle / maxlife, `stick on src`,
// `option redispatch` (the lab's failover "re-pin"), `retries 3`, and one `server` line per lab server
// with its explicit `id` (ring points depend on it), weight, `check` and its state: `weight 0` for a
// draining server (what the runtime API's drain state does), `disabled` for one still booting.
// Facts: docs/facts/haproxy.md (§Servers, §Server states, §Cookie insert, §Retries, §Health checks).

import type { PolicyId } from '../../types.ts'
import type { ConfigDesign, ConfigServer } from './design.ts'
import { banner, comment, duration, resolvedPolicy, seconds } from './text.ts'

/** `check`'s defaults (include/haproxy/defaults.h): inter 2s, fall 3, rise 2. */
const CHECK = { intervalMs: 2_000, fall: 3, rise: 2 }

function balanceLines(policy: PolicyId, d: ConfigDesign): string[] {
  switch (policy) {
    case 'round-robin':
    case 'cookie':
    case 'client-ip':
      // The cookie's and the stick table's first pick is the balancer's round robin.
      return ['balance roundrobin']
    case 'least-connections':
      return ['balance leastconn']
    case 'random':
      return ['balance random']
    case 'ip-hash':
      return ['balance source', 'hash-type map-based  # the default: sdbm, no avalanche']
    case 'header':
      return [`balance hdr(${d.settings.header.name})`, 'hash-type consistent  # sdbm + avalanche; points from each server id and weight']
    case 'hash':
    case 'hash-consistent':
      // Never reached: resolvedPolicy gives the stand-in (products/haproxy.ts).
      return ['balance roundrobin']
  }
}

function cookieLine(d: ConfigDesign): string {
  const { name, ttlMs, mode } = d.settings.cookie
  const ttl = ttlMs > 0 ? ` ${mode === 'sliding' ? 'maxidle' : 'maxlife'} ${seconds(ttlMs)}s` : ''
  return `cookie ${name} insert indirect nocache${ttl}`
}

function checkParams(d: ConfigDesign): string {
  const { intervalMs, unhealthyThreshold, healthyThreshold } = d.settings.health
  const params = ['check']
  if (intervalMs !== CHECK.intervalMs) params.push(`inter ${duration(intervalMs)}`)
  if (unhealthyThreshold !== CHECK.fall) params.push(`fall ${unhealthyThreshold}`)
  if (healthyThreshold !== CHECK.rise) params.push(`rise ${healthyThreshold}`)
  return params.join(' ')
}

function serverLine(srv: ConfigServer, d: ConfigDesign, cookies: boolean): string {
  const parts = [`server ${srv.id} ${srv.host}:${srv.port} id ${srv.index}`]
  if (cookies) parts.push(`cookie ${srv.id}`)
  // A draining server: weight 0 takes no new clients and keeps cookie / stick-table holders, like the
  // runtime drain state (§Server states); its real weight is what `set server … state ready` restores.
  if (srv.state === 'drain') parts.push('weight 0')
  else if (srv.weight !== 1) parts.push(`weight ${srv.weight}`)
  parts.push(checkParams(d))
  if (srv.state === 'maint') parts.push('disabled')
  const line = parts.join(' ')
  switch (srv.state) {
    case 'drain':
      return `${line}  # draining; at run time: set server app/${srv.id} state drain`
    case 'maint':
      return `${line}  # starting; set server app/${srv.id} state ready when it answers`
    case 'stopped':
      return `${line}  # not running: checks mark it DOWN`
    case 'ready':
      return line
  }
}

export function haproxyConfig(d: ConfigDesign): string {
  const { policy } = resolvedPolicy(d)
  const s = d.settings
  const cookies = policy === 'cookie'
  const backend: string[] = [...balanceLines(policy, d)]
  if (cookies) backend.push(cookieLine(d))
  if (policy === 'client-ip') {
    backend.push(`stick-table type ip size 100k expire ${seconds(s.clientIpTimeoutMs)}s  # size: the lab never fills the table`)
    backend.push('stick on src')
  }
  if (s.failover === 'repin') backend.push('option redispatch  # the last retry (or a DOWN server) goes back to the balancer')
  else backend.push(...comment('no option redispatch: a client whose server refuses gets 503 after the retries'))
  backend.push('retries 3')
  for (const srv of d.servers) backend.push(serverLine(srv, d, cookies))
  const bind = d.listen ? `${d.listen.host ?? ''}:${d.listen.port}` : ':80'
  return [
    ...banner(d, 'haproxy.cfg'),
    ...comment('On Debian: /etc/haproxy/haproxy.cfg; check it with haproxy -c -f, then systemctl reload haproxy.'),
    'global',
    '    log stdout format raw local0',
    '    # set server … state needs a stats socket, e.g. Debian\'s: stats socket /run/haproxy/admin.sock mode 660 level admin',
    '',
    'defaults',
    '    mode http',
    '    log global',
    '    timeout connect 5s',
    '    timeout client 30s',
    '    timeout server 30s',
    '',
    'frontend web',
    `    bind ${bind}`,
    '    default_backend app',
    '',
    'backend app',
    ...backend.map((l) => `    ${l}`),
    '',
  ].join('\n')
}
