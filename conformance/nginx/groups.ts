// Random nginx upstream groups for the conformance run, each with its model state (health, round robin,
// ring) beside it.

import {
  buildRing,
  createPeerHealth,
  createRoundRobinState,
  parseUpstream,
  type PeerHealth,
  type NginxMethod,
  type Ring,
  type RoundRobinState,
  type UpstreamServer,
} from '../../src/sim/nginx/index.ts'
import type { Random } from '../lib/random.ts'

export interface Group {
  name: string
  policy: NginxMethod
  /** The upstream as the lab would write it ("127.0.0.1:41001 weight=2; …"). */
  text: string
  servers: UpstreamServer[]
  /** Peers on a closed port: every try fails. */
  dead: ReadonlySet<number>
  /** Peer on the flapping backend (up/down during the run), or -1. */
  flappy: number
  health: PeerHealth
  rr: RoundRobinState
  ring: Ring
  /** Whether answers depend on the clock (dead or flapping backends → failure windows). */
  timed: boolean
}


export const DIRECTIVE: Record<NginxMethod, string> = {
  'round-robin': '',
  'ip-hash': 'ip_hash;',
  hash: 'hash $arg_k;',
  'hash-consistent': 'hash $arg_k consistent;',
}


export function makeGroup(name: string, policy: NginxMethod, entries: string[], dead: ReadonlySet<string>, flappyAddr = ''): Group {
  const text = entries.join('; ')
  const servers = parseUpstream(text)
  const deadIdx = new Set<number>()
  servers.forEach((s, i) => {
    if (dead.has(s.name)) deadIdx.add(i)
  })
  return {
    name,
    policy,
    text,
    servers,
    dead: deadIdx,
    flappy: servers.findIndex((s) => s.name === flappyAddr),
    health: createPeerHealth(servers),
    rr: createRoundRobinState(servers),
    ring: buildRing(servers),
    timed: deadIdx.size > 0 || servers.some((s) => s.name === flappyAddr),
  }
}

/** A server entry with random (sometimes explicit default) parameters. */
export function entry(rnd: Random, addr: string, opts: { down?: boolean; failures?: boolean }): string {
  const parts = [addr]
  if (rnd.chance(0.45)) parts.push(`weight=${rnd.int(1, 5)}`)
  if (opts.failures) {
    if (rnd.chance(0.6)) parts.push(`max_fails=${rnd.pick([0, 1, 1, 2, 3])}`)
    if (rnd.chance(0.8)) parts.push(`fail_timeout=${rnd.pick(['1s', '1', '2s', '3s', '10s'])}`)
  }
  if (opts.down) parts.push('down')
  return parts.join(' ')
}

export function randomGroup(rnd: Random, name: string, policy: NginxMethod, live: number[], deadPorts: number[], deadCount: number): Group {
  const n = rnd.int(Math.max(2, deadCount + 1), deadCount > 0 ? 6 : 10)
  const addrs = rnd.shuffle(live.map((p) => `127.0.0.1:${p}`)).slice(0, n - deadCount)
  const deadAddrs = rnd.shuffle(deadPorts.map((p) => `127.0.0.1:${p}`)).slice(0, deadCount)
  const all = rnd.shuffle([...addrs, ...deadAddrs])
  // Some `down` servers, but keep at least one live, non-down server.
  const downs = new Set<string>()
  for (const a of all) if (rnd.chance(0.15)) downs.add(a)
  const firstLive = all.find((a) => addrs.includes(a))
  if (firstLive) downs.delete(firstLive)
  const entries = all.map((a) => entry(rnd, a, { down: downs.has(a), failures: deadCount > 0 }))
  return makeGroup(name, policy, entries, new Set(deadAddrs))
}

