// The `upstream { … }` server list a learner types, parsed and validated the way nginx's `server` directive does.

import { parseNginxSeconds } from './duration.ts'

/** One `server` line of an nginx upstream block (defaults as in ngx_http_upstream_server()). */
export interface UpstreamServer {
  /** Exactly as written, e.g. "10.0.0.1:80". The consistent-hash ring is built from this text. */
  name: string
  /** `weight=`, default 1. */
  weight: number
  /** `down`: never picked, but still counted in the hash modulus (so other keys keep their server). */
  down: boolean
  /** `max_fails=`, default 1; 0 turns failure accounting off. */
  maxFails: number
  /** `fail_timeout=`, default 10 s: both the window that counts failures and how long a peer is skipped. */
  failTimeoutMs: number
}

export class UpstreamParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UpstreamParseError'
  }
}

export const DEFAULT_WEIGHT = 1
export const DEFAULT_MAX_FAILS = 1
export const DEFAULT_FAIL_TIMEOUT_MS = 10_000
/** nginx has no upper bound; the simulator caps weights so a consistent-hash ring stays small. */
export const MAX_WEIGHT = 1000

// Parameters nginx knows but the simulator does not model. `backup` is refused by nginx itself for
// ip_hash/hash groups; the others would change behaviour we do not simulate.
const NOT_MODELLED = new Set(['max_conns', 'resolve', 'service', 'slow_start', 'route', 'drain'])

/**
 * Parses "10.0.0.1:80 weight=2; 10.0.0.2:80 down; 10.0.0.3:80" (optionally with `server ` before each entry
 * and a trailing `;`). Throws UpstreamParseError with a one-line, nginx-like message on anything malformed.
 */
export function parseUpstream(text: string): UpstreamServer[] {
  const servers: UpstreamServer[] = []
  for (const entry of text.split(';')) {
    const words = entry.trim().split(/\s+/).filter((w) => w !== '')
    if (words[0] === 'server') words.shift()
    else if (words.length === 0) continue
    const [address, ...params] = words
    if (address === undefined) throw new UpstreamParseError('"server" needs an address, e.g. "server 10.0.0.1:80;"')
    servers.push(parseServer(address, params))
  }
  if (servers.length === 0) throw new UpstreamParseError('no servers in upstream')
  return servers
}

function parseServer(address: string, params: string[]): UpstreamServer {
  checkAddress(address)
  const server: UpstreamServer = {
    name: address,
    weight: DEFAULT_WEIGHT,
    down: false,
    maxFails: DEFAULT_MAX_FAILS,
    failTimeoutMs: DEFAULT_FAIL_TIMEOUT_MS,
  }
  for (const param of params) {
    const eq = param.indexOf('=')
    const key = eq < 0 ? param : param.slice(0, eq)
    const value = eq < 0 ? null : param.slice(eq + 1)
    const invalid = (hint?: string): UpstreamParseError =>
      new UpstreamParseError(`invalid parameter "${param}"${hint ? ` (${hint})` : ''}`)

    if (key === 'weight' && value !== null) {
      const weight = parseCount(value)
      if (weight === null || weight === 0) throw invalid('weight must be a whole number from 1')
      if (weight > MAX_WEIGHT) throw invalid(`the simulator allows weights up to ${MAX_WEIGHT}`)
      server.weight = weight
    } else if (key === 'max_fails' && value !== null) {
      const maxFails = parseCount(value)
      if (maxFails === null) throw invalid('max_fails must be a whole number, 0 or more')
      server.maxFails = maxFails
    } else if (key === 'fail_timeout' && value !== null) {
      const seconds = parseNginxSeconds(value)
      if (seconds === null) {
        throw invalid(value.includes('ms') ? 'nginx counts fail_timeout in whole seconds' : 'expected a time such as 10s or 1m')
      }
      server.failTimeoutMs = seconds * 1000
    } else if (param === 'down') {
      server.down = true
    } else if (param === 'backup') {
      throw new UpstreamParseError('balancing method does not support parameter "backup"')
    } else if (NOT_MODELLED.has(key)) {
      throw new UpstreamParseError(`parameter "${param}" is not supported by the simulator`)
    } else {
      throw invalid()
    }
  }
  return server
}

function parseCount(value: string): number | null {
  return /^\d{1,9}$/.test(value) ? Number(value) : null
}

/** host[:port], [ipv6][:port] or unix:/path — the forms the `server` directive accepts. */
function checkAddress(address: string): void {
  if (address.includes('=')) {
    throw new UpstreamParseError(`"${address}" is not a server address (expected host:port before the parameters)`)
  }
  if (/^unix:/i.test(address)) {
    if (address.length <= 5) throw new UpstreamParseError(`no path in "${address}"`)
    return
  }
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(.*))?$/.exec(address)
  if (!m) throw new UpstreamParseError(`invalid host in upstream "${address}"`)
  const port = m[2]
  if (port !== undefined && (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)) {
    throw new UpstreamParseError(`invalid port in upstream "${address}"`)
  }
}
