// HAProxy 2.6 in the engine (docs/facts/haproxy.md), with the lab's backend written as
//
//   backend app
//     balance roundrobin                      # or source / hdr(X-User-Id) + hash-type consistent …
//     cookie SERVERID insert indirect nocache # [maxidle | maxlife = the lab's affinity TTL]
//     option redispatch                       # the lab's failover "re-pin"; without it: "fail"
//     retries 3
//     timeout connect 5s
//     server A 10.0.0.11:3000 id 1 cookie A check   # inter 2s fall 3 rise 2 (the defaults)
//
// Servers are named by the lab's letters, so the cookie reads SERVERID=B. Routing decisions use the
// exact functions of src/sim/haproxy (map / ring lookup, cookie read and Set-Cookie); retries follow
// back_handle_st_cer and stream_choose_redispatch (§Retries and redispatch): a refused connection is
// retried on the same server after min(1 s, timeout connect), the last of `retries 3` goes back to the
// balancer (at once when the server is already DOWN), and a request that wasn't persistent under
// `balance roundrobin` is redispatched at once. After 4 failed attempts: 503. A server dying with a
// request in service gives 502 (only connection failures are retried). Drain: the balancer sends it
// nobody new, cookie and stick-table holders are still served (§Server states). A server the lab adds
// or replaces sits in `maint` while it boots and is set `ready` when its process answers — HAProxy then
// counts it UP at once but one failed check from DOWN (src/server.c srv_update_status, "start OK but
// check immediately"); a restarted server keeps the view the checks gave it.

import { mutLb } from '../../cow.ts'
import { addFwrrServer, createFwrr, fwrrNext, fwrrSync, type FwrrState } from '../../haproxy/fwrr.ts'
import { readCookie, setCookieHeader, type CookieConfig, type CookieRead } from '../../haproxy/cookie.ts'
import type { HaproxyServer } from '../../haproxy/servers.ts'
import type { RouteContext, RouteResult } from '../../policies/policy.ts'
import { liveSessionCount, serverIndex } from '../../servers.ts'
import type { LbState, PolicyId, Server, ServerId, SimConfig, SimState } from '../../types.ts'
import { idle, isIdempotent, type LbBehaviour, type Plan } from './behaviour.ts'
import { partOf } from './index.ts'

/** `retries` (default 3, CONN_RETRIES) and the wait before retrying the same server: min(1 s, timeout connect 5s). */
export const RETRIES = 3
export const RETRY_DELAY_MS = 1_000

const booting = (srv: Server): boolean => srv.fresh && srv.status === 'starting'

/** srv_currently_usable(): UP by checks, not drain, not maint. */
const usable = (srv: Server): boolean => srv.status !== 'removed' && srv.status !== 'draining' && !booting(srv) && srv.healthy
/** cur_state != STOPPED: what persistence (cookie, stick table) may still follow — drain included. */
const running = (srv: Server): boolean => srv.status !== 'removed' && !booting(srv) && srv.healthy

/** `balance roundrobin` (BE_LB_KIND_RR) is the lab's round robin, and the first pick of cookie and stick table. */
const RR_POLICIES: ReadonlySet<PolicyId> = new Set(['round-robin', 'cookie', 'client-ip'])

