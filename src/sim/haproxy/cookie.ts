// `cookie <name> insert [indirect] [nocache] …` of HAProxy 2.6 (src/http_ana.c
// http_manage_client_side_cookies and the Set-Cookie insertion in http_process_res_common). Reads the
// request's persistence cookie, decides whether it names a usable server, and writes the Set-Cookie.
// See docs/facts/haproxy.md §Cookie insert.

import { b64tos30, encodeDate, s30tob64 } from './cookieDate.ts'
import type { HaproxyServer } from './servers.ts'
import { isRunning, type BackendView } from './view.ts'

export interface CookieConfig {
  name: string
  indirect: boolean
  nocache: boolean
  postonly: boolean
  httponly: boolean
  secure: boolean
  domains: string[]
  attrs: string[]
  /** Seconds; 0 = off. */
  maxidle: number
  maxlife: number
}

export class CookieParseError extends Error {}

const NOT_MODELLED = new Set(['rewrite', 'prefix', 'preserve', 'dynamic'])
const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

function parseSeconds(kw: string, text: string | undefined): number {
  const m = /^(\d+)(s|m|h|d)?$/.exec(text ?? '')
  if (!m) throw new CookieParseError(`cookie ${kw} needs a duration in seconds (e.g. 30m), got "${text ?? ''}"`)
  const n = Number(m[1]) * (UNIT[m[2] ?? ''] as number)
  if (n < 1 || n > 2147483647) throw new CookieParseError(`cookie ${kw} must be between 1 s and 2147483647 s`)
  return n
}

/** Parses the words after `cookie`: "SERVERID insert indirect nocache maxidle 30m attr SameSite=Lax". */
export function parseCookieDirective(text: string): CookieConfig {
  const [name, ...words] = text.trim().split(/\s+/)
  if (!name) throw new CookieParseError('cookie needs a name')
  const cfg: CookieConfig = {
    name,
    indirect: false,
    nocache: false,
    postonly: false,
    httponly: false,
    secure: false,
    domains: [],
    attrs: [],
    maxidle: 0,
    maxlife: 0,
  }
  let insert = false
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string
    switch (w) {
      case 'insert':
        insert = true
        break
      case 'indirect':
      case 'nocache':
      case 'postonly':
      case 'httponly':
      case 'secure':
        cfg[w] = true
        break
      case 'domain':
        cfg.domains.push(words[++i] ?? '')
        if (cfg.domains.at(-1) === '') throw new CookieParseError('cookie domain needs a value')
        break
      case 'attr': {
        const v = words[++i] ?? ''
        if (v === '' || v.includes(';')) throw new CookieParseError('cookie attr needs a value without ";"')
        cfg.attrs.push(v)
        break
      }
      case 'maxidle':
        cfg.maxidle = parseSeconds(w, words[++i])
        break
      case 'maxlife':
        cfg.maxlife = parseSeconds(w, words[++i])
        break
      default:
        throw new CookieParseError(NOT_MODELLED.has(w) ? `cookie mode "${w}" is not modelled (only insert)` : `unknown cookie option "${w}"`)
    }
  }
  if (!insert) throw new CookieParseError('only "cookie <name> insert …" is modelled')
  return cfg
}

/** What HAProxy read from the request's cookie. */
export interface CookieRead {
  /** The server part (before the first "|"), or null when there was no cookie / it was set aside. */
  serverPart: string | null
  /** Dates found in the value (seconds, multiples of 4), 0 when absent or reset by an expiry. */
  lastDate: number
  firstDate: number
  verdict: 'absent' | 'read' | 'old' | 'expired'
}

