// Random nginx conformance inputs: ip_hash client addresses (IPv4, IPv6 in many spellings, values at the
// edge of nginx's parser) and raw `k` query values for `hash $arg_k`.

import type { NginxMethod } from '../../src/sim/nginx/index.ts'
import type { Random } from '../lib/random.ts'

/** One request: an ip_hash client IP (null = no X-Real-IP header) or a raw `k` query value (null = no k). */
export interface Input {
  ip?: string | null
  k?: string | null
}

const POPULAR_24 = ['10.20.30', '100.64.7', '192.0.2', '198.51.100', '203.0.113', '172.16.9', '81.2.69', '8.8.4']
const POPULAR_64 = ['2001:db8:1:2', '2001:db8:aa:bb', 'fd00:0:0:1', '2a02:c7f:abcd:10']

function randomIpv4(rnd: Random): string {
  if (rnd.chance(0.4)) return `${rnd.pick(POPULAR_24)}.${rnd.int(0, 255)}`
  return [rnd.int(1, 223), rnd.int(0, 255), rnd.int(0, 255), rnd.int(0, 255)].join('.')
}

/** IPv6 in many spellings: ≤ 4 hex digits per group, "::" anywhere (nginx refuses a trailing one-group "::"), mixed case, v4 tails. */
function randomIpv6(rnd: Random): string {
  const groups: number[] = []
  if (rnd.chance(0.4)) {
    for (const g of rnd.pick(POPULAR_64).split(':')) groups.push(parseInt(g, 16))
    while (groups.length < 8) groups.push(rnd.chance(0.3) ? 0 : rnd.int(0, 0xffff))
  } else {
    for (let i = 0; i < 8; i++) groups.push(rnd.chance(0.35) ? 0 : rnd.int(0, 0xffff))
  }
  if (rnd.chance(0.08)) return `::ffff:${rnd.int(1, 223)}.${rnd.int(0, 255)}.${rnd.int(0, 255)}.${rnd.int(0, 255)}`
  if (rnd.chance(0.05)) return rnd.pick(['::1', '::', '2001:db8::1', 'fe80::1'])
  let text = groups.map((g) => g.toString(16)).join(':')
  // Compress the first run of ≥ 1 zero groups with "::" sometimes (any run is valid input).
  if (rnd.chance(0.7)) {
    const m = /(^|:)0(:0)*(:|$)/.exec(text)
    if (m) text = `${text.slice(0, m.index)}::${text.slice(m.index + m[0].length)}`
  }
  return rnd.chance(0.2) ? text.toUpperCase() : text
}

/** X-Real-IP values at the edge of nginx's parser: ports, lists, RFC-valid but nginx-invalid, garbage. */
const ODD_IPS = [
  '1.2.3.4:8080',
  '[2001:db8::5]:443',
  '[2001:db8::6]',
  '9.9.9.9, 5.6.7.8',
  '5.6.7.8,',
  '255.255.255.255',
  '1..2.3',
  '001.002.003.004',
  '1.2.3.4.5',
  '256.1.1.1',
  ':1:2:3:4:5:6:7:8',
  '1:2:3:4:5:6:7::',
  '::2:3:4:5:6:7:8',
  '2001:db8:0:0:0:0:0:12345',
  '2001:db8::1::2',
  '::ffff:255.255.255.255',
  'fe80::1%eth0',
  'not-an-ip',
]

function randomIp(rnd: Random): string {
  if (rnd.chance(0.03)) return rnd.pick(ODD_IPS)
  return rnd.chance(0.75) ? randomIpv4(rnd) : randomIpv6(rnd)
}

const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~'

/** A raw query value for `k` ($arg_k is not URL-decoded, so the model hashes the raw text). */
function randomKey(rnd: Random): string | null {
  if (rnd.chance(0.03)) return null
  if (rnd.chance(0.03)) return ''
  const style = rnd.int(0, 3)
  if (style === 0) return `user-${rnd.int(0, 99999)}`
  if (style === 1) return `session-${rnd.int(0, 999)}`
  let key = ''
  const len = rnd.int(1, 16)
  for (let i = 0; i < len; i++) key += KEY_CHARS[rnd.int(0, KEY_CHARS.length - 1)]
  if (style === 3) key += rnd.pick(['%C3%A9', '%2F', '%20x', '%E2%82%AC'])
  return key
}

export function randomInput(rnd: Random, policy: NginxMethod, pool?: Input[]): Input {
  if (pool && pool.length > 0) return rnd.pick(pool)
  if (policy === 'ip-hash') return { ip: rnd.chance(0.01) ? null : randomIp(rnd) }
  return { k: randomKey(rnd) }
}

