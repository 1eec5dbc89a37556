// "Config for this design" under nginx 1.22 open source: a whole nginx.conf that `nginx -t` accepts —
// the `upstream` block (balancing directive, one `server` line per lab server with weight, `down` for
// a draining one, max_fails / fail_timeout when not nginx's defaults) and the minimal `server` /
// `location` that proxies to it. What open source nginx cannot do (cookie affinity, active health
// checks) is said in comments, with the nearest real option — never a made-up directive.
// Facts: docs/facts/nginx-products.md §1–6, docs/facts/nginx.md.

import type { PolicyId } from '../../types.ts'
import type { ConfigDesign, ConfigServer } from './design.ts'
import { banner, comment, resolvedPolicy, seconds } from './text.ts'

/** The nginx variable of a request header: X-User-Id → $http_x_user_id (nginx: "$http_name"). */
export const headerVariable = (name: string): string => `$http_${name.toLowerCase().replace(/-/g, '_')}`

/** The balancing directive of each policy nginx has (round robin has none). */
function balancing(policy: PolicyId, d: ConfigDesign): string | null {
  switch (policy) {
    case 'round-robin':
      return null
    case 'least-connections':
      return 'least_conn;'
    case 'random':
      return 'random;'
    case 'ip-hash':
      return 'ip_hash;'
    case 'hash':
      return 'hash $cookie_uid;'
    case 'hash-consistent':
      return 'hash $cookie_uid consistent;'
    case 'header':
      return `hash ${headerVariable(d.settings.header.name)} consistent;`
    case 'cookie':
    case 'client-ip':
      // Never reached: resolvedPolicy gives nginx's stand-in (products/nginx.ts).
      return null
  }
}

const DEFAULT_MAX_FAILS = 1
const DEFAULT_FAIL_TIMEOUT_MS = 10_000

function serverLine(srv: ConfigServer, d: ConfigDesign): string {
  const params: string[] = []
  if (srv.weight !== 1) params.push(`weight=${srv.weight}`)
  const { maxFails, failTimeoutMs } = d.settings.passive
  if (maxFails !== DEFAULT_MAX_FAILS) params.push(`max_fails=${maxFails}`)
  // fail_timeout takes whole seconds (nginx parses it with ngx_parse_time(…, 1): "1500ms" is refused).
  if (failTimeoutMs !== DEFAULT_FAIL_TIMEOUT_MS) params.push(`fail_timeout=${Math.max(1, seconds(failTimeoutMs))}s`)
  if (srv.state === 'drain') params.push('down')
  const line = `server ${srv.host}:${srv.port}${params.length > 0 ? ` ${params.join(' ')}` : ''};`
  switch (srv.state) {
    case 'drain':
      return `${line}  # ${srv.id} is draining: marked down, then nginx -s reload (open source has no drain)`
    case 'stopped':
      return `${line}  # ${srv.id} is not running: a failed request marks it (no active checks)`
    default:
      return `${line}  # ${srv.id}`
  }
}

export function nginxConfig(d: ConfigDesign): string {
  const { policy } = resolvedPolicy(d)
  const listed = d.servers.filter((srv) => srv.state !== 'maint')
  const booting = d.servers.filter((srv) => srv.state === 'maint')
  const directive = balancing(policy, d)
  const upstream: string[] = []
  if (directive !== null) upstream.push(`        ${directive}`)
  for (const srv of listed) upstream.push(`        ${serverLine(srv, d)}`)
  for (const srv of booting) {
    // An upstream needs a server line; with nothing else to list, a booting server is listed `down`.
    if (listed.length === 0) upstream.push(`        server ${srv.host}:${srv.port} down;  # ${srv.id} is starting: remove down (and reload) when it answers`)
    else upstream.push(`        # server ${srv.host}:${srv.port};  # ${srv.id} is starting: add it (and nginx -s reload) when it answers`)
  }
  const listen = d.listen ? `${d.listen.host !== undefined ? `${d.listen.host}:` : ''}${d.listen.port}` : '80'
  const location = ['            proxy_pass http://app;']
  if (!d.settings.lbRetry) location.push('            proxy_next_upstream off;  # no retry on another server after a failed connection')
  else location.push('            # proxy_next_upstream error timeout;  (default: a failed connection is retried on the next server)')
  return [
    ...banner(d, 'nginx.conf'),
    ...comment('On Debian the upstream and server blocks go in /etc/nginx/conf.d/app.conf (inside http {}); this file is complete for nginx -t -c.'),
    ...comment('Health: nginx open source has no active health checks; a failed request marks a server for fail_timeout (max_fails=1 fail_timeout=10s by default).'),
    'events {}',
    '',
    'http {',
    '    upstream app {',
    ...upstream,
    '    }',
    '',
    '    server {',
    `        listen ${listen};`,
    '        location / {',
    ...location,
    '        }',
    '    }',
    '}',
    '',
  ].join('\n')
}
