import { describe, expect, it } from 'vitest'
import { firstPick, servers } from './golden.fixture.ts'
import { createPeerHealth } from './peerHealth.ts'
import { simulateRequest, upstreamAddr, type RequestResult } from './request.ts'
import { createRoundRobinState } from './roundRobin.ts'

const DEAD = '127.0.0.1:18089'

function upstream(text: string, dead: string[]) {
  const list = servers(text)
  const health = createPeerHealth(list)
  const rr = createRoundRobinState(list)
  const names = list.map((s) => s.name)
  const run = (key: string, nowMs: number): { result: RequestResult; addr: string } => {
    const result = simulateRequest({ method: 'ip-hash', health, rr, key, nowMs, attempt: (i) => !dead.includes(names[i] ?? '') })
    return { result, addr: upstreamAddr(result, names, 'grp') }
  }
  return { list, run }
}

describe('simulateRequest (proxy_next_upstream)', () => {
  it('O7/O8: a dead first choice is tried, then skipped for fail_timeout, then probed again', () => {
    const text = `127.0.0.1:18081; ${DEAD}; 127.0.0.1:18083`
    const { run } = upstream(text, [DEAD])
    // find a client whose first choice is the dead server
    const ip = ['1.2.3.4', '100.64.0.1', '172.16.5.4', '192.168.1.10', '5.5.5.5', '6.6.6.6'].find(
      (a) => firstPick('ip-hash', servers(text), a) === DEAD,
    ) as string
    const first = run(ip, 1_000)
    expect(first.result.served).not.toBeNull()
    expect(first.addr).toMatch(new RegExp(`^${DEAD}, 127\\.0\\.0\\.1:1808[13]$`))
    expect(first.result.disabled).toEqual([1])
    const second = first.addr.split(', ')[1]
    expect(run(ip, 5_000).addr).toBe(second) // inside the window: straight to the second choice
    expect(run(ip, 11_999).addr).toBe(second)
    expect(run(ip, 12_000).addr).toBe(`${DEAD}, ${second}`) // window over: probed again
    expect(run(ip, 12_500).addr).toBe(second)
  })

  it('O9: all dead → 502 after trying both, then "no live upstreams"', () => {
    const { run } = upstream(`127.0.0.1:18088; ${DEAD}`, ['127.0.0.1:18088', DEAD])
    const first = run('1.2.3.4', 0)
    expect(first.result).toMatchObject({ served: null, outcome: 'tries-exhausted' })
    expect(first.addr.split(', ').sort()).toEqual(['127.0.0.1:18088', DEAD])
    const second = run('1.2.3.4', 1_000)
    expect(second.result).toMatchObject({ served: null, outcome: 'no-live-upstreams', tries: [] })
    expect(second.addr).toBe('grp')
  })

  it('a one-server group is tried once per request and never disabled', () => {
    const { run } = upstream(DEAD, [DEAD])
    for (const t of [0, 100, 200]) {
      const { result, addr } = run('1.2.3.4', t)
      expect(result.outcome).toBe('tries-exhausted')
      expect(addr).toBe(DEAD)
    }
  })
})
