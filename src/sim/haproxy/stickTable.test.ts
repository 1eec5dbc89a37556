import { describe, expect, it } from 'vitest'
import { parseIp } from '../nginx/ip.ts'
import { parseBackend } from './servers.ts'
import { createStickTable, lookupEntry, stickKey, stickMatch, stickStore } from './stickTable.ts'
import { viewOf } from './view.ts'

const servers = parseBackend('web1 id 4; web2; web3 drain; web4 maint')

describe('stick on src', () => {
  it('stores the server that answered, and sends the client back there until the entry expires', () => {
    const t = createStickTable('ip', 2000)
    stickStore(t, '1.2.3.4', servers[1]!, 1000)
    expect(stickMatch(t, '1.2.3.4', viewOf(servers), false, 2500)).toEqual({ kind: 'hit', server: 1, running: true })
    // The match touched the entry: it now lives until 4500.
    expect(lookupEntry(t, '1.2.3.4', 4400)).not.toBeNull()
    expect(stickMatch(t, '1.2.3.4', viewOf(servers), false, 6600)).toEqual({ kind: 'none' })
    expect(t.entries.size).toBe(0)
  })

  it('follows a drain server, ignores a maint or DOWN one unless option persist', () => {
    const t = createStickTable('ip', 60_000)
    stickStore(t, 'a', servers[2]!, 0)
    stickStore(t, 'b', servers[3]!, 0)
    stickStore(t, 'c', servers[0]!, 0)
    const view = viewOf(servers, new Set([0]))
    expect(stickMatch(t, 'a', view, false, 1)).toMatchObject({ kind: 'hit', server: 2 })
    expect(stickMatch(t, 'b', view, false, 1)).toEqual({ kind: 'ignored', reason: 'stopped' })
    expect(stickMatch(t, 'b', view, true, 1)).toEqual({ kind: 'hit', server: 3, running: false })
    expect(stickMatch(t, 'c', view, false, 1)).toEqual({ kind: 'ignored', reason: 'stopped' })
  })

  it('finds the server by name, then by id; an entry naming neither is ignored', () => {
    const t = createStickTable('ip', 60_000)
    t.entries.set('renamed', { name: 'old-name', id: 4, expiresAt: 99_999 })
    t.entries.set('gone', { name: 'old-name', id: 77, expiresAt: 99_999 })
    expect(stickMatch(t, 'renamed', viewOf(servers), false, 0)).toMatchObject({ kind: 'hit', server: 0 })
    expect(stickMatch(t, 'gone', viewOf(servers), false, 0)).toEqual({ kind: 'ignored', reason: 'unknown-server' })
  })

  it('keys: type ip takes IPv4 and v4-mapped IPv6 only; type ipv6 maps IPv4 to ::ffff:a.b.c.d', () => {
    expect(stickKey('ip', parseIp('1.2.3.4').bytes)).toBe('1.2.3.4')
    expect(stickKey('ip', parseIp('::ffff:1.2.3.4').bytes)).toBe('1.2.3.4')
    expect(stickKey('ip', parseIp('2001:db8::1').bytes)).toBeNull()
    expect(stickKey('ipv6', parseIp('1.2.3.4').bytes)).toBe(stickKey('ipv6', parseIp('::ffff:1.2.3.4').bytes))
    expect(stickKey('ipv6', parseIp('2001:db8::1').bytes)).toBe('2001:db8::1')
  })
})
