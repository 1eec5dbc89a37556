// A HAProxy 2.6 backend's `server` lines, parsed and numbered the way HAProxy does it (src/server.c,
// src/cfgparse.c check_config_validity). See docs/facts/haproxy.md §Servers.

/** Admin state: `ready`; `drain` (no new traffic from the balancer, persistence still honoured); `maint`. */
export type AdminState = 'ready' | 'drain' | 'maint'

export interface HaproxyServer {
  /** Exactly as written (HAProxy's server name). */
  name: string
  /** The address after the name, if any; it plays no part in the choice. */
  address: string | null
  /** User weight 0–256 (`weight`, default 1). 0 behaves like drain but also leaves the map-based GCD. */
  weight: number
  /** HAProxy's puid: the explicit `id`, or the number HAProxy assigns (see assignIds). */
  id: number
  explicitId: boolean
  state: AdminState
  /** The `cookie` value, or null (a cookie-insert backend then sends a cookie-removal Set-Cookie). */
  cookie: string | null
}

export class BackendParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackendParseError'
  }
}

export const MAX_WEIGHT = 256
/** `id` is parsed with atol() into an int and must be > 0. */
export const MAX_ID = 2147483647

const NAME = /^[A-Za-z0-9_.:-]+$/
const INTEGER = /^\d+$/

/**
 * Parses "web1 weight 2 id 7; web2 10.0.0.2:80 id 3 maint; web3 drain; web4" (each entry optionally
 * starting with `server`). Knows `weight N`, `id N`, `cookie VALUE`, `maint` (also HAProxy's `disabled`),
 * `drain`, `enabled` and `check` (accepted; health is given separately). Throws BackendParseError.
 */
export function parseBackend(text: string): HaproxyServer[] {
  const servers: HaproxyServer[] = []
  for (const entry of text.split(';')) {
    const words = entry.trim().split(/\s+/).filter((w) => w !== '')
    if (words[0] === 'server') words.shift()
    else if (words.length === 0) continue
    servers.push(parseServer(words))
  }
  if (servers.length === 0) throw new BackendParseError('no servers in backend')
  checkNames(servers)
  return assignIds(servers)
}

const KEYWORDS = new Set(['weight', 'id', 'cookie', 'maint', 'disabled', 'drain', 'enabled', 'check'])

function parseServer(words: string[]): HaproxyServer {
  const [name, ...rest] = words
  if (name === undefined) throw new BackendParseError('"server" needs a name, e.g. "server web1 10.0.0.1:80"')
  if (!NAME.test(name)) throw new BackendParseError(`server name "${name}" may only use letters, digits, "-", "_", "." and ":"`)
  const server: HaproxyServer = { name, address: null, weight: 1, id: 0, explicitId: false, state: 'ready', cookie: null }
  let i = 0
  // An address ("10.0.0.1:80", "web.internal:8080", "/run/app.sock", "ipv4@…") has a digit, ".", ":", "/" or "@".
  if (rest[0] !== undefined && !KEYWORDS.has(rest[0]) && /[\d.:/@]/.test(rest[0])) {
    server.address = rest[0]
    i = 1
  }
  const value = (kw: string): string => {
    const v = rest[++i]
    if (v === undefined) throw new BackendParseError(`server ${name}: "${kw}" needs a value`)
    return v
  }
  for (; i < rest.length; i++) {
    const kw = rest[i] as string
    switch (kw) {
      case 'weight': {
        const v = value(kw)
        if (!INTEGER.test(v) || Number(v) > MAX_WEIGHT) {
          throw new BackendParseError(`server ${name}: weight must be a whole number from 0 to ${MAX_WEIGHT}, got "${v}"`)
        }
        server.weight = Number(v)
        break
      }
      case 'id': {
        const v = value(kw)
        if (!INTEGER.test(v) || Number(v) < 1 || Number(v) > MAX_ID) {
          throw new BackendParseError(`server ${name}: id must be a whole number from 1 to ${MAX_ID}, got "${v}"`)
        }
        server.id = Number(v)
        server.explicitId = true
        break
      }
      case 'cookie':
        server.cookie = value(kw)
        break
      case 'maint':
      case 'disabled':
        server.state = 'maint'
        break
      case 'drain':
        server.state = 'drain'
        break
      case 'enabled':
        server.state = 'ready'
        break
      case 'check':
        break
      default:
        throw new BackendParseError(
          `server ${name}: unknown or unmodelled keyword "${kw}" (known: weight, id, cookie, maint, disabled, drain, enabled, check)`,
        )
    }
  }
  return server
}

/** HAProxy refuses two servers of the same name unless one of them has an explicit id. */
function checkNames(servers: readonly HaproxyServer[]): void {
  const seenIds = new Map<number, string>()
  servers.forEach((s, i) => {
    if (s.explicitId) {
      const other = seenIds.get(s.id)
      if (other !== undefined) throw new BackendParseError(`server ${s.name}: id ${s.id} is already used by server ${other}`)
      seenIds.set(s.id, s.name)
      return
    }
    const twin = servers.slice(0, i).find((o) => !o.explicitId && o.name === s.name)
    if (twin) throw new BackendParseError(`another server named "${s.name}" was already defined; use distinct names`)
  })
}

/**
 * Ids for servers without `id`, as check_config_validity() numbers them: a counter starting at 1 walks the
 * servers in order; a server without an id takes the first unused id ≥ the counter; the counter is then
 * incremented after every server, with or without an explicit id ("a id 3; b; c" → 3, 2, 4).
 */
export function assignIds(servers: readonly HaproxyServer[]): HaproxyServer[] {
  const used = new Set<number>(servers.filter((s) => s.explicitId).map((s) => s.id))
  let next = 1
  return servers.map((s) => {
    if (s.explicitId) {
      next++
      return { ...s }
    }
    while (used.has(next)) next++
    const id = next
    used.add(id)
    next++
    return { ...s, id }
  })
}
