// The experiment behind docs/facts/haproxy.md §Cookie claims: one six-server cookie-insert backend in
// several variants (redispatch, persist, maxidle/maxlife, attr), fixed requests, and for each the answer
// of real haproxy next to the model's. Run: npx tsx conformance/haproxy-claims.ts
//
// Servers: web1 up + check; web2 dead + check (DOWN); web3 up, no check; web4 dead, no check;
// web5 up but `disabled` (maint); web6 up, set to drain at runtime. Client 203.0.113.7 hashes to web4
// (balance source, map-based); 10.0.0.2 hashes to web1.

import http from 'node:http'
import { closeServer, startBackends } from './lib/backends.ts'
import { findHaproxy } from './lib/checkConfig.ts'
import { freePorts, sleep } from './lib/net.ts'
import { Cleanup, makeTempDir } from './lib/process.ts'
import { startHaproxy } from './haproxy/instance.ts'
import {
  createRrState,
  encodeDate,
  parseBackend,
  parseBalance,
  parseCookieDirective,
  parseHashType,
  parseIp,
  simulateHaproxyRequest,
  type BackendConfig,
} from '../src/sim/haproxy/index.ts'

const VARIANTS: Record<string, { cookie: string; persist: boolean; redispatch: boolean }> = {
  redispatch: { cookie: 'SERVERID insert indirect nocache', persist: false, redispatch: true },
  plain: { cookie: 'SERVERID insert indirect nocache', persist: false, redispatch: false },
  persist: { cookie: 'SERVERID insert indirect nocache', persist: true, redispatch: true },
  dates: { cookie: 'SERVERID insert indirect nocache maxidle 30 maxlife 120 httponly secure domain .example.com attr SameSite=Lax', persist: false, redispatch: true },
  maxage: { cookie: 'SERVERID insert indirect nocache attr Max-Age=3600', persist: false, redispatch: true },
  direct: { cookie: 'SERVERID insert nocache', persist: false, redispatch: true },
}

