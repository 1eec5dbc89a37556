// The observed turn-around (haproxyRetries.ts) against a scripted HAProxy: `show sess` answers come
// from a table the test changes at chosen wall times, and the clock is the test's.

import { describe, expect, it } from 'vitest'
import { parseStreams, SC_ST_TAR, type StreamView } from '../stack/haproxyStreams.ts'
import { Divergence } from './flight.ts'
import { TurnAround } from './haproxyRetries.ts'

const EST = 8
const CON = 5

/** A fake HAProxy: its streams by client port, changed by events at wall times; a clock moved by sleeps. */
function fake() {
  let now = 1_000_000
  const streams = new Map<number, StreamView>()
  const events: { at: number; run: () => void }[] = []
  const asked: number[] = []
  const settle = (): void => {
    events.sort((a, b) => a.at - b.at)
    while (events.length > 0 && events[0]!.at <= now) events.shift()!.run()
  }
  const tar = new TurnAround(
    () => {
      settle()
      asked.push(now)
      return Promise.resolve(new Map(streams))
    },
    () => now,
    (ms) => {
      now += ms
      settle()
      return Promise.resolve()
    },
  )
  return {
    tar,
    streams,
    asked,
    at: (wall: number, run: () => void) => events.push({ at: wall, run }),
    get now() {
      return now
    },
    set now(v: number) {
      now = v
    },
  }
}

describe('parseStreams (HAProxy 2.6 `show sess`)', () => {
  it('reads each stream by its client port, with its server, server-side state and failed attempts', () => {
    const text = [
      '0x561c745227b0: proto=tcpv4 src=127.0.0.1:55862 fe=f be=app srv=B ts=00 epoch=0 age=2s calls=4 rate=2 cpu=0 lat=0 rq[f=4dc00000h,i=16280,an=8000h,rx=,wx=,ax=] rp[f=80000000h,i=0,an=00h,rx=,wx=,ax=] scf=[8,280h,fd=8] scb=[3,1h,fd=-1] exp=0s rc=2 c_exp=0s',
      '0x561c74617ac0: proto=unix_stream src=unix:1 fe=GLOBAL be=<NONE> srv=<none> ts=00 epoch=0 age=0s calls=1 rate=1 cpu=0 lat=0 rq[f=c08002h,i=0,an=00h,rx=10s,wx=,ax=] rp[f=80008002h,i=0,an=00h,rx=,wx=,ax=] scf=[8,0h,fd=9] scb=[8,1h,fd=-1] exp=10s rc=0 c_exp=',
      '',
    ].join('\n')
    expect([...parseStreams(text)]).toEqual([[55862, { server: 'B', state: SC_ST_TAR, failed: 2 }]])
  })
})

describe('TurnAround: HAProxy’s retries observed, not predicted', () => {
  it('starts a wait when HAProxy shows the stream in its turn-around after the model’s refusals', async () => {
    const h = fake()
    const sent = h.now
    h.at(sent + 30, () => h.streams.set(40001, { server: 'B', state: SC_ST_TAR, failed: 1 }))
    await h.tar.waiting(7, 40001, 1, 41_004, 'request 7', sent, () => false)
    expect(h.tar.pending).toBe(1)
    expect(h.now).toBeGreaterThanOrEqual(sent + 30)
  })

  it('fails with a sentence when HAProxy connected where the model waits', async () => {
    const h = fake()
    h.streams.set(40001, { server: 'A', state: EST, failed: 1 })
    await expect(h.tar.waiting(7, 40001, 1, 41_004, 'request 7', h.now, () => false)).rejects.toThrow(Divergence)
    await expect(h.tar.waiting(7, 40001, 1, 41_004, 'request 7', h.now, () => false)).rejects.toThrow(/the model waits HAProxy's turn-around after 1 refused connection\(s\); HAProxy's stream is in state EST/)
  })

  it('says the replay fell behind when HAProxy is already past the wait it looks for', async () => {
    const h = fake()
    h.streams.set(40001, { server: 'A', state: EST, failed: 3 })
    await expect(h.tar.waiting(7, 40001, 2, 42_012, 'request 7', h.now, () => false)).rejects.toThrow(/request 7: the replay fell behind HAProxy's 1 s retry timer/)
  })

  it('moves a wait that would start just after another wait’s timer, so HAProxy never has to order two retries a few ms apart', async () => {
    const h = fake()
    const start = h.now
    h.streams.set(40001, { server: 'B', state: SC_ST_TAR, failed: 1 })
    await h.tar.waiting(7, 40001, 1, 41_000, 'user 7', start, () => false)
    // The model starts the next wait 3 ms later; it goes 30 ms after the first instead.
    await h.tar.sync(40_003, 'user 22', 'send', true)
    expect(h.now - start).toBe(30)
  })

  it('holds what the model places after a retry until HAProxy has made it, however late its timer fires', async () => {
    const h = fake()
    const start = h.now
    h.streams.set(40001, { server: 'B', state: SC_ST_TAR, failed: 1 })
    await h.tar.waiting(7, 40001, 1, 41_004, 'request 7', start, () => false)
    // HAProxy's timer fires 1 s later, then 80 ms more of a loaded machine.
    h.at(start + 1_080, () => h.streams.set(40001, { server: 'A', state: CON, failed: 1 }))
    await h.tar.sync(41_010, 'request 9', 'send')
    expect(h.now).toBeGreaterThanOrEqual(start + 1_080)
    expect(h.tar.pending).toBe(0)
    // It did not ask HAProxy all along: first a turn-around minus a margin.
    expect(h.asked.filter((t) => t > start && t < start + 950)).toEqual([])
  })

  it('fails a change of the fleet the model places before a retry HAProxy has already made', async () => {
    const h = fake()
    h.streams.set(40001, { server: 'B', state: SC_ST_TAR, failed: 1 })
    await h.tar.waiting(7, 40001, 1, 41_004, 'request 7', h.now, () => false)
    h.streams.set(40001, { server: 'B', state: SC_ST_TAR, failed: 2 })
    await expect(h.tar.sync(40_900, 'a change of the fleet', 'change')).rejects.toThrow(/HAProxy retried request 7 \(model 41004 ms\) before a change of the fleet \(model 40900 ms\) reached it/)
  })

  it('lets a request that overtook a retry pass unless that retry goes back to the balancer', async () => {
    const h = fake()
    h.streams.set(40001, { server: 'B', state: SC_ST_TAR, failed: 1 })
    await h.tar.waiting(7, 40001, 1, 41_004, 'request 7', h.now, () => false)
    h.streams.set(40001, { server: 'B', state: SC_ST_TAR, failed: 2 })
    await h.tar.sync(40_900, 'request 9', 'send')
    expect(() => h.tar.balanced(7)).toThrow(/fell behind/)
    h.tar.played(7)
    expect(() => h.tar.balanced(7)).not.toThrow()
  })

  it('sends what may start a wait at the model’s pace while waits are pending', async () => {
    const h = fake()
    const start = h.now
    h.streams.set(40001, { server: 'B', state: SC_ST_TAR, failed: 1 })
    // The model's retry at 41 004 ms: its turn-around began at 40 004 ms, seen now.
    await h.tar.waiting(7, 40001, 1, 41_004, 'request 7', start, () => false)
    await h.tar.sync(40_204, 'request 9', 'send', true)
    expect(h.now - start).toBe(200)
    // Without pace, nothing waits.
    const before = h.now
    await h.tar.sync(40_504, 'a change of the fleet', 'change')
    expect(h.now).toBe(before)
  })
})