export const haproxyBehaviour: LbBehaviour = {
  id: 'haproxy',
  activeChecks: true,
  passive: false,
  usable: (_, srv) => usable(srv),
  pinnable: (_, srv) => running(srv),
  fallback: () => [],
  noServer: (why): RouteResult => ({ server: null, decision: `${why ? `${why} → ` : ''}no server available → 503`, status: 503 }),
  refused(s, req): Plan {
    const server = req.server!
    const failed = req.refused.length
    if (failed > RETRIES) return { fail: 503, words: `${server} refused, retries ${RETRIES} used up → 503` }
    const srv = s.servers[serverIndex(server)]!
    const active = s.servers.filter(usable).length
    const rr = RR_POLICIES.has(s.config.policy)
    const redispatch = s.config.failover === 'repin' && (!running(srv) || failed % RETRIES === 0 || (!req.pinned && active > 1 && rr))
    if (!redispatch) return { retry: 'same', delayMs: RETRY_DELAY_MS, words: `${server} refused, retry ${failed}/${RETRIES} in 1 s` }
    // "only wait when we're retrying on the same server": a round-robin redispatch goes at once.
    return { retry: 'balance', delayMs: rr && active > 1 ? 0 : RETRY_DELAY_MS, words: `${server} refused, retry ${failed}/${RETRIES} → redispatch` }
  },
  died: (_, req): Plan => ({ fail: 502, words: `${req.server!} died while serving → 502 (only failed connections are retried)` }),
  // The lab's deploy script waits until a draining server holds no live session, or the drain timeout.
  drained: (s, srv) => idle(srv) && liveSessionCount(s, srv) === 0,
  started(s, srv) {
    if (!srv.fresh) return false
    srv.fresh = false
    srv.healthy = true
    srv.probeOks = 0
    srv.probeFails = Math.max(0, s.config.health.unhealthyThreshold - 1)
    return true
  },
  route(ctx, policy) {
    switch (policy) {
      case 'cookie':
        return routeCookie(ctx)
      // balance source / hdr(): map and ring lookups, a part of their own (haproxyHash.ts).
      case 'ip-hash':
      case 'header':
        return partOf('haproxy-hash').route(ctx, policy)
      case 'client-ip':
        return routeStick(ctx)
      case 'round-robin':
        return routeRoundRobin(ctx)
      default:
        return null
    }
  },
  headerPicker: (s) => (value) => partOf('haproxy-hash').headerPick(s, value),
  fleetChanged: (s) => haproxyFleetChanged(s),
}

// ── balance roundrobin (src/sim/haproxy/fwrr.ts) ──────────────────────────────────────────────────

/** The servers HAProxy's balancer may pick now, by index (srv_currently_usable). */
const usableNow = (s: SimState): boolean[] => s.servers.map(usable)

function needsSync(st: FwrrState, s: SimState): boolean {
  if (st.servers.length !== s.servers.length) return true
  for (let i = 0; i < s.servers.length; i++) if (st.servers[i]!.usable !== usable(s.servers[i]!)) return true
  return false
}

/**
 * The round robin's state, in line with the fleet. Created at first use as HAProxy starts: every
 * configured server (not booting) in rotation — checks start UP — then the current view applied as
 * state changes (a DOWN server leaves, one back from maint joins at the end of the window).
 */
function fwrrOf(lb: LbState, s: SimState): FwrrState {
  const st = (lb.haproxyRr ??= createFwrr(
    s.servers.map((srv) => srv.weight),
    s.servers.map((srv) => srv.status !== 'removed' && !booting(srv)),
  ))
  while (st.servers.length < s.servers.length) addFwrrServer(st, s.servers[st.servers.length]!.weight)
  fwrrSync(st, usableNow(s))
  return st
}

/**
 * The lab's fleet changed (a health-check round, an intervention, a server started): HAProxy's round
 * robin sees the change now, in server order — as the runtime API and the checks apply it — so the
 * next pick places a returning server exactly (fwrr_set_server_status_up).
 */
export function haproxyFleetChanged(s: SimState): void {
  const st = s.lb.haproxyRr
  if (st && needsSync(st, s)) fwrrOf(mutLb(s), s)
}

/** fwrr_get_next_server(): a redispatch avoids only the server that just failed (s->target). */
function balanceRoundRobin(ctx: RouteContext): Server | null {
  const { s } = ctx
  const last = ctx.redispatch ? ctx.tried[ctx.tried.length - 1] : undefined
  const i = fwrrNext(fwrrOf(mutLb(s), s), last === undefined ? null : serverIndex(last))
  return i === null ? null : s.servers[i]!
}

