import { describe, expect, it } from 'vitest'
import { firstPick, GOLDEN_IP_HASH, GROUPS, port, pseudoRandom, servers } from './golden.fixture.ts'
import { IP_HASH_INIT, ipHashKey, ipHashMix } from './ipHash.ts'
import { peerForSlot } from './weightSlot.ts'

describe('ip_hash golden vectors (nginx 1.22.1)', () => {
  const iph3 = servers(GROUPS.iph3)
  const iph3d = servers(GROUPS.iph3d)
  const iphw = servers(GROUPS.iphw)
  it.each(GOLDEN_IP_HASH)('%s → iph3 %s, iph3d %s, iphw %s', (ip, a, b, c) => {
    expect(port(firstPick('ip-hash', iph3, ip))).toBe(a)
    expect(port(firstPick('ip-hash', iph3d, ip))).toBe(b)
    expect(port(firstPick('ip-hash', iphw, ip))).toBe(c)
  })
})

describe('ip_hash key and hash', () => {
  it('uses the first 3 octets of IPv4: a whole /24 lands on one backend (O2)', () => {
    const iph3 = servers(GROUPS.iph3)
    const chosen = new Set<string | null>()
    for (let d = 1; d <= 254; d++) chosen.add(firstPick('ip-hash', iph3, `10.20.30.${d}`))
    expect(chosen.size).toBe(1)
  })

  it('uses all 16 bytes of IPv6', () => {
    expect(ipHashKey('2001:db8::1').bytes).toHaveLength(16)
    expect(ipHashKey('1.2.3.4').bytes).toEqual(new Uint8Array([1, 2, 3]))
    expect(ipHashKey(new Uint8Array([1, 2, 3, 4])).bytes).toEqual(new Uint8Array([1, 2, 3]))
    expect(() => ipHashKey(new Uint8Array(5))).toThrow('ip_hash needs 4 (IPv4) or 16 (IPv6) address bytes, got 5')
  })

  it('computes h = (h × 113 + byte) mod 6271 from 89', () => {
    expect(ipHashMix(IP_HASH_INIT, new Uint8Array([1]))).toBe((89 * 113 + 1) % 6271)
    expect(ipHashMix(IP_HASH_INIT, new Uint8Array([203, 0, 113]))).toBe(2592)
  })

  it('walks weights in config order: 3,1,2 → slots 0–2 A, 3 B, 4–5 C', () => {
    const list = servers('a:1 weight=3; b:1; c:1 weight=2')
    expect([0, 1, 2, 3, 4, 5].map((w) => peerForSlot(list, w))).toEqual([0, 0, 0, 1, 2, 2])
    expect(() => peerForSlot(list, 6)).toThrow(RangeError)
  })
})

describe('ip_hash remapping (docs/facts/nginx.md, "Remapping when servers change")', () => {
  const rand = pseudoRandom(7)
  const ips: string[] = []
  for (let i = 0; i < 3000; i++) {
    const x = rand.next().value
    ips.push(`${(x >>> 24) % 223 + 1}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`)
  }
  const before = ips.map((ip) => firstPick('ip-hash', servers(GROUPS.iph3), ip))

  it('deleting a server moves about 2/3 of clients', () => {
    const after = ips.map((ip) => firstPick('ip-hash', servers(GROUPS.iph2), ip))
    const moved = after.filter((s, i) => s !== before[i]).length / ips.length
    expect(moved).toBeGreaterThan(0.6)
    expect(moved).toBeLessThan(0.75)
  })

  it('marking it down moves only its own clients (about 1/3)', () => {
    const after = ips.map((ip) => firstPick('ip-hash', servers(GROUPS.iph3d), ip))
    const moved = after.filter((s, i) => s !== before[i]).length / ips.length
    expect(moved).toBeGreaterThan(0.28)
    expect(moved).toBeLessThan(0.39)
    after.forEach((s, i) => {
      expect(s !== before[i]).toBe(before[i] === '127.0.0.1:18082')
    })
  })
})
