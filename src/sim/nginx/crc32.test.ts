import { describe, expect, it } from 'vitest'
import { crc32, CRC32_INIT, crc32Final, crc32Update } from './crc32.ts'

describe('crc32', () => {
  it('matches the CRC-32/IEEE check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926)
  })

  it('is unsigned and handles the empty input', () => {
    expect(crc32('')).toBe(0)
    expect(crc32('a')).toBe(0xe8b7be43)
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339)
  })

  it('treats strings as UTF-8 and accepts bytes', () => {
    expect(crc32('é')).toBe(crc32(new Uint8Array([0xc3, 0xa9])))
  })

  it('can be fed in pieces', () => {
    const reg = crc32Update(crc32Update(CRC32_INIT, new TextEncoder().encode('1234')), new TextEncoder().encode('56789'))
    expect(crc32Final(reg)).toBe(0xcbf43926)
  })
})
