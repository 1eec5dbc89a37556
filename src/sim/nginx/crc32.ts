// CRC-32/IEEE (zlib's crc32), the checksum nginx's hash and consistent-hash balancers use (ngx_crc32.h).

const TABLE: Uint32Array = buildTable()

function buildTable(): Uint32Array {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
}

const encoder = new TextEncoder()

/** Bytes of `input`: strings are taken as UTF-8, as nginx sees them on the wire. */
export function toBytes(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? encoder.encode(input) : input
}

/**
 * Feed `bytes` into a running (not yet finalised) CRC register. Start from 0xFFFFFFFF and finish with
 * `crc32Final`; nginx builds its ring points this way (a shared prefix, then 4 more bytes).
 */
export function crc32Update(register: number, bytes: Uint8Array): number {
  let c = register
  for (let i = 0; i < bytes.length; i++) {
    c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8)
  }
  return c >>> 0
}

export const CRC32_INIT = 0xffffffff

export function crc32Final(register: number): number {
  return (register ^ 0xffffffff) >>> 0
}

/** Unsigned CRC-32/IEEE of a string (UTF-8) or bytes: crc32("123456789") === 0xCBF43926. */
export function crc32(input: string | Uint8Array): number {
  return crc32Final(crc32Update(CRC32_INIT, toBytes(input)))
}
