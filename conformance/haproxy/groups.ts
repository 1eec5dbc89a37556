// Random HAProxy backends for the conformance run, each with its model (src/sim/haproxy) beside it:
// hash groups (balance source / hdr × map-based / consistent), cookie-insert groups and stick-table groups.

import {
  assignIds,
  createRrState,
  createStickTable,
  formatHashType,
  HASH_FUNCTIONS,
  parseCookieDirective,
  type Balance,
  type BackendConfig,
  type BackendState,
  type HashType,
  type HaproxyServer,
} from '../../src/sim/haproxy/index.ts'
import type { Random } from '../lib/random.ts'

export type GroupKind = 'hash' | 'cookie' | 'stick'

export interface Group {
  name: string
  kind: GroupKind
  cfg: BackendConfig
  state: BackendState
  /** Loopback port of each server. */
  ports: number[]
  /** Servers on a closed port. */
  dead: Set<number>
  /** Servers with `check` (dead + check = marked DOWN once checks ran). */
  checked: Set<number>
  /** Servers put in drain through the runtime API after start. */
  drainAtStart: Set<number>
  /** Servers `disabled` in the config (runtime changes leave them alone). */
  disabledInConfig: Set<number>
  cookieText: string | null
  stick: { type: 'ip' | 'ipv6'; expire: string } | null
  /** Whether answers depend on the wall clock (cookie dates, stick expiry). */
  timed: boolean
}

export const KEY_HEADER = 'X-Key'

export function label(g: Group): string {
  const b = g.cfg.balance.kind
  const extra = g.kind === 'hash' ? '' : ` +${g.kind}`
  const unchecked = [...g.dead].some((i) => !g.checked.has(i))
  return `${b}${b === 'roundrobin' ? '' : ` ${g.cfg.hashType.type}`}${extra}${unchecked ? ' (dead, no check)' : ''}`
}

function randomHashType(rnd: Random): HashType {
  const type = rnd.chance(0.5) ? 'map-based' : 'consistent'
  if (rnd.chance(0.6)) return { type, fn: 'sdbm', avalanche: type === 'consistent' }
  return { type, fn: rnd.pick(HASH_FUNCTIONS), avalanche: rnd.chance(0.5) }
}

function randomIds(rnd: Random, n: number): (number | null)[] {
  const ids: (number | null)[] = []
  const used = new Set<number>()
  const big = rnd.chance(0.2)
  for (let i = 0; i < n; i++) {
    if (!rnd.chance(0.55)) {
      ids.push(null)
      continue
    }
    let id: number
    do id = big ? rnd.int(1, 5000) : rnd.int(1, 16)
    while (used.has(id))
    used.add(id)
    ids.push(id)
  }
  return ids
}

export interface GroupOptions {
  kind: GroupKind
  /** Servers on closed ports: how many, and whether they get `check`. */
  deadCount: number
  deadChecked: boolean
  /** `balance roundrobin` instead of a hash (hash and cookie kinds). */
  roundrobin?: boolean
}

