import { describe, expect, it } from 'vitest'
import { fullHash, genHash, hashCrc32, hashDjb2, hashSdbm, hashWt6, utf8 } from './hash.ts'

describe('HAProxy hash functions', () => {
  it('crc32 is CRC-32/IEEE (check value of "123456789")', () => {
    expect(hashCrc32(utf8('123456789'))).toBe(0xcbf43926)
  })

  it('djb2 starts at 5381 and multiplies by 33', () => {
    expect(hashDjb2(utf8(''))).toBe(5381)
    expect(hashDjb2(utf8('a'))).toBe(5381 * 33 + 97)
  })

  it('sdbm is c + (h << 6) + (h << 16) - h, wrapping at 32 bits', () => {
    expect(hashSdbm(utf8('a'))).toBe(97)
    expect(hashSdbm(utf8('ab'))).toBe(98 + 97 * 65599)
    const long = hashSdbm(utf8('a'.repeat(50)))
    expect(long).toBeGreaterThanOrEqual(0)
    expect(long).toBeLessThan(2 ** 32)
  })

  it('wt6 gives unsigned 32-bit values that depend on every byte', () => {
    const a = hashWt6(utf8('alice'))
    expect(a).toBeGreaterThanOrEqual(0)
    expect(a).toBeLessThan(2 ** 32)
    expect(hashWt6(utf8('alicf'))).not.toBe(a)
    expect(hashWt6(utf8(''))).toBe((0xa53c965a ^ 0x5ca6953a) >>> 0)
  })

  it('genHash dispatches on the function name', () => {
    const bytes = utf8('session-1')
    expect(genHash('sdbm', bytes)).toBe(hashSdbm(bytes))
    expect(genHash('djb2', bytes)).toBe(hashDjb2(bytes))
    expect(genHash('wt6', bytes)).toBe(hashWt6(bytes))
    expect(genHash('crc32', bytes)).toBe(hashCrc32(bytes))
  })

  it('full_hash (avalanche) is a bijection on 32-bit integers: no two inputs collide', () => {
    const seen = new Set<number>()
    for (let i = 0; i < 20000; i++) seen.add(fullHash(i * 4096))
    expect(seen.size).toBe(20000)
    expect(fullHash(0xcb007107)).toBe(0xf213c4cf) // 203.0.113.7 with avalanche (see the CLI golden explain)
  })
})
