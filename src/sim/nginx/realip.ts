// How nginx's realip module reads an X-Real-IP / X-Forwarded-For value, quirks included (nginx 1.22.1).
//
// Real nginx parses addresses with its own routines (ngx_inet_addr, ngx_inet6_addr, ngx_parse_addr_port),
// which differ from RFC parsing at the edges. A value realip cannot parse is ignored, and ip_hash then sees
// the proxy's own address. Verified by conformance/nginx.conformance.ts.

import type { ParsedIp } from './ip.ts'

/** nginx's IPv4 reader: exactly 3 dots, each octet ≤ 255; empty octets count as 0 ("1..2.3" = 1.0.2.3). */
export function nginxInetAddr(text: string): Uint8Array | null {
  let addr = 0
  let octet = 0
  let dots = 0
  for (const c of text) {
    if (c >= '0' && c <= '9') {
      octet = octet * 10 + (c.charCodeAt(0) - 48)
      if (octet > 255) return null
    } else if (c === '.') {
      addr = ((addr << 8) + octet) >>> 0
      octet = 0
      dots++
    } else {
      return null
    }
  }
  if (dots !== 3) return null
  addr = ((addr << 8) + octet) >>> 0
  return new Uint8Array([addr >>> 24, (addr >>> 16) & 0xff, (addr >>> 8) & 0xff, addr & 0xff])
}

/**
 * nginx's IPv6 reader. Differences from the RFC: one leading ':' is skipped (":1:2:3:4:5:6:7:8" is
 * accepted) and a trailing "::" standing for exactly one group ("1:2:3:4:5:6:7::") is rejected.
 */
export function nginxInet6Addr(text: string): Uint8Array | null {
  if (text.length === 0) return null
  const out = new Uint8Array(16)
  let at = 0
  let zero = -1 // where "::" was seen (byte offset)
  let groupStart = -1 // start of the group after the last ':' (for an IPv4 tail)
  let nibbles = 0
  let word = 0
  let left = 8 // groups still to write
  let i = text[0] === ':' ? 1 : 0

  for (; i < text.length; i++) {
    const c = text[i] as string
    if (c === ':') {
      groupStart = i + 1
      if (nibbles) {
        out[at++] = word >> 8
        out[at++] = word & 0xff
        if (--left === 0) return null
        nibbles = 0
        word = 0
        continue
      }
      if (zero >= 0) return null
      zero = at
      continue
    }
    if (c === '.' && nibbles) {
      if (left < 2 || groupStart < 0) return null
      const v4 = nginxInetAddr(text.slice(groupStart))
      if (!v4 || isBroadcast(v4)) return null
      out[at++] = v4[0] as number
      out[at++] = v4[1] as number
      left--
      word = ((v4[2] as number) << 8) | (v4[3] as number)
      break
    }
    if (++nibbles > 4) return null
    const d = parseInt(c, 16)
    if (Number.isNaN(d)) return null
    word = word * 16 + d
  }

  if (nibbles === 0 && zero < 0) return null
  out[at++] = word >> 8
  out[at++] = word & 0xff
  if (--left > 0) {
    if (zero < 0) return null
    const gap = left * 2
    out.copyWithin(zero + gap, zero, at)
    out.fill(0, zero, zero + gap)
    return out
  }
  return zero < 0 ? out : null
}

// ngx_inet_addr() returns INADDR_NONE for 255.255.255.255, which callers take as "not an address".
function isBroadcast(b: Uint8Array): boolean {
  return b.every((x) => x === 0xff)
}

/** ngx_parse_addr(): IPv4 first, then IPv6. */
export function nginxParseAddr(text: string): ParsedIp | null {
  const v4 = nginxInetAddr(text)
  if (v4 && !isBroadcast(v4)) return { family: 4, bytes: v4 }
  const v6 = nginxInet6Addr(text)
  return v6 ? { family: 6, bytes: v6 } : null
}

/** ngx_parse_addr_port(): also accepts "1.2.3.4:8080" and "[2001:db8::1]:443" (the port is dropped here). */
export function nginxParseAddrPort(text: string): ParsedIp | null {
  const plain = nginxParseAddr(text)
  if (plain) return plain
  let host: string
  let port: string
  if (text.startsWith('[')) {
    // "[addr]" needs a port here ("[2001:db8::6]" alone is ignored by nginx 1.22.1, verified).
    const close = text.indexOf(']')
    if (close < 0 || close === text.length - 1 || text[close + 1] !== ':') return null
    host = text.slice(1, close)
    port = text.slice(close + 2)
  } else {
    const colon = text.indexOf(':')
    if (colon < 0) return null
    host = text.slice(0, colon)
    port = text.slice(colon + 1)
  }
  if (!/^\d+$/.test(port) || Number(port) < 1 || Number(port) > 65535) return null
  return nginxParseAddr(host)
}

/**
 * The client address realip takes from a header value (last comma/space-separated element), or null if
 * nginx would ignore the header and keep the connection's address.
 */
export function realIpFromHeader(value: string): ParsedIp | null {
  let end = value.length
  while (end > 1 && (value[end - 1] === ' ' || value[end - 1] === ',')) end--
  let start = end - 1
  while (start > 0 && value[start] !== ' ' && value[start] !== ',') start--
  if (start > 0) start++
  return nginxParseAddrPort(value.slice(start, end))
}
