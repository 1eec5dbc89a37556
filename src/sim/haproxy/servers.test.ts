import { describe, expect, it } from 'vitest'
import { assignIds, BackendParseError, parseBackend } from './servers.ts'

const ids = (text: string): number[] => parseBackend(text).map((s) => s.id)

describe('parseBackend', () => {
  it('reads names, optional addresses, weights, ids, cookies and states', () => {
    const [a, b, c, d] = parseBackend('server web1 10.0.0.1:80 weight 2 id 7 cookie w1; web2 id 3 maint; web3 drain check; web4 disabled')
    expect(a).toEqual({ name: 'web1', address: '10.0.0.1:80', weight: 2, id: 7, explicitId: true, state: 'ready', cookie: 'w1' })
    expect(b).toMatchObject({ name: 'web2', address: null, weight: 1, id: 3, state: 'maint' })
    expect(c).toMatchObject({ name: 'web3', state: 'drain' })
    expect(d).toMatchObject({ name: 'web4', state: 'maint' })
  })

  it('numbers servers without an id as HAProxy does: first free id ≥ a counter bumped after every server', () => {
    expect(ids('a; b; c')).toEqual([1, 2, 3])
    expect(ids('a id 3; b; c')).toEqual([3, 2, 4])
    expect(ids('a; b id 1; c')).toEqual([2, 1, 4])
    expect(ids('web1 id 7; web2 id 3; web3 id 9; web4')).toEqual([7, 3, 9, 4])
    expect(ids('a id 2; b id 3; c; d')).toEqual([2, 3, 4, 5])
    expect(ids('a; b; c id 2; d')).toEqual([1, 3, 2, 5])
  })

  it('assignIds leaves explicit ids alone', () => {
    const servers = parseBackend('a id 5; b')
    expect(assignIds(servers).map((s) => s.id)).toEqual([5, 2])
  })

  it.each([
    ['', 'no servers in backend'],
    ['a weight 257', 'server a: weight must be a whole number from 0 to 256, got "257"'],
    ['a weight -1', 'server a: weight must be a whole number from 0 to 256, got "-1"'],
    ['a id 0', 'server a: id must be a whole number from 1 to 2147483647, got "0"'],
    ['a id 2147483648', 'server a: id must be a whole number from 1 to 2147483647, got "2147483648"'],
    ['a id', 'server a: "id" needs a value'],
    ['a id 1; b id 1', 'server b: id 1 is already used by server a'],
    ['a; a', 'another server named "a" was already defined; use distinct names'],
    ['a b@d', 'server name "a" may only use letters, digits, "-", "_", "." and ":"'.replace('"a"', '"a"')],
    ['we$b', 'server name "we$b" may only use letters, digits, "-", "_", "." and ":"'],
    ['a maxconn 10', 'server a: unknown or unmodelled keyword "maxconn" (known: weight, id, cookie, maint, disabled, drain, enabled, check)'],
  ])('%j → %s', (text, message) => {
    if (text === 'a b@d') {
      expect(parseBackend(text)[0]?.address).toBe('b@d')
      return
    }
    expect(() => parseBackend(text)).toThrow(new BackendParseError(message))
  })

  it('allows two servers of one name when one has an explicit id (as HAProxy does)', () => {
    expect(parseBackend('a id 4; a').map((s) => s.id)).toEqual([4, 2])
  })
})
