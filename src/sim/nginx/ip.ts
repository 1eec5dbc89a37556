// Client IP parsing for ip_hash: nginx hashes the address bytes (IPv4 or IPv6), so we need them exactly.

export class IpParseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'IpParseError'
  }
}

export interface ParsedIp {
  family: 4 | 6
  /** Network byte order: 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array
}

/** Parses a dotted-quad IPv4 or an IPv6 address (with `::` and an optional embedded IPv4 tail). */
export function parseIp(text: string): ParsedIp {
  const s = text.trim()
  if (s === '') throw new IpParseError('empty IP address')
  if (s.includes(':')) return { family: 6, bytes: parseIpv6(s) }
  return { family: 4, bytes: parseIpv4(s, text) }
}

function parseIpv4(s: string, original: string): Uint8Array {
  const parts = s.split('.')
  if (parts.length !== 4) {
    throw new IpParseError(`"${original}" is not an IP address (IPv4 needs 4 dot-separated numbers)`)
  }
  const bytes = new Uint8Array(4)
  parts.forEach((part, i) => {
    // Leading zeros are read as decimal, like nginx's own ngx_inet_addr().
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) {
      throw new IpParseError(`"${original}" is not an IP address ("${part}" is not a number from 0 to 255)`)
    }
    bytes[i] = Number(part)
  })
  return bytes
}

function parseIpv6(s: string): Uint8Array {
  const bad = (why: string): IpParseError => new IpParseError(`"${s}" is not an IPv6 address (${why})`)
  const halves = s.split('::')
  if (halves.length > 2) throw bad('"::" may appear only once')

  const head = splitGroups(halves[0] ?? '', bad)
  const tail = halves.length === 2 ? splitGroups(halves[1] ?? '', bad) : []
  const groups = [...head, ...tail]

  // An embedded IPv4 tail ("::ffff:1.2.3.4") counts as two 16-bit groups and must come last.
  let v4: Uint8Array | null = null
  const last = groups[groups.length - 1]
  if (last !== undefined && last.includes('.')) {
    try {
      v4 = parseIpv4(last, last)
    } catch {
      throw bad(`"${last}" is not a valid IPv4 tail`)
    }
    if (halves.length === 2 && tail.length === 0) throw bad('an IPv4 part may only appear at the end')
    groups.pop()
    if (tail.length > 0) tail.pop()
    else head.pop()
  }
  for (const g of groups) {
    if (g.includes('.')) throw bad('an IPv4 part may only appear at the end')
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw bad(`"${g}" is not a group of 1 to 4 hex digits`)
  }

  const wanted = v4 ? 6 : 8
  const present = head.length + tail.length
  if (halves.length === 1 && present !== wanted) throw bad(`expected ${wanted} groups, got ${present}`)
  if (halves.length === 2 && present > wanted - 1) throw bad('too many groups around "::"')

  const words: number[] = [...head.map(hex), ...new Array<number>(wanted - present).fill(0), ...tail.map(hex)]
  const bytes = new Uint8Array(16)
  words.forEach((w, i) => {
    bytes[2 * i] = w >> 8
    bytes[2 * i + 1] = w & 0xff
  })
  if (v4) bytes.set(v4, 12)
  return bytes
}

function splitGroups(part: string, bad: (why: string) => IpParseError): string[] {
  if (part === '') return []
  const groups = part.split(':')
  if (groups.some((g) => g === '')) throw bad('empty group')
  return groups
}

function hex(group: string): number {
  return parseInt(group, 16)
}

/** Text form for explanations: IPv4 dotted, IPv6 compressed (longest zero run → "::"). */
export function formatIp(ip: ParsedIp): string {
  if (ip.family === 4) return Array.from(ip.bytes).join('.')
  const words: number[] = []
  for (let i = 0; i < 16; i += 2) words.push(((ip.bytes[i] as number) << 8) | (ip.bytes[i + 1] as number))
  let bestStart = -1
  let bestLen = 0
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && words[j] === 0) j++
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  const text = (ws: number[]): string => ws.map((w) => w.toString(16)).join(':')
  if (bestStart < 0) return text(words)
  return `${text(words.slice(0, bestStart))}::${text(words.slice(bestStart + bestLen))}`
}