function routeRoundRobin(ctx: RouteContext): RouteResult {
  const srv = balanceRoundRobin(ctx)
  if (!srv) return haproxyBehaviour.noServer('balance roundrobin')
  return { server: srv.id, decision: `round robin → ${srv.id}` }
}

// ── the backend as HAProxy sees it ────────────────────────────────────────────────────────────────

export interface Backend {
  readonly servers: HaproxyServer[]
  readonly ids: ServerId[]
  readonly down: Set<number>
}

function stateOf(srv: Server): HaproxyServer['state'] {
  if (booting(srv)) return 'maint'
  return srv.status === 'draining' ? 'drain' : 'ready'
}

/** The `server` lines (id = the letter's position, written explicitly so ring points never move) and the DOWN set. */
export function backendOf(s: SimState): Backend {
  const servers: HaproxyServer[] = []
  const ids: ServerId[] = []
  const down = new Set<number>()
  for (const srv of s.servers) {
    if (srv.status === 'removed') continue
    if (!srv.healthy && !booting(srv)) down.add(servers.length)
    servers.push({ name: srv.id, address: srv.address, weight: srv.weight, id: serverIndex(srv.id) + 1, explicitId: true, state: stateOf(srv), cookie: srv.id })
    ids.push(srv.id)
  }
  return { servers, ids, down }
}

// ── cookie SERVERID insert indirect nocache ───────────────────────────────────────────────────────

/** The lab's affinity TTL as HAProxy writes it: sliding = `maxidle`, fixed = `maxlife`, 0 = neither. */
export function cookieConfig(c: SimConfig): CookieConfig {
  if (c.cookie === lastCookie && lastConfig) return lastConfig
  let cfg = cookieConfigs.get(c.cookie)
  if (!cfg) cookieConfigs.set(c.cookie, (cfg = buildCookieConfig(c)))
  lastCookie = c.cookie
  lastConfig = cfg
  return cfg
}
// One per config's cookie object (a config is replaced, never changed, so the cache stays right);
// the last one is kept at hand, as every request of a run asks for the same.
const cookieConfigs = new WeakMap<SimConfig['cookie'], CookieConfig>()
let lastCookie: SimConfig['cookie'] | null = null
let lastConfig: CookieConfig | null = null

function buildCookieConfig(c: SimConfig): CookieConfig {
  const ttl = Math.ceil(c.cookie.ttlMs / 1000)
  return {
    name: c.cookie.name,
    indirect: true,
    nocache: true,
    postonly: false,
    httponly: false,
    secure: false,
    domains: [],
    attrs: [],
    maxidle: c.cookie.mode === 'sliding' ? ttl : 0,
    maxlife: c.cookie.mode === 'fixed' ? ttl : 0,
  }
}

const ABSENT: CookieRead = { serverPart: null, lastDate: 0, firstDate: 0, verdict: 'absent' }

/** "SERVERID=B|aw1tz; path=/" → "B|aw1tz". */
const valueOf = (setCookie: string, name: string): string => setCookie.slice(name.length + 1, setCookie.indexOf(';'))

