// nginx 1.22 open source in the engine (docs/facts/nginx-products.md): the crash of a server with a
// request in service (issue 17), retries, passive marking, no active checks, 502 with nothing live,
// drain as `down` + reload.

import { describe, expect, it } from 'vitest'
import { advanceTo } from '../../engine.ts'
import { expectRun } from '../../expectRun.ts'
import { lab } from '../../harness.ts'
import { runCollecting } from './sameCrash.ts'
import type { SimRequest, SimState } from '../../types.ts'

const GET = new Set(['landing', 'browse'])

/** The first moment (10 ms steps from `from`) when server B is serving a request matching `pick`. */
function whenServing(start: SimState, from: number, pick: (r: SimRequest) => boolean): { s: SimState; req: SimRequest } {
  let s = advanceTo(start, from)
  for (let t = from; t < from + 60_000; t += 10) {
    s = advanceTo(s, t)
    const req = s.inflight.find((r): r is SimRequest => r != null && r.server === 'B' && r.startAt >= 0 && r.doneAt === -1 && pick(r))
    if (req) return { s, req }
  }
  throw new Error('B never served such a request')
}

/** Every request that finished in `s`, by id. */
const finished = (s: SimState, id: number) => s.recent.find((r) => r.id === id)

describe('nginx: a server dies with a request in service (issue 17)', () => {
  const start = lab(4).lb('nginx').servers(3).users(12).policy('round-robin').storage('shared').start()

  it('marks the peer failed (max_fails=1), so the next requests skip it without a refused connection', () => {
    const { s, req } = whenServing(start, 10_000, (r) => GET.has(r.kind))
    const crashed = advanceTo({ ...s }, s.now, [{ at: s.now, do: { kind: 'crashServer', server: 'B' } }])
    expect(crashed.servers[1]!.fails).toBe(1)
    expect(crashed.servers[1]!.failedAt).toBe(s.now)
    const later = advanceTo(crashed, s.now + 9_000)
    const afterCrash = later.recent.filter((r) => r.lbAt > s.now + 10)
    expect(afterCrash.length).toBeGreaterThan(20)
    // Within fail_timeout (10 s) nobody is sent to B, so nobody is refused by it.
    expect(afterCrash.filter((r) => r.refused.some((h) => h.server === 'B'))).toEqual([])
    // The GET that was on B was retried on the next peer and answered.
    const got = finished(later, req.id)!
    expect(got).toMatchObject({ outcome: 'ok', status: 200 })
    expect(got.server).not.toBe('B')
    expect(got.refused.map((h) => h.server)).toEqual(['B'])
  })

  it('a POST that dies before the response header gets 502 (non-idempotent: not retried)', () => {
    const { s, req } = whenServing(start, 10_000, (r) => !GET.has(r.kind))
    const crash = [{ at: s.now, do: { kind: 'crashServer', server: 'B' } }] as const
    const crashed = advanceTo(s, s.now, crash)
    expect(crashed.servers[1]!.fails).toBe(1)
    const later = advanceTo(crashed, s.now + 2_000, crash)
    expect(finished(later, req.id)).toMatchObject({ outcome: 'error', status: 502, server: 'B' })
    expect(finished(later, req.id)!.detail).toContain('502')
  })
})

describe('nginx: failures, passive health, drain (docs/facts/nginx-products.md)', () => {
  it('has no active health checks: nothing probes B; after fail_timeout one real request probes it (O8)', () => {
    const { s, requests } = runCollecting(lab(2).lb('nginx').servers(3).users(12).policy('round-robin').storage('shared').at(10_000).crash('B'), 60_000)
    expect(s.events.size === 0 || ![...s.events.values()].some((e) => e.kind === 'lb.healthCheck')).toBe(true)
    const probes = requests.filter((r) => r.refused.some((h) => h.server === 'B')).map((r) => r.refused.find((h) => h.server === 'B')!.at)
    // Each probe comes once fail_timeout has passed in nginx's whole seconds (now - checked > 10), and is retried.
    expect(probes.length).toBe(5)
    for (let i = 1; i < probes.length; i++) expect(Math.floor(probes[i]! / 1000) - Math.floor(probes[i - 1]! / 1000)).toBeGreaterThan(10)
    expect(requests.filter((r) => r.outcome === 'error')).toEqual([])
  })

  it('every peer failed: 502 "no live upstreams", no fail-open (§3)', () => {
    const { requests } = runCollecting(lab(2).lb('nginx').servers(2).users(8).policy('round-robin').storage('shared').at(10_000).crash('A').crash('B'), 14_000)
    const after = requests.filter((r) => r.lbAt > 10_100)
    expect(after.length).toBeGreaterThan(5)
    for (const r of after) expect(r.status).toBe(502)
    expect(after.some((r) => r.decision.endsWith('no live upstreams → 502'))).toBe(true)
  })

  it('a single-server upstream is never marked failed: each request tries it and gets 502 (Exp E6)', () => {
    const s = lab(2).lb('nginx').servers(1).users(4).policy('round-robin').storage('shared').at(5_000).crash('A').run(10_000)
    expect(s.servers[0]!.fails).toBe(0)
    expect(s.recent.filter((r) => r.lbAt > 5_000).every((r) => r.status === 502 && r.refused.length === 1)).toBe(true)
  })

  it('drain = down + reload: no new request at all, hashed users included; removed once idle (§4)', () => {
    const { s, requests } = runCollecting(lab(9).lb('nginx').servers(3).users(18).policy('hash-consistent').storage('memory').at(30_000).do({ kind: 'removeServer', server: 'A', mode: 'drain' }), 60_000)
    expect(requests.filter((r) => r.lbAt > 30_000 && r.server === 'A')).toEqual([])
    expect(s.servers[0]!.status).toBe('removed')
    expectRun(s).firstTrace('server', /^Server A drained after 1 s/).time.toBe(31_000)
  })

  it('cookie affinity is refused: nginx 1.22 runs hash $cookie_uid consistent instead', () => {
    expect(lab().lb('nginx').policy('cookie').resolvedConfig.policy).toBe('hash-consistent')
  })
})

