// Server states through HAProxy's runtime API (stats socket): waiting until haproxy's view matches the
// model's, and random state changes (maint / drain / ready) applied to both.

import type { Random } from '../lib/random.ts'
import type { Group } from './groups.ts'
import { serverStates, type HaproxyInstance } from './instance.ts'
import { sleep } from '../lib/net.ts'

/** SRV_ADMF_* bits of `show servers state`: SRV_ADMF_MAINT = FMAINT 0x01 | IMAINT 0x02 | RMAINT 0x20, and
 *  FDRAIN 0x08. CMAINT (0x04, `disabled` in the config) only records where it came from: it stays set
 *  after `set server … state ready` (include/haproxy/server-t.h). */
const MAINT_BITS = 0x01 | 0x02 | 0x20
const DRAIN_BITS = 0x08

function discrepancy(g: Group, states: Map<string, { op: number; admin: number }>): string | null {
  for (const [i, s] of g.cfg.servers.entries()) {
    const st = states.get(s.name)
    if (!st) return `${g.name}/${s.name} missing`
    const wantOp = s.state === 'maint' || g.state.down.has(i) ? 0 : 2
    const maint = (st.admin & MAINT_BITS) !== 0
    const drain = (st.admin & DRAIN_BITS) !== 0
    if (st.op !== wantOp || maint !== (s.state === 'maint') || drain !== (s.state === 'drain')) {
      return `${g.name}/${s.name}: haproxy op ${st.op} admin ${st.admin}, model ${s.state}${g.state.down.has(i) ? ' DOWN' : ''}`
    }
  }
  return null
}

/** Polls until every group's servers are in the model's state; returns null, or the last discrepancy. */
export async function waitForStates(inst: HaproxyInstance, groups: readonly Group[], timeoutMs: number): Promise<string | null> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let problem: string | null = null
    for (const g of groups) {
      problem = discrepancy(g, await serverStates(inst, g.name))
      if (problem) break
    }
    if (!problem || Date.now() > deadline) return problem
    await sleep(100)
  }
}

/** In about half the groups, one server changes state (never a config-disabled one). Returns the count. */
export async function applyRuntimeChanges(rnd: Random, inst: HaproxyInstance, groups: readonly Group[]): Promise<number> {
  let changes = 0
  for (const g of groups) {
    if (!rnd.chance(0.5)) continue
    const candidates = g.cfg.servers.flatMap((_, i) => (g.disabledInConfig.has(i) ? [] : [i]))
    if (candidates.length === 0) continue
    const i = rnd.pick(candidates)
    const s = g.cfg.servers[i]
    if (!s) continue
    const next = s.state === 'ready' ? rnd.pick(['maint', 'drain'] as const) : 'ready'
    const answer = await inst.command(`set server ${g.name}/${s.name} state ${next}`)
    if (answer.trim() !== '') throw new Error(`set server ${g.name}/${s.name} state ${next}: ${answer.trim()}`)
    g.cfg = { ...g.cfg, servers: g.cfg.servers.map((x, j) => (j === i ? { ...x, state: next } : x)) }
    changes++
  }
  return changes
}
