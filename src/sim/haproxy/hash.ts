// HAProxy 2.6's hash functions (src/hash.c) and the avalanche modifier (full_hash, include/haproxy/intops.h),
// bit for bit on unsigned 32-bit integers. See docs/facts/haproxy.md §Hashing.

export type HashFunction = 'sdbm' | 'djb2' | 'wt6' | 'crc32'
export const HASH_FUNCTIONS: readonly HashFunction[] = ['sdbm', 'djb2', 'wt6', 'crc32']

const encoder = new TextEncoder()
/** Strings are hashed as their UTF-8 bytes, as HAProxy sees them on the wire. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text)

/** hash_sdbm: h = c + (h << 6) + (h << 16) - h — the default function of `hash-type`. */
export function hashSdbm(bytes: Uint8Array): number {
  let h = 0
  for (let i = 0; i < bytes.length; i++) h = ((bytes[i] as number) + (h << 6) + (h << 16) - h) >>> 0
  return h
}

/** hash_djb2: h = h * 33 + c from 5381. */
export function hashDjb2(bytes: Uint8Array): number {
  let h = 5381
  for (let i = 0; i < bytes.length; i++) h = ((h << 5) + h + (bytes[i] as number)) >>> 0
  return h
}

const rotl = (x: number, n: number): number => ((x << n) | (x >>> (32 - n))) >>> 0

/** hash_wt6 (Willy Tarreau's 6-step hash). */
export function hashWt6(bytes: Uint8Array): number {
  let h0 = 0xa53c965a
  let h1 = 0x5ca6953a
  let step0 = 6
  let step1 = 18
  for (let i = 0; i < bytes.length; i++) {
    let t = bytes[i] as number
    h0 = ~(h0 ^ t) >>> 0
    h1 = ~(h1 + t) >>> 0
    // A step of 0 makes C shift by 32; x86 masks the count to 0 and so does JavaScript: the value is kept.
    t = rotl(h1, step0)
    h1 = rotl(h0, step1)
    h0 = t
    t = ((h0 >>> 16) ^ h1) & 0xffff
    step0 = t & 0x1f
    step1 = t >>> 11
  }
  return (h0 ^ h1) >>> 0
}

/** hash_crc32: bitwise CRC-32 (IEEE), same values as zlib's crc32. */
export function hashCrc32(bytes: Uint8Array): number {
  let h = 0xffffffff
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number
    for (let bit = 0; bit < 8; bit++) h = (h >>> 1) ^ (h & 1 ? 0xedb88320 : 0)
  }
  return ~h >>> 0
}

/** gen_hash() of src/backend.c: the configured function over the key bytes. */
export function genHash(fn: HashFunction, bytes: Uint8Array): number {
  switch (fn) {
    case 'sdbm':
      return hashSdbm(bytes)
    case 'djb2':
      return hashDjb2(bytes)
    case 'wt6':
      return hashWt6(bytes)
    case 'crc32':
      return hashCrc32(bytes)
  }
}

/**
 * full_hash(): Bob Jenkins' 32-bit integer avalanche, then × 3221225473. Used as the `avalanche` modifier
 * and, always, to place consistent-hash ring points.
 */
export function fullHash(input: number): number {
  let a = input >>> 0
  a = (a + 0x7ed55d16 + (a << 12)) >>> 0
  a = (a ^ 0xc761c23c ^ (a >>> 19)) >>> 0
  a = (a + 0x165667b1 + (a << 5)) >>> 0
  a = ((a + 0xd3a2646c) ^ (a << 9)) >>> 0
  a = (a + 0xfd7046c5 + (a << 3)) >>> 0
  a = (a ^ 0xb55a4f09 ^ (a >>> 16)) >>> 0
  return Math.imul(a, 3221225473) >>> 0
}
