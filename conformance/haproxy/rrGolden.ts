// The `balance roundrobin` golden sequences of src/sim/haproxy/fwrrGolden.fixture.ts as conformance
// groups: each run replays them on real haproxy (requests, and servers leaving and coming back through
// the runtime API) and checks it still makes the recorded choices — and the model with it. Set
// RECORD_GOLDEN=1 to print haproxy's choices instead.

import { createRrState, parseBackend, type AdminState } from '../../src/sim/haproxy/index.ts'
import { FWRR_GOLDEN, type FwrrGoldenCase } from '../../src/sim/haproxy/fwrrGolden.fixture.ts'
import type { Group } from './groups.ts'
import type { HaproxyInstance } from './instance.ts'
import { waitForStates } from './runtime.ts'

export interface RrGoldenGroup {
  group: Group
  golden: FwrrGoldenCase
}

export function rrGoldenGroups(live: readonly number[]): RrGoldenGroup[] {
  return FWRR_GOLDEN.map((golden, n) => {
    const servers = parseBackend(golden.backend).map((s, i) => ({ ...s, address: `127.0.0.1:${live[i % live.length]}` }))
    const group: Group = {
      name: `rrgolden${n}`,
      kind: 'hash',
      cfg: { servers, balance: { kind: 'roundrobin' }, hashType: { type: 'map-based', fn: 'sdbm', avalanche: false }, cookie: null, persist: false, redispatch: false, retries: 3 },
      state: { down: new Set(), rr: createRrState(), table: null },
      ports: servers.map((_, i) => live[i % live.length] as number),
      dead: new Set(),
      checked: new Set(),
      drainAtStart: new Set(),
      disabledInConfig: new Set(servers.flatMap((s, i) => (s.state === 'maint' ? [i] : []))),
      cookieText: null,
      stick: null,
      timed: false,
    }
    return { group, golden }
  })
}

/**
 * Plays one golden sequence: `get` sends a request (and returns the server that answered), `set` lines
 * go through the runtime API, the model's view following. Returns the servers of the GETs, in order.
 */
export async function playRrGolden(inst: HaproxyInstance, g: RrGoldenGroup, get: () => Promise<string>): Promise<string[]> {
  const got: string[] = []
  for (const step of g.golden.steps) {
    if (step === 'GET') {
      got.push(await get())
      continue
    }
    const m = /^set (\S+) (maint|drain|ready)$/.exec(step)
    if (!m) throw new Error(`${g.group.name}: bad step "${step}"`)
    const [, name, state] = m as unknown as [string, string, AdminState]
    const answer = await inst.command(`set server ${g.group.name}/${name} state ${state}`)
    if (answer.trim() !== '') throw new Error(`${step}: ${answer.trim()}`)
    g.group.cfg = { ...g.group.cfg, servers: g.group.cfg.servers.map((x) => (x.name === name ? { ...x, state } : x)) }
    const problem = await waitForStates(inst, [g.group], 3000)
    if (problem) throw new Error(`${g.group.name} after "${step}": ${problem}`)
  }
  return got
}
