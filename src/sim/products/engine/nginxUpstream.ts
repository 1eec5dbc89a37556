// Bridges the lab's load balancer to the exact nginx algorithms in src/sim/nginx: builds the upstream
// (servers in order, as nginx would list them), a peer view from the LB's health knowledge, and runs
// one nginx pick, translating addresses back to server letters for learners.

import { mutLb } from '../../cow.ts'
import { createPickerWith, type HashStart, type NginxMethod } from '../../nginx/pickerWalk.ts'
import type { UpstreamServer } from '../../nginx/upstream.ts'
import { passivelyFailed } from '../../servers.ts'
import type { ServerId, SimState } from '../../types.ts'
import type { RouteContext, RouteResult } from '../../policies/policy.ts'
import { partOf } from './index.ts'

interface Upstream {
  readonly servers: readonly UpstreamServer[]
  readonly ids: readonly ServerId[]
}

// Memoised by signature so equal upstreams share one array (nginx's ring cache is keyed by it).
const upstreams = new Map<string, Upstream>()

export function upstreamOf(s: SimState): Upstream {
  // The `server` lines: a server being added appears once its process answers; a draining one is
  // marked `down` (it keeps its place in the hash, docs/facts/nginx.md "backup and down").
  const live = s.servers.filter((srv) => srv.status !== 'removed' && !(srv.fresh && srv.status === 'starting'))
  const { maxFails, failTimeoutMs } = s.config.passive
  const signature = `${maxFails}/${failTimeoutMs}|${live.map((srv) => `${srv.address}*${srv.weight}${srv.status === 'draining' ? ' down' : ''}`).join(',')}`
  let up = upstreams.get(signature)
  if (!up) {
    if (upstreams.size > 256) upstreams.clear()
    up = {
      servers: live.map((srv) => ({ name: srv.address, weight: srv.weight, down: srv.status === 'draining', maxFails, failTimeoutMs })),
      ids: live.map((srv) => srv.id),
    }
    upstreams.set(signature, up)
  }
  return up
}

/** Replace upstream addresses in an explanation with server letters. */
function lettered(text: string, s: SimState): string {
  let out = text
  for (const srv of s.servers) out = out.split(srv.address).join(srv.id)
  return out
}

/** The method's hashing, from its part: ip_hash (nginxIpHash.ts), `hash` and `hash … consistent` (nginxHash.ts). */
function startFor(method: NginxMethod): HashStart | null {
  if (method === 'round-robin') return null
  if (method === 'ip-hash') return partOf('nginx-ip-hash').start
  return partOf('nginx-hash').start(method)
}

/**
 * One nginx pick for this request. Servers this request already tried count as failing, which makes
 * nginx's walk continue exactly where a retry inside one request would (the hash keeps evolving).
 */
export function nginxPick(ctx: RouteContext, method: NginxMethod, key: string, label: string): RouteResult {
  const { s } = ctx
  const up = upstreamOf(s)
  const byId = new Map(s.servers.map((srv) => [srv.id, srv]))
  const isFailed = (i: number): boolean => {
    const srv = byId.get(up.ids[i]!)!
    return ctx.tried.includes(srv.id) || !srv.healthy || passivelyFailed(s, srv)
  }
  const lb = mutLb(s)
  const rr = {
    current: up.ids.map((id) => lb.rrWeights[id]?.current ?? 0),
    effective: up.ids.map((id, i) => lb.rrWeights[id]?.effective ?? up.servers[i]!.weight),
  }
  const choice = createPickerWith(startFor(method), { servers: up.servers, isFailed }, key, rr).next()
  up.ids.forEach((id, i) => {
    lb.rrWeights[id] = { current: rr.current[i]!, effective: rr.effective[i]! }
  })
  const explain = choice.explain.map((st) => lettered(st.text, s))
  if (choice.index === null) return { ...ctx.none(label), explain }
  const id = up.ids[choice.index]!
  if (choice.via === 'round-robin') return { server: id, decision: `${label} → round robin → ${id}`, explain }
  const skipped = choice.explain.find((st) => st.kind === 'skip' && st.server !== null)
  const first = skipped?.server != null ? up.ids[skipped.server] : undefined
  const decision = first ? `${label} → ${first} is unavailable → next choice ${id}` : `${label} → ${id}`
  return { server: id, decision, explain }
}