async function main(): Promise<number> {
  const bin = findHaproxy()
  if (!bin) {
    console.log('haproxy not installed (Debian package "haproxy")')
    return 0
  }
  const cleanup = new Cleanup()
  cleanup.install()
  const ports = await freePorts(8)
  const live = ports.slice(0, 4)
  const dead = ports.slice(4, 6)
  const fe = ports[7] as number
  const backends = await startBackends(live)
  try {
    const dir = makeTempDir('haproxy-claims-', cleanup)
    const servers = parseBackend('web1 cookie web1; web2 cookie web2; web3 cookie web3; web4 cookie web4; web5 cookie web5 maint; web6 cookie web6 drain')
    const addr = [live[0], dead[0], live[1], dead[1], live[2], live[3]]
    let cfg = `global\n  stats socket ${dir}/admin.sock level admin\n  nbthread 1\ndefaults\n  mode http\n  timeout connect 200ms\n  timeout client 5s\n  timeout server 5s\nfrontend f\n  bind 127.0.0.1:${fe}\n  http-request set-src hdr(x-client-ip)\n  use_backend %[path,field(2,/)]\n`
    for (const [name, v] of Object.entries(VARIANTS)) {
      cfg += `backend ${name}\n  balance source\n  cookie ${v.cookie}\n${v.persist ? '  option persist\n' : ''}${v.redispatch ? '  option redispatch\n' : ''}  http-response set-header X-Server %s\n`
      servers.forEach((s, i) => {
        cfg += `  server ${s.name} 127.0.0.1:${addr[i]}${i < 2 ? ' check inter 100ms fall 1 rise 1' : ''} cookie ${s.cookie}${s.state === 'maint' ? ' disabled' : ''}\n`
      })
    }
    const inst = await startHaproxy(bin, dir, cfg, [fe], cleanup)
    for (const name of Object.keys(VARIANTS)) await inst.command(`set server ${name}/web6 state drain`)
    await sleep(800)
    const agent = new http.Agent({ keepAlive: false })
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; server: string; setCookie: string; cc: string; seen: string; ms: number }>((resolve, reject) => {
        const t = Date.now()
        const r = http.request({ host: '127.0.0.1', port: fe, path, headers, agent }, (res) => {
          res.resume()
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              server: String(res.headers['x-server'] ?? '-'),
              setCookie: String(res.headers['set-cookie'] ?? '-'),
              cc: String(res.headers['cache-control'] ?? '-'),
              seen: String(res.headers['x-seen-cookie'] ?? '-'),
              ms: Date.now() - t,
            }),
          )
        })
        r.on('error', reject)
        r.end()
      })
    const nowS = Math.floor(Date.now() / 1000)
    const cases: [string, string, string | null, [string, string][]][] = []
    for (const v of ['redispatch', 'plain', 'persist', 'maxage', 'direct']) for (const c of [null, 'web1', 'web2', 'web3', 'web4', 'web5', 'web6', 'nosuch']) cases.push([v, '203.0.113.7', c, []])
    for (const v of ['redispatch', 'dates', 'maxage']) cases.push([v, '10.0.0.2', null, []], [v, '10.0.0.2', null, [['Cache-Control', 'max-age=60']]])
    for (const c of [`web1|${encodeDate(nowS - 10)}`, `web1|${encodeDate(nowS - 100)}`, `web1|${encodeDate(nowS - 10)}|${encodeDate(nowS - 200)}`, `web1|${encodeDate(nowS + 20)}|${encodeDate(nowS - 60)}`]) {
      cases.push(['dates', '10.0.0.2', c, []], ['redispatch', '10.0.0.2', c, []])
    }
    let bad = 0
    for (const [variant, ip, cookie, reply] of cases) {
      const headers: Record<string, string> = { 'x-client-ip': ip }
      if (cookie !== null) headers.cookie = `a=1; SERVERID=${cookie}; b=2`
      if (reply.length > 0) headers['x-reply-headers'] = JSON.stringify(Object.fromEntries(reply))
      const at = Date.now()
      const got = await get(`/${variant}`, headers)
      const v = VARIANTS[variant] as (typeof VARIANTS)[string]
      const bc: BackendConfig = { servers, balance: parseBalance('source'), hashType: parseHashType('map-based'), cookie: parseCookieDirective(v.cookie), persist: v.persist, redispatch: v.redispatch, retries: 3 }
      const m = simulateHaproxyRequest(bc, { down: new Set([1]), rr: createRrState(), table: null }, { src: parseIp(ip).bytes, cookie, nowMs: at, response: { status: 200, headers: reply }, connects: (i) => i !== 1 && i !== 3 })
      const mServer = m.server === null ? '-' : (servers[m.server]?.name ?? '-')
      const ownCc = reply.filter(([n]) => n === 'Cache-Control').map(([, x]) => x)
      const mCc = got.status === 200 ? [...ownCc, ...(m.cacheControl ? [m.cacheControl] : [])].join(', ') || '-' : got.cc
      const ok = got.status === m.status && (got.status !== 200 || got.server === mServer) && got.setCookie === (m.setCookie ?? '-') && got.cc === mCc
      if (!ok) bad++
      console.log(`${ok ? 'same' : 'DIFF'}  ${variant} ${ip} cookie=${cookie ?? '(none)'}${reply.length ? ` reply=${JSON.stringify(reply)}` : ''}`)
      console.log(`      haproxy: ${got.status} ${got.server} Set-Cookie: ${got.setCookie} | Cache-Control: ${got.cc} | server saw Cookie: ${got.seen} | ${got.ms} ms`)
      console.log(`      model:   ${m.status} ${mServer} Set-Cookie: ${m.setCookie ?? '-'} | attempts ${m.attempts.map((i) => servers[i]?.name).join(',')}${m.redispatched ? ' (redispatched)' : ''}`)
    }
    console.log(`\n${cases.length - bad}/${cases.length} the same`)
    await inst.stop()
    return bad === 0 ? 0 : 1
  } finally {
    await Promise.all(backends.map(closeServer))
    cleanup.dispose()
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err)
    process.exit(1)
  },
)
