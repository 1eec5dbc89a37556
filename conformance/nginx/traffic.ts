// Sending one request through the private nginx and predicting it with the model (src/sim/nginx).

import http from 'node:http'
import {
  createPeerHealth,
  createPicker,
  createRoundRobinState,
  peerViewAt,
  realIpFromHeader,
  simulateRequest,
  upstreamAddr,
  type PeerHealth,
  type RequestResult,
  type RoundRobinState,
} from '../../src/sim/nginx/index.ts'
import type { FlappingBackend } from '../lib/backends.ts'
import type { Group } from './groups.ts'
import type { Input } from './inputs.ts'

export interface Answer {
  status: number
  body: string
  upstream: string
}

export function send(agent: http.Agent, port: number, group: Group, input: Input): Promise<Answer> {
  let reqPath = `/${group.name}`
  const headers: Record<string, string> = {}
  if (group.policy === 'ip-hash') {
    if (input.ip) headers['X-Real-IP'] = input.ip
  } else if (input.k !== null && input.k !== undefined) {
    reqPath += `?k=${input.k}`
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: reqPath, headers, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        const up = res.headers['x-upstream']
        resolve({ status: res.statusCode ?? 0, body: res.statusCode === 200 ? body : '', upstream: String(up ?? '') })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * The model's key for an input: for ip_hash the address realip extracts from X-Real-IP, or the connection's
 * own 127.0.0.1 when the header is missing or unparsable to nginx; for hash the raw `k` (missing → empty).
 */
export function modelKey(group: Group, input: Input): string | Uint8Array {
  if (group.policy === 'ip-hash') return (input.ip ? realIpFromHeader(input.ip)?.bytes : undefined) ?? '127.0.0.1'
  return input.k ?? ''
}

export function predict(group: Group, input: Input, nowMs: number, flappy: FlappingBackend): { answer: Answer; result: RequestResult } {
  const result = simulateRequest({
    method: group.policy,
    health: group.health,
    rr: group.rr,
    ring: group.ring,
    key: modelKey(group, input),
    nowMs,
    attempt: (i) => !group.dead.has(i) && (i !== group.flappy || flappy.up),
  })
  const names = group.servers.map((s) => s.name)
  const served = result.served === null ? null : group.servers[result.served]
  const answer: Answer = {
    status: served ? 200 : 502,
    body: served ? (served.name.split(':')[1] ?? '') : '',
    upstream: upstreamAddr(result, names, group.name),
  }
  return { answer, result }
}

/** The peer a fresh upstream (no failures, round robin at rest) would pick first for `input`. */
export function firstChoice(group: Group, input: Input): number | null {
  const fresh = createPeerHealth(group.servers)
  const picker = createPicker(group.policy, peerViewAt(fresh, 0), modelKey(group, input), createRoundRobinState(group.servers), group.ring)
  return picker.next().index
}

export type Snapshot = string
export const snapshot = (g: Group): Snapshot => JSON.stringify({ peers: g.health.peers, rr: g.rr })
export function restore(g: Group, snap: Snapshot): void {
  const data = JSON.parse(snap) as { peers: PeerHealth['peers']; rr: RoundRobinState }
  g.health.peers = data.peers
  g.rr.current = data.rr.current
  g.rr.effective = data.rr.effective
}

export const same = (a: Answer, b: Answer): boolean => a.status === b.status && a.body === b.body && a.upstream === b.upstream

