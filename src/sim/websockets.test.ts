// WebSocket reconnects (src/sim/websockets.ts) follow the product's retry rule for a refused upgrade.
import { describe, expect, it } from 'vitest'
import { expectRun } from './expectRun.ts'
import { lab } from './harness.ts'
import type { SimEvent } from './types.ts'

describe('WebSocket reconnects', () => {
  it('HAProxy: a socket whose cookie names the crashed server reconnects after `retries 3` by redispatch (2 s), not after the health checks', () => {
    // websocket-affinity: cookie + shared store on HAProxy, B crashes at 0:40 (inter 2 s, fall 3 would take ~6 s).
    const [before, after] = lab().scenario('websocket-affinity').runAt([39_999, 43_500])
    const onB = expectRun(before).server('B').connections
    expect(onB).toBeGreaterThan(4)
    // Jitter < 1 s, then two 1-second waits before the third refusal redispatches: all back by 0:43.5
    // (verified on HAProxy 2.6: real/drive/wsReplay.ts lands each reconnect where HAProxy sends it).
    expectRun(after).counter('reconnects').toBe(onB)
    expect(after.servers.find((s) => s.id === 'B')!.connections).toBe(0)
  })

  it('HAProxy: each retry of a refused reconnect is an event of its own, and the redispatch is balanced when it happens', () => {
    // Real HAProxy picks the redispatch's server 2 s after the first refusal, after the requests it balanced
    // meanwhile (verified on 2.6.12 by the replay, docs/DECISIONS.md "WebSocket reconnects on the model's clock").
    const [during] = lab().scenario('websocket-affinity').runAt([41_500])
    const waiting = [...during.events.values()].filter((e): e is Extract<SimEvent, { kind: 'ws.reconnect' }> => e.kind === 'ws.reconnect' && e.retry !== undefined)
    expect(waiting.length).toBeGreaterThan(4)
    for (const e of waiting) {
      // Still on B's turn-around: retried on B (the cookie's server), nothing balanced yet.
      expect(e.retry!.same).toBe('B')
      expect(e.retry!.refused.every((x) => x === 'B')).toBe(true)
      expect(during.users[e.user]!.wsServer).toBeNull()
    }
  })
})