function routeCookie(ctx: RouteContext): RouteResult {
  const { s, user } = ctx
  const cfg = cookieConfig(s.config)
  const name = cfg.name
  const nowSec = Math.floor(s.now / 1000)
  const method = isIdempotent(ctx) ? 'GET' : 'POST'
  if (s.config.canaryPercent > 0 && ctx.random() * 100 < s.config.canaryPercent) {
    const srv = balanceRoundRobin(ctx)
    if (!srv) return haproxyBehaviour.noServer(`canary (${s.config.canaryPercent}% without affinity)`)
    return { server: srv.id, decision: `canary (${s.config.canaryPercent}% without affinity) → ${srv.id}`, canary: true }
  }
  const jar = user.jar.affinity
  // The common case: a plain session cookie (no dates) naming a server that may take it. HAProxy sends
  // no Set-Cookie then (setCookieHeader's refresh rule), so the answer is the same every time.
  if (jar && !ctx.redispatch && cfg.maxidle === 0 && cfg.maxlife === 0 && (jar.value === null || jar.value === jar.server) && ctx.canUse(jar.server, true)) {
    return followed(name, jar.server)
  }
  let read = ABSENT
  let why = ctx.redispatch ? `away from ${ctx.tried[ctx.tried.length - 1] ?? '?'}` : `no ${name} cookie`
  if (jar && !ctx.redispatch) {
    read = readCookie(cfg, jar.value ?? jar.server, nowSec)
    if (read.verdict === 'expired') why = `${name} idle longer than maxidle ${cfg.maxidle}s: ignored`
    else if (read.verdict === 'old') why = `${name} older than maxlife ${cfg.maxlife}s: ignored`
    else {
      const part = read.serverPart ?? ''
      const target = s.servers.find((x) => x.id === part)
      if (target && ctx.canUse(target.id, true)) {
        const set = setCookieHeader(cfg, { server: backendServer(target), direct: true, read, nowSec, method })
        const affinity = set === null ? { server: target.id, issued: false } : { server: target.id, issued: true, value: valueOf(set, name) }
        return { server: target.id, decision: `${name}=${part} → ${part}${set === null ? '' : ` · Set-Cookie ${name}=${affinity.value ?? part}`}`, pinned: true, affinity }
      }
      why = target === undefined || target.status === 'removed' ? `${name}=${part} names no server` : `${name}=${part} names a ${downWord(target)} server`
    }
  }
  const srv = balanceRoundRobin(ctx)
  if (!srv) return haproxyBehaviour.noServer(why)
  const set = setCookieHeader(cfg, { server: backendServer(srv), direct: false, read, nowSec, method })!
  const value = valueOf(set, name)
  return { server: srv.id, decision: `${why} → balance roundrobin → ${srv.id}, new cookie ${name}=${value}`, affinity: { server: srv.id, issued: true, value } }
}

const follows = new Map<string, Map<ServerId, RouteResult>>()
function followed(name: string, server: ServerId): RouteResult {
  let byServer = follows.get(name)
  if (!byServer) follows.set(name, (byServer = new Map()))
  let r = byServer.get(server)
  if (!r) byServer.set(server, (r = { server, decision: `${name}=${server} → ${server}`, pinned: true, affinity: { server, issued: false } }))
  return r
}

function downWord(srv: Server): string {
  if (booting(srv)) return 'maint'
  return srv.healthy ? 'refusing' : 'DOWN'
}

function backendServer(srv: Server): HaproxyServer {
  return { name: srv.id, address: srv.address, weight: srv.weight, id: serverIndex(srv.id) + 1, explicitId: true, state: stateOf(srv), cookie: srv.id }
}

// ── stick-table type ip expire <ClientIP timeout> + stick on src ──────────────────────────────────

function routeStick(ctx: RouteContext): RouteResult {
  const { s, user } = ctx
  const entry = s.lb.clientIp.get(user.ip)
  const fresh = entry !== undefined && s.now - entry.lastSeen < s.config.clientIpTimeoutMs
  if (!ctx.redispatch && entry && fresh && ctx.canUse(entry.server, true)) {
    mutLb(s).clientIp.set(user.ip, { server: entry.server, lastSeen: s.now })
    return { server: entry.server, decision: `stick table: ${user.ip} → ${entry.server}`, pinned: true }
  }
  const why = ctx.redispatch ? `away from ${ctx.tried[ctx.tried.length - 1] ?? '?'}` : entry === undefined ? `${user.ip} not in the stick table` : fresh ? `stick entry names ${entry.server}, which is DOWN` : 'stick entry expired'
  const srv = balanceRoundRobin(ctx)
  if (!srv) return haproxyBehaviour.noServer(why)
  mutLb(s).clientIp.set(user.ip, { server: srv.id, lastSeen: s.now })
  return { server: srv.id, decision: `${why} → balance roundrobin → ${srv.id} · stored for ${user.ip}` }
}
