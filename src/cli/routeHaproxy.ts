// `sim route --lb haproxy`: which server would HAProxy 2.6 pick for these keys? Prints exactly what real
// HAProxy 2.6.12 picks (balance source / hdr(), hash-type map-based / consistent; docs/facts/haproxy.md).

import {
  balancePick,
  BalanceParseError,
  BackendParseError,
  createLb,
  createRrState,
  IpParseError,
  parseBackend,
  parseBalance,
  parseHashType,
  parseIp,
  RingCollisionError,
  usableIndices,
  viewOf,
  type HaproxyServer,
} from '../sim/haproxy/index.ts'
import type { CommandResult } from './commandResult.ts'

export const ROUTE_HAPROXY_USAGE = `usage: route --lb haproxy --balance source|"hdr(NAME)" [--hash-type map-based|consistent] --backend "SERVERS" --key KEY [--key KEY]... [--down SERVER]... [--explain]

Prints the server HAProxy 2.6 would choose for each --key, one line per key, exactly as named in --backend.
  --balance    source (key = client IPv4/IPv6 address) or hdr(NAME) (key = that header's value)
  --hash-type  map-based (default) or consistent, optionally followed by a function (sdbm, djb2, wt6,
               crc32) and "avalanche", as on HAProxy's hash-type line
  --backend    servers separated by ";", each NAME [ADDRESS] [weight N] [id N] [maint|drain], e.g.
               "web1 weight 2 id 7; web2 id 3 maint; web3 id 9 drain; web4"
  --key        repeatable; keys share one round-robin state (an empty header value falls back to it)
  --down       repeatable; a server marked DOWN by health checks
  --explain    show each step under the result`

class UsageError extends Error {}

interface Args {
  balance: string | null
  hashType: string | null
  backend: string | null
  keys: string[]
  down: string[]
  explain: boolean
}

function parseArgs(args: readonly string[]): Args {
  const out: Args = { balance: null, hashType: null, backend: null, keys: [], down: [], explain: false }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1
    const flag = eq >= 0 ? arg.slice(0, eq) : arg
    const value = (): string => {
      if (eq >= 0) return arg.slice(eq + 1)
      const next = args[i + 1]
      if (next === undefined || (next.startsWith('--') && next.length > 2)) throw new UsageError(`${flag} needs a value`)
      i++
      return next
    }
    const once = (key: 'balance' | 'hashType' | 'backend'): void => {
      if (out[key] !== null) throw new UsageError(`${flag} given twice`)
      out[key] = value()
    }
    switch (flag) {
      case '--balance':
        once('balance')
        break
      case '--hash-type':
        once('hashType')
        break
      case '--backend':
        once('backend')
        break
      case '--key':
        out.keys.push(value())
        break
      case '--down':
        out.down.push(value())
        break
      case '--explain':
        if (eq >= 0) throw new UsageError('--explain takes no value')
        out.explain = true
        break
      default:
        throw new UsageError(arg.startsWith('-') ? `unknown option "${flag}" (see route --lb haproxy --help)` : `unexpected argument "${arg}"`)
    }
  }
  return out
}

function route(a: Args): string {
  if (a.balance === null) throw new UsageError('missing --balance (source or "hdr(NAME)")')
  if (a.backend === null) throw new UsageError('missing --backend, e.g. --backend "web1 weight 2; web2 id 3"')
  if (a.keys.length === 0) throw new UsageError('missing --key (give one --key per request)')
  const balance = parseBalance(a.balance)
  // A key's route: `balance roundrobin` has no key (the lab's round robin runs it in `sim run`).
  if (balance.kind === 'roundrobin') throw new BalanceParseError(`balance must be "source" or "hdr(<name>)", got "roundrobin"`)
  const hashType = parseHashType(a.hashType ?? 'map-based')
  const servers: HaproxyServer[] = parseBackend(a.backend)
  const down = new Set<number>()
  for (const name of a.down) {
    const matches = servers.flatMap((s, i) => (s.name === name ? [i] : []))
    if (matches.length === 0) throw new UsageError(`--down "${name}" is not a server of the backend (servers: ${servers.map((s) => s.name).join(', ')})`)
    for (const i of matches) down.add(i)
  }
  const view = viewOf(servers, down)
  if (usableIndices(view).length === 0) throw new UsageError('no server is ready: every server is in maint or drain, has weight 0, or is --down')
  const sources = balance.kind === 'source' ? a.keys.map((k) => parseIp(k).bytes) : []
  const lb = createLb(view, balance, hashType)
  const rr = createRrState()
  const lines: string[] = []
  a.keys.forEach((key, i) => {
    const pick = balancePick(lb, balance.kind === 'source' ? { src: sources[i] as Uint8Array } : { headers: [key] }, rr)
    lines.push(pick.server === null ? 'no server' : (servers[pick.server]?.name ?? ''))
    if (a.explain) for (const s of pick.steps) lines.push(`  ${s}`)
  })
  return `${lines.join('\n')}\n`
}

/** Runs `route --lb haproxy` with the arguments after `--lb haproxy`; never throws, never touches the process. */
export function routeHaproxyCommand(args: readonly string[]): CommandResult {
  if (args.includes('--help') || args.includes('-h')) return { stdout: `${ROUTE_HAPROXY_USAGE}\n`, stderr: '', code: 0 }
  try {
    return { stdout: route(parseArgs(args)), stderr: '', code: 0 }
  } catch (err) {
    const known = [UsageError, BackendParseError, BalanceParseError, RingCollisionError]
    if (err instanceof IpParseError) return fail(`--key: ${err.message}`)
    if (known.some((k) => err instanceof k)) return fail(err instanceof BackendParseError ? `--backend: ${err.message}` : (err as Error).message)
    return fail(`unexpected failure: ${String(err)}`)
  }
}

const fail = (message: string): CommandResult => ({ stdout: '', stderr: `error: ${message}\n`, code: 2 })