describe('nginx: its clock, its round robin, its reloads (docs/facts/nginx-products.md §2, §4)', () => {
  const crashAt = 10_400
  const run = () => runCollecting(lab(2).lb('nginx').servers(3).users(12).policy('round-robin').storage('shared').at(crashAt).crash('B'), 40_000)

  it('counts fail_timeout in whole seconds: a peer failed at 10.x s is skipped through 20.999 s and probed from 21 s', () => {
    const { requests } = run()
    const firstFail = requests.flatMap((r) => r.refused.filter((h) => h.server === 'B').map((h) => h.at))[0]!
    const probes = requests.flatMap((r) => r.refused.filter((h) => h.server === 'B' && h.at > firstFail).map((h) => h.at))
    const second = Math.floor(firstFail / 1000)
    // Skipped while now - checked <= 10 (whole seconds): nothing goes to B before second + 11.
    expect(probes[0]! >= (second + 11) * 1000).toBe(true)
    expect(requests.filter((r) => r.lbAt > firstFail && r.lbAt < (second + 11) * 1000 && r.refused.some((h) => h.server === 'B'))).toEqual([])
  })

  it('round robin is nginx’s smooth weighted one: after the failure window B’s weight starts at 0 and creeps back, so B gets 2 of the next 10 picks, not 3 (Exp E1)', () => {
    const { requests } = runCollecting(lab(2).lb('nginx').servers(3).users(12).policy('round-robin').storage('shared').at(crashAt).crash('B').at(12_000).restart('B'), 30_000)
    const failedAt = Math.max(...requests.flatMap((r) => r.refused.filter((h) => h.server === 'B').map((h) => h.at)))
    const windowEnds = (Math.floor(failedAt / 1000) + 11) * 1000
    const picks = requests.filter((r) => r.lbAt >= windowEnds).sort((a, b) => a.lbAt - b.lbAt || a.id - b.id)
    // nginx: current_weight += effective_weight (B's is 0, then 1), the highest wins and pays back the total.
    // The lab's old rotation gave A B C A B C A B C A here.
    expect(picks.slice(0, 10).map((r) => r.server)).toEqual(['C', 'A', 'C', 'B', 'A', 'C', 'A', 'C', 'A', 'B'])
    expect(picks.find((r) => r.server === 'B')!.decision).toBe('round robin → B')
  })

  it('a reload (a new server joins) starts round robin afresh at the first server and clears the failure counts', () => {
    const b = lab(4).lb('nginx').servers(3).users(12).policy('round-robin').storage('shared').at(5_000).crash('C').at(6_000).addServer()
    const joined = 6_000 + 3_000
    const before = advanceTo(b.start(), joined - 1, b.scriptItems)
    expect(before.servers[2]!.fails).toBe(1)
    const { requests } = runCollecting(b, joined + 2_000)
    const after = requests.filter((r) => r.lbAt >= joined).sort((x, y) => x.lbAt - y.lbAt || x.id - y.id)
    // Fresh workers: round robin starts again at A.
    expect(after[0]!.server).toBe('A')
    // C's mark is forgotten: within its old 10 s window a request tries it again (and is refused).
    expect(after.some((r) => r.refused.some((h) => h.server === 'C' && h.at < before.servers[2]!.checkedAt + 10_000))).toBe(true)
  })

  it('a success only clears the failures when the peer was picked again after its last failure (accessed < checked)', () => {
    const { s, req } = whenServing(lab(4).lb('nginx').servers(3).users(12).policy('round-robin').storage('shared').start(), 10_000, (r) => GET.has(r.kind))
    // Another request fails on B while req is in service there: B is marked; req then succeeds on B.
    const marked = advanceTo({ ...s }, s.now)
    const b = marked.servers[1]!
    b.fails = 1
    b.failedAt = s.now
    b.checkedAt = s.now
    const done = advanceTo(marked, s.now + 5_000)
    expect(finished(done, req.id)).toMatchObject({ outcome: 'ok', server: 'B' })
    expect(done.servers[1]!.fails).toBe(1)
  })
})
