// The tools that guard copy-on-write must themselves see every kind of change: each case below
// mutates one part of a state in place (what a copy-on-write bug would do) and both comparers —
// snapshot.ts (the string behind `fingerprint`) and stateDiff.ts (MutationWatch, diffStates) —
// must notice it and say where.

import { describe, expect, it } from 'vitest'
import { advanceTo } from './engine.ts'
import { lab } from './harness.ts'
import { snapshot } from './snapshot.ts'
import { MutationWatch, diffStates, formatDifference } from './stateDiff.ts'
import type { SimState } from './types.ts'

// Cookie affinity over the shared store (so users hold affinity cookies and the store holds
// sessions), a crash (trace entries), and the JWT deny list and Kubernetes ClientIP filled in by hand.
function busyState(): SimState {
  const b = lab(5).users(6).lb('haproxy').policy('cookie').storage('shared').at(10_000).crash('C')
  const s = advanceTo(b.start(), 20_000, b.scriptItems)
  // A transition of our own, so the maps below belong to this state alone.
  const own = advanceTo(s, 20_000)
  own.deny.set('t1', 99_000)
  own.lb.clientIp.set('203.0.113.9', { server: 'A', lastSeen: 19_000 })
  return own
}

const cases: [what: string, path: RegExp, mutate: (s: SimState) => void][] = [
  ['a history sample appended (charts would show the future)', /^history\.length/, (s) => s.history.push({ ...s.history.at(-1)!, t: 99_000 })],
  ['a history sample changed inside', /^history\[\d+\]\.load\[0\]/, (s) => ((s.history[0]!.load as number[])[0]! += 1)],
  ['a count in the latency histogram', /^latency\.counts\[40\]/, (s) => (s.latency.counts[40]! += 1)],
  ['a server’s latency histogram', /^servers\[1\]\.latency\.counts\[7\]/, (s) => (s.servers[1]!.latency.counts[7]! += 1)],
  ['a live entry of the event heap', /^heap\.data\[1\]/, (s) => (s.heap.data[1]! += 1)],
  ['the event heap’s spare capacity (exact mode only)', /^heap\.data\[\d+\]/, (s) => (s.heap.data[s.heap.data.length - 1]! += 1)],
  ['the global rng drawn from', /^rng\.getState\(\)\[\d\]/, (s) => void s.rng.next()],
  ['a user’s rng drawn from', /^users\[2\]\.rng\.getState\(\)\[\d\]/, (s) => void s.users[2]!.rng.next()],
  ['an affinity cookie’s expiry', /^users\[0\]\.jar\.affinity\.expiresAt/, (s) => (s.users[0]!.jar.affinity!.expiresAt += 1)],
  ['a session in the shared store', /^sessionStore\.sessions\.get\("s\d+"\)\.lastSeen/, (s) => ([...s.sessionStore.sessions.values()][0]!.lastSeen += 1)],
  ['a session added to a server’s memory', /^servers\[0\]\.memory\.size/, (s) => s.servers[0]!.memory.set('x', { v: 0, sid: 'x', user: 0, cart: 0, createdAt: 0, lastSeen: 0 })],
  ['the deny list', /^deny\.get\("t1"\)/, (s) => s.deny.set('t1', 1)],
  ['the ClientIP affinity table', /^lb\.clientIp\.get\("203\.0\.113\.9"\)\.lastSeen/, (s) => (s.lb.clientIp.get('203.0.113.9')!.lastSeen += 1)],
  ['round-robin state', /^lb\.rrCursor/, (s) => (s.lb.rrCursor += 1)],
  ['a queued event object', /^events\.size/, (s) => s.events.set(-1, { kind: 'sessions.sweep' })],
  ['a finished request', /^recent\[\d+\]\.decision/, (s) => (s.recent[0]!.decision += '!')],
  ['a trace entry replaced', /^trace\[0\]\.text/, (s) => (s.trace[0] = { ...s.trace[0]!, text: 'x' })],
  ['a counter', /^counters\.requests/, (s) => (s.counters.requests += 1)],
  ['the config', /^config\.cookie\.ttlMs/, (s) => ((s.config.cookie as { ttlMs: number }).ttlMs += 1)],
  ['a key added to a record', /^forgedValues\.B/, (s) => (s.forgedValues.B = 'evil-1')],
  ['a copy-on-write generation (exact mode only)', /^servers\[2\]\.v/, (s) => (s.servers[2]!.v += 1)],
]

describe('state comparers', () => {
  it.each(cases)('see %s', (_what, path, mutate) => {
    const s = busyState()
    const watch = new MutationWatch()
    watch.remember(s)
    const before = snapshot(s)
    mutate(s)
    const d = watch.changeIn(s)
    expect(d, 'MutationWatch noticed nothing').not.toBeNull()
    expect(d!.path).toMatch(path)
    expect(formatDifference(d!)).toContain(': expected ')
    expect(snapshot(s) === before, 'the snapshot string did not change').toBe(false)
  })

  it('canonical mode ignores only copy-on-write bookkeeping: gen, v and the heap’s spare capacity', () => {
    const a = busyState()
    const b = busyState()
    expect(diffStates(a, b, 'exact')).toBeNull()
    b.servers[2]!.v += 1
    b.heap.data[b.heap.data.length - 1]! += 1
    expect(diffStates(a, b, 'canonical')).toBeNull()
    expect(snapshot(a, 'canonical')).toBe(snapshot(b, 'canonical'))
    expect(diffStates(a, b, 'exact')).not.toBeNull()
    b.heap.data[0]! += 1
    expect(diffStates(a, b, 'canonical')?.path).toBe('heap.data[0]')
  })

  it('refuse what they cannot compare, rather than skip it', () => {
    const withFunction = { ...busyState(), oops: () => 1 } as unknown as SimState
    expect(() => snapshot(withFunction)).toThrow(/function/)
    expect(() => new MutationWatch().remember(withFunction)).toThrow(/function/)
    const withDate = { ...busyState(), when: new Date(0) } as unknown as SimState
    expect(() => snapshot(withDate)).toThrow(/unknown class Date/)
    expect(() => diffStates(withDate, withDate)).not.toThrow() // the same object: nothing to compare
    expect(() => diffStates(withDate, { ...withDate, when: new Date(0) } as SimState)).toThrow(/unknown class Date/)
  })
})
