// Random request inputs for the HAProxy conformance run: client addresses (IPv4, IPv6, v4-mapped),
// `hdr()` key values (commas, quotes, blanks, empty, absent, repeated), cookies and response headers.

import type { Random } from '../lib/random.ts'

const POPULAR_24 = ['10.20.30', '100.64.7', '192.0.2', '198.51.100', '203.0.113', '172.16.9']
const POPULAR_64 = ['2001:db8:1:2', '2001:db8:aa:bb', 'fd00:0:0:1']

export function randomIpv4(rnd: Random): string {
  if (rnd.chance(0.4)) return `${rnd.pick(POPULAR_24)}.${rnd.int(0, 255)}`
  return [rnd.int(1, 223), rnd.int(0, 255), rnd.int(0, 255), rnd.int(0, 255)].join('.')
}

export function randomIpv6(rnd: Random): string {
  if (rnd.chance(0.1)) return `::ffff:${randomIpv4(rnd)}`
  if (rnd.chance(0.05)) return rnd.pick(['::1', '2001:db8::1', 'fe80::1'])
  const groups: number[] = []
  if (rnd.chance(0.4)) for (const g of rnd.pick(POPULAR_64).split(':')) groups.push(parseInt(g, 16))
  while (groups.length < 8) groups.push(rnd.chance(0.3) ? 0 : rnd.int(0, 0xffff))
  let text = groups.map((g) => g.toString(16)).join(':')
  if (rnd.chance(0.7)) {
    const m = /(^|:)0(:0)+(:|$)/.exec(text)
    if (m) text = `${text.slice(0, m.index)}::${text.slice(m.index + m[0].length)}`
  }
  return rnd.chance(0.2) ? text.toUpperCase() : text
}

export const randomIp = (rnd: Random): string => (rnd.chance(0.7) ? randomIpv4(rnd) : randomIpv6(rnd))

const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~=/+'

function word(rnd: Random): string {
  const style = rnd.int(0, 3)
  if (style === 0) return `user-${rnd.int(0, 99999)}`
  if (style === 1) return `session-${rnd.int(0, 999)}`
  let key = ''
  const len = rnd.int(1, 24)
  for (let i = 0; i < len; i++) key += KEY_CHARS[rnd.int(0, KEY_CHARS.length - 1)]
  return key
}

/** Values of the hashed header, in order; [] = absent. Edge cases: blanks, commas, quotes, empty, repeats. */
export function randomHeaderValues(rnd: Random): string[] {
  if (rnd.chance(0.03)) return []
  if (rnd.chance(0.02)) return [rnd.pick(['', ' ', ',x', ' , y'])]
  let v = word(rnd)
  if (rnd.chance(0.05)) v = ` ${v}  `
  if (rnd.chance(0.05)) v = `${v}, ${word(rnd)}`
  if (rnd.chance(0.03)) v = `"${v},${word(rnd)}", z`
  if (rnd.chance(0.02)) v = `${v} ${word(rnd)}`
  return rnd.chance(0.03) ? [v, word(rnd)] : [v]
}

/** Response header sets that make `nocache` add "Cache-control: private" or not. */
export const RESPONSE_HEADER_SETS: readonly (readonly [string, string])[][] = [
  [],
  [],
  [['Cache-Control', 'max-age=60']],
  [['Cache-Control', 'public, max-age=600']],
  [['Cache-Control', 'private, max-age=60']],
  [['Cache-Control', 'no-cache']],
  [['Cache-Control', 'max-age=0']],
  [['Cache-Control', 's-maxage=30']],
  [['ETag', '"v1"']],
  [['Last-Modified', 'Wed, 21 Oct 2015 07:28:00 GMT']],
  [['Expires', 'Wed, 21 Oct 2037 07:28:00 GMT']],
  [['Pragma', 'no-cache'], ['Cache-Control', 'max-age=60']],
  [['Cache-Control', 'no-cache="set-cookie", max-age=60']],
]