/** Parses the cookie's value (null = the request has no such cookie) and applies maxlife / maxidle. */
export function readCookie(cfg: CookieConfig, value: string | null, nowSec: number): CookieRead {
  if (value === null) return { serverPart: null, lastDate: 0, firstDate: 0, verdict: 'absent' }
  let serverPart = value
  let lastDate = 0
  let firstDate = 0
  const bar = value.indexOf('|')
  if (bar >= 0) {
    serverPart = value.slice(0, bar)
    const rest = value.slice(bar + 1)
    if (rest.length >= 5) {
      const v = b64tos30(rest)
      if (v > 0) lastDate = v << 2
    }
    const bar2 = rest.indexOf('|')
    if (bar2 >= 0 && rest.length - bar2 > 5) {
      const v = b64tos30(rest.slice(bar2 + 1))
      if (v > 0) firstDate = v << 2
    }
  }
  const signed = (n: number): number => n | 0
  if (firstDate && cfg.maxlife && (signed(nowSec - firstDate) > cfg.maxlife || signed(firstDate - nowSec) > 86400)) {
    return { serverPart: null, lastDate: 0, firstDate: 0, verdict: 'old' }
  }
  if (lastDate && cfg.maxidle && (signed(nowSec - lastDate) > cfg.maxidle || signed(lastDate - nowSec) > 86400)) {
    return { serverPart: null, lastDate: 0, firstDate: 0, verdict: 'expired' }
  }
  return { serverPart, lastDate, firstDate, verdict: 'read' }
}

export type CookieMatch =
  | { kind: 'none' } // no cookie, or set aside (expired / too old), or empty server part
  | { kind: 'valid'; server: number } // names a running server: go there (DIRECT)
  | { kind: 'down-persist'; server: number } // names a stopped server, `option persist`: go there anyway
  | { kind: 'down' } // names only stopped servers: the balancer decides
  | { kind: 'invalid' } // names no server

/**
 * The first server (config order) whose `cookie` equals the server part and that is running — or stopped
 * but `option persist` is on. drain and weight 0 still count as running; maint and DOWN do not.
 */
export function matchCookie(read: CookieRead, view: BackendView, persist: boolean): CookieMatch {
  const part = read.serverPart
  if (part === null || part === '') return { kind: 'none' }
  let sawDown = false
  for (let i = 0; i < view.servers.length; i++) {
    const s = view.servers[i] as HaproxyServer
    if (s.cookie === null || s.cookie !== part) continue
    if (isRunning(view, i)) return { kind: 'valid', server: i }
    if (persist) return { kind: 'down-persist', server: i }
    sawDown = true
  }
  return sawDown ? { kind: 'down' } : { kind: 'invalid' }
}

export interface SetCookieInput {
  server: HaproxyServer
  /** The request went to the cookie's own server without a redispatch (HAProxy's SF_DIRECT). */
  direct: boolean
  read: CookieRead
  nowSec: number
  method: string
}

/** The Set-Cookie value HAProxy adds to the response, or null when it adds none. */
export function setCookieHeader(cfg: CookieConfig, input: SetCookieInput): string | null {
  const { server, direct, read, nowSec, method } = input
  if (cfg.postonly && method !== 'POST') return null
  const { lastDate, firstDate } = read
  const refresh =
    !direct ||
    ((cfg.maxidle !== 0 || lastDate !== 0) && (lastDate === 0 || ((lastDate - nowSec) | 0) < 0)) ||
    (cfg.maxlife !== 0 && firstDate === 0) ||
    (cfg.maxlife === 0 && firstDate !== 0)
  if (!refresh) return null
  let text: string
  if (server.cookie === null) {
    text = `${cfg.name}=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/`
  } else {
    text = `${cfg.name}=${server.cookie}`
    if (cfg.maxidle || cfg.maxlife) {
      text += `|${encodeDate(nowSec)}`
      if (cfg.maxlife) text += `|${firstDate ? s30tob64(firstDate >> 2) : encodeDate(nowSec)}`
    }
    text += '; path=/'
  }
  if (cfg.domains.length > 0) text += `; domain=${cfg.domains.join('; domain=')}`
  if (cfg.httponly) text += '; HttpOnly'
  if (cfg.secure) text += '; Secure'
  if (cfg.attrs.length > 0) text += `; ${cfg.attrs.join('; ')}`
  return text
}