export function randomGroup(rnd: Random, name: string, live: readonly number[], deadPorts: readonly number[], opts: GroupOptions): Group {
  const n = rnd.int(Math.max(2, opts.deadCount + 1), 10)
  const hashType = randomHashType(rnd)
  const balance: Balance = opts.roundrobin ? { kind: 'roundrobin' } : opts.kind === 'stick' || rnd.chance(0.5) ? { kind: 'hdr', header: KEY_HEADER } : { kind: 'source' }
  const big = hashType.type === 'map-based' && rnd.chance(0.15)
  const ports: number[] = []
  const dead = new Set<number>()
  const deadAt = new Set(rnd.shuffle([...Array(n).keys()]).slice(0, opts.deadCount))
  const liveShuffled = rnd.shuffle([...live])
  const bare: Omit<HaproxyServer, 'id' | 'explicitId'>[] = []
  for (let i = 0; i < n; i++) {
    if (deadAt.has(i)) {
      dead.add(i)
      ports.push(deadPorts[i % deadPorts.length] as number)
    } else ports.push(liveShuffled[i % liveShuffled.length] as number)
    const weight = rnd.chance(0.5) ? 1 : rnd.chance(0.1) ? 0 : big ? rnd.int(10, 60) : rnd.int(1, 6)
    const cookie = opts.kind === 'cookie' && !rnd.chance(0.08) ? (rnd.chance(0.1) && i > 0 ? `c${i - 1}` : `c${i}`) : null
    bare.push({ name: `s${i}`, address: `127.0.0.1:${ports[i]}`, weight, state: 'ready', cookie })
  }
  // Explicit ids where drawn; the others are numbered by the model's assignIds(), which the run checks.
  const ids = randomIds(rnd, n)
  const servers = assignIds(bare.map((s, i) => ({ ...s, id: ids[i] ?? 0, explicitId: ids[i] != null })))
  const drainAtStart = new Set<number>()
  servers.forEach((s, i) => {
    const r = rnd.int(0, 99)
    if (r < 10) s.state = 'maint'
    else if (r < 19) {
      s.state = 'drain'
      drainAtStart.add(i)
    }
  })
  const checked = new Set<number>()
  servers.forEach((_, i) => {
    if (dead.has(i) ? opts.deadChecked : rnd.chance(0.3)) checked.add(i)
  })

  let cookieText: string | null = null
  if (opts.kind === 'cookie') {
    const words = ['SRV', 'insert']
    if (rnd.chance(0.8)) words.push('indirect')
    if (rnd.chance(0.7)) words.push('nocache')
    if (rnd.chance(0.3)) words.push('httponly')
    if (rnd.chance(0.2)) words.push('secure')
    if (rnd.chance(0.15)) words.push('domain', '.example.com')
    if (rnd.chance(0.2)) words.push('attr', rnd.pick(['SameSite=Lax', 'Max-Age=3600', 'SameSite=None']))
    if (rnd.chance(0.3)) words.push('maxidle', rnd.pick(['30', '60s', '2m']))
    if (rnd.chance(0.25)) words.push('maxlife', rnd.pick(['300', '10m']))
    if (rnd.chance(0.08)) words.push('postonly')
    cookieText = words.join(' ')
  }
  const stick = opts.kind === 'stick' ? { type: rnd.chance(0.5) ? ('ip' as const) : ('ipv6' as const), expire: '2s' } : null
  const cfg: BackendConfig = {
    servers,
    balance,
    hashType,
    cookie: cookieText ? parseCookieDirective(cookieText) : null,
    persist: opts.kind !== 'hash' && rnd.chance(0.4),
    redispatch: rnd.chance(0.6),
    retries: rnd.chance(0.8) ? 3 : rnd.int(1, 2),
  }
  const down = new Set([...dead].filter((i) => checked.has(i)))
  const state: BackendState = { down, rr: createRrState(), table: stick ? createStickTable(stick.type, 2000) : null }
  const timed = opts.kind === 'stick' || (cfg.cookie !== null && (cfg.cookie.maxidle > 0 || cfg.cookie.maxlife > 0)) || opts.kind === 'cookie'
  const disabledInConfig = new Set(servers.flatMap((s, i) => (s.state === 'maint' ? [i] : [])))
  return { name, kind: opts.kind, cfg, state, ports, dead, checked, drainAtStart, disabledInConfig, cookieText, stick, timed }
}

/** The `backend` section for a group. */
export function backendSection(g: Group): string {
  const c = g.cfg
  const lines = [`backend ${g.name}`]
  lines.push(`  balance ${c.balance.kind === 'hdr' ? `hdr(${c.balance.header})` : c.balance.kind}`)
  if (c.balance.kind !== 'roundrobin') lines.push(`  hash-type ${formatHashType(c.hashType)}`)
  if (g.cookieText) lines.push(`  cookie ${g.cookieText}`)
  if (c.persist) lines.push('  option persist')
  if (c.redispatch) lines.push('  option redispatch')
  if (c.retries !== 3) lines.push(`  retries ${c.retries}`)
  if (g.stick) lines.push(`  stick-table type ${g.stick.type} size 100k expire ${g.stick.expire}`, '  stick on src')
  lines.push('  http-response set-header X-Server %s')
  c.servers.forEach((s, i) => {
    const parts = [`  server ${s.name} ${s.address}`]
    if (s.explicitId) parts.push(`id ${s.id}`)
    if (s.weight !== 1) parts.push(`weight ${s.weight}`)
    if (s.cookie !== null) parts.push(`cookie ${s.cookie}`)
    if (s.state === 'maint') parts.push('disabled')
    if (g.checked.has(i)) parts.push('check inter 100ms fall 1 rise 1')
    lines.push(parts.join(' '))
  })
  return lines.join('\n')
}

export function haproxyConfig(dir: string, listenPort: number, groups: readonly Group[]): string {
  return `global
  stats socket ${dir}/admin.sock level admin
  nbthread 1
  log stderr format short local0 err

defaults
  mode http
  timeout connect 200ms
  timeout client 10s
  timeout server 10s

frontend fe
  bind 127.0.0.1:${listenPort}
  http-request set-src hdr(x-client-ip)
  use_backend %[path,field(2,/)]

${groups.map(backendSection).join('\n\n')}
`
}
