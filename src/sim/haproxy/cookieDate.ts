// The dates HAProxy 2.6 writes inside an insert cookie's value with `maxidle` / `maxlife`
// ("web1|<last seen>|<first seen>"): seconds / 4 as 5 base64 characters (src/base64.c s30tob64 /
// b64tos30). See docs/facts/haproxy.md §Cookie dates.

const TABLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** s30tob64(): the low 30 bits, most significant 6 first. */
export function s30tob64(value: number): string {
  let out = ''
  let v = value | 0
  for (let i = 0; i < 5; i++) {
    out += TABLE[(v >> 24) & 0x3f]
    v = (v << 6) | 0
  }
  return out
}

/** b64tos30(): the first 5 characters back to a number, or -1 if one is not a base64 digit. */
export function b64tos30(text: string): number {
  if (text.length < 5) return -1
  let out = 0
  for (let i = 0; i < 5; i++) {
    const d = TABLE.indexOf(text[i] as string)
    if (d < 0) return -1
    out = (out << 6) + d
  }
  return out
}

/** The date field HAProxy writes for "now": (now + 3) >> 2, i.e. now rounded up to a 4-second step. */
export const encodeDate = (nowSec: number): string => s30tob64((nowSec + 3) >> 2)
