// `sim route`: which server would nginx (default) or HAProxy (`--lb haproxy`, see routeHaproxy.ts) pick
// for these keys? Prints exactly what real nginx 1.22.1 picks.

import {
  createPicker,
  createRoundRobinState,
  IpParseError,
  parseIp,
  parseUpstream,
  ringFor,
  UpstreamParseError,
  type PeerView,
  type NginxMethod,
  type UpstreamServer,
} from '../sim/nginx/index.ts'
import type { CommandResult } from './commandResult.ts'
import { routeHaproxyCommand } from './routeHaproxy.ts'


export const ROUTE_USAGE = `usage: route [--lb nginx] --policy ip-hash|hash|hash-consistent|round-robin --upstream "SERVERS" --key KEY [--key KEY]... [--failed SERVER]... [--explain]

Prints the server nginx would choose for each --key, one line per key, exactly as written in the upstream.
  --policy    ip-hash (key = client IPv4/IPv6 address), hash (hash $key), hash-consistent (hash $key consistent)
  --upstream  e.g. "10.0.0.1:80 weight=2; 10.0.0.2:80 down; 10.0.0.3:80" (weight=, down, max_fails=, fail_timeout=)
  --key       repeatable; keys share one round-robin state, so empty keys rotate like nginx
  --failed    repeatable; a server (as written) inside its fail_timeout window: nginx's next choice applies
  --explain   show each step under the result
(route --lb haproxy --help: the same for HAProxy 2.6)`

const POLICY_NAMES: Record<string, NginxMethod> = {
  'ip-hash': 'ip-hash',
  hash: 'hash',
  'hash-consistent': 'hash-consistent',
  'round-robin': 'round-robin',
}

class UsageError extends Error {}

interface RouteArgs {
  policy: NginxMethod
  servers: UpstreamServer[]
  keys: string[]
  failed: Set<number>
  explain: boolean
}

/** Takes `--lb NAME` / `--lb=NAME` out of the arguments: nginx (the default) or haproxy. */
function splitLb(args: readonly string[]): { lb: string; rest: string[] } | { error: string } {
  let lb: string | null = null
  const rest: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (arg !== '--lb' && !arg.startsWith('--lb=')) {
      rest.push(arg)
      continue
    }
    const value = arg === '--lb' ? args[++i] : arg.slice('--lb='.length)
    if (value === undefined || value.startsWith('--')) return { error: '--lb needs a value (nginx or haproxy)' }
    if (lb !== null) return { error: '--lb given twice' }
    lb = value
  }
  return { lb: lb ?? 'nginx', rest }
}

/** Runs `route` with its arguments (no "route" itself); never throws, never touches the process. */
export function routeCommand(args: string[]): CommandResult {
  const split = splitLb(args)
  if ('error' in split) return { stdout: '', stderr: `error: ${split.error}\n`, code: 2 }
  if (split.lb === 'haproxy') return routeHaproxyCommand(split.rest)
  if (split.lb !== 'nginx') return { stdout: '', stderr: `error: unknown --lb "${split.lb}" (expected nginx or haproxy)\n`, code: 2 }
  return routeNginx(split.rest)
}

function routeNginx(args: string[]): CommandResult {
  if (args.includes('--help') || args.includes('-h')) return { stdout: `${ROUTE_USAGE}\n`, stderr: '', code: 0 }
  let parsed: RouteArgs
  try {
    parsed = parseArgs(args)
  } catch (err) {
    const message = err instanceof UsageError ? err.message : `unexpected failure: ${String(err)}`
    return { stdout: '', stderr: `error: ${message}\n`, code: 2 }
  }
  return { stdout: route(parsed), stderr: '', code: 0 }
}

function route({ policy, servers, keys, failed, explain }: RouteArgs): string {
  const view: PeerView = { servers, isFailed: (i) => failed.has(i) }
  const rr = createRoundRobinState(servers)
  const ring = policy === 'hash-consistent' ? ringFor(servers) : undefined
  const lines: string[] = []
  for (const key of keys) {
    const choice = createPicker(policy, view, key, rr, ring).next()
    lines.push(choice.index === null ? 'no live upstreams' : (servers[choice.index]?.name ?? ''))
    if (explain) for (const s of choice.explain) lines.push(`  ${s.text}`)
  }
  return `${lines.join('\n')}\n`
}

function parseArgs(args: string[]): RouteArgs {
  let policyName: string | null = null
  let upstreamText: string | null = null
  const keys: string[] = []
  const failedNames: string[] = []
  let explain = false

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
    switch (flag) {
      case '--policy':
        if (policyName !== null) throw new UsageError('--policy given twice')
        policyName = value()
        break
      case '--upstream':
        if (upstreamText !== null) throw new UsageError('--upstream given twice')
        upstreamText = value()
        break
      case '--key':
        keys.push(value())
        break
      case '--failed':
        failedNames.push(value())
        break
      case '--explain':
        if (eq >= 0) throw new UsageError('--explain takes no value')
        explain = true
        break
      default:
        throw new UsageError(arg.startsWith('-') ? `unknown option "${flag}" (see route --help)` : `unexpected argument "${arg}"`)
    }
  }

  if (policyName === null) throw new UsageError('missing --policy (ip-hash, hash or hash-consistent)')
  const policy = POLICY_NAMES[policyName]
  if (!policy) throw new UsageError(`unknown policy "${policyName}" (expected ip-hash, hash, hash-consistent or round-robin)`)
  if (upstreamText === null) throw new UsageError('missing --upstream, e.g. --upstream "10.0.0.1:80; 10.0.0.2:80"')
  if (keys.length === 0) throw new UsageError('missing --key (give one --key per request)')

  let servers: UpstreamServer[]
  try {
    servers = parseUpstream(upstreamText)
  } catch (err) {
    if (err instanceof UpstreamParseError) throw new UsageError(`--upstream: ${err.message}`)
    throw err
  }

  if (policy === 'ip-hash') {
    for (const key of keys) {
      try {
        parseIp(key)
      } catch (err) {
        if (err instanceof IpParseError) throw new UsageError(`--key: ${err.message}`)
        throw err
      }
    }
  }

  const failed = new Set<number>()
  for (const name of failedNames) {
    const matches = servers.flatMap((s, i) => (s.name === name ? [i] : []))
    if (matches.length === 0) {
      const known = servers.map((s) => s.name).join(', ')
      throw new UsageError(`--failed "${name}" is not a server of the upstream (servers: ${known})`)
    }
    for (const i of matches) failed.add(i)
  }
  return { policy, servers, keys, failed, explain }
}
