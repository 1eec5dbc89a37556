// Sending one request through the private HAProxy and predicting it with the model.

import http from 'node:http'
import { encodeDate, parseIp, simulateHaproxyRequest, type HaproxyResult } from '../../src/sim/haproxy/index.ts'
import type { Random } from '../lib/random.ts'
import { KEY_HEADER, type Group } from './groups.ts'
import { randomHeaderValues, randomIp, RESPONSE_HEADER_SETS } from './inputs.ts'

export interface Input {
  ip: string
  /** Values of X-Key, in order ([] = absent). */
  keys: string[]
  /** Value of the persistence cookie, or null (no such cookie). */
  cookie: string | null
  /** Whether other cookies surround ours in the Cookie header. */
  otherCookies: boolean
  method: 'GET' | 'POST' | 'HEAD'
  responseHeaders: (readonly [string, string])[]
}

export interface Answer {
  status: number
  server: string
  setCookie: string
  cacheControl: string
  /** Whether the server saw our cookie (only meaningful for 200 answers to requests that carried it). */
  seenOurCookie: boolean
}

/**
 * Sends the request; a kept-alive connection that HAProxy closed just before we reused it (after a 503,
 * say) fails before HAProxy reads anything, so that one case is sent again on a new connection.
 */
export async function send(agent: http.Agent, port: number, g: Group, input: Input): Promise<Answer> {
  try {
    return await sendOnce(agent, port, g, input)
  } catch (err) {
    if ((err as { reused?: boolean }).reused) return sendOnce(agent, port, g, input)
    throw err
  }
}

function sendOnce(agent: http.Agent, port: number, g: Group, input: Input): Promise<Answer> {
  const headers: Record<string, string | string[]> = { 'x-client-ip': input.ip }
  const keyHeader = g.cfg.balance.kind === 'hdr' ? g.cfg.balance.header : KEY_HEADER
  if (input.keys.length === 1) headers[keyHeader] = input.keys[0] as string
  else if (input.keys.length > 1) headers[keyHeader] = input.keys
  const name = g.cfg.cookie?.name
  if (name && input.cookie !== null) {
    const ours = `${name}=${input.cookie}`
    headers.cookie = input.otherCookies ? `a=1; ${ours}; b=2` : ours
  }
  if (input.responseHeaders.length > 0) headers['x-reply-headers'] = JSON.stringify(Object.fromEntries(input.responseHeaders))
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/${g.name}`, method: input.method, headers, agent }, (res) => {
      res.resume()
      res.on('end', () => {
        const sc = res.headers['set-cookie']
        const seen = String(res.headers['x-seen-cookie'] ?? '')
        resolve({
          status: res.statusCode ?? 0,
          server: String(res.headers['x-server'] ?? ''),
          setCookie: sc === undefined ? '' : sc.join('\n'),
          cacheControl: String(res.headers['cache-control'] ?? ''),
          seenOurCookie: name !== undefined && seen.split(/;\s*/).some((c) => c.startsWith(`${name}=`)),
        })
      })
    })
    req.on('error', (err) => reject(Object.assign(err, { reused: req.reusedSocket })))
    req.end()
  })
}

export function predict(g: Group, input: Input, nowMs: number): { answer: Answer; result: HaproxyResult } {
  const result = simulateHaproxyRequest(g.cfg, g.state, {
    src: parseIp(input.ip).bytes,
    headers: input.keys,
    cookie: input.cookie,
    method: input.method,
    nowMs,
    response: { status: 200, headers: input.responseHeaders },
    connects: (i) => !g.dead.has(i),
  })
  const served = result.server === null ? null : g.cfg.servers[result.server]
  const indirect = g.cfg.cookie?.indirect ?? false
  return {
    answer: {
      status: result.status,
      server: served ? served.name : '',
      setCookie: result.setCookie ?? '',
      // The backend's own Cache-Control, then the one HAProxy adds (node joins repeated headers with ", ").
      cacheControl: [
        ...input.responseHeaders.filter(([n]) => n.toLowerCase() === 'cache-control').map(([, v]) => v),
        ...(result.cacheControl ? [result.cacheControl] : []),
      ].join(', '),
      seenOurCookie: input.cookie !== null && g.cfg.cookie !== null && !indirect,
    },
    result,
  }
}

/** Fields compared: status and server always; for cookie groups the Set-Cookie text, and for 200s the
 *  Cache-control and whether the server saw our cookie (HAProxy's own 503 page has its own headers). */
export function same(g: Group, input: Input, a: Answer, b: Answer): boolean {
  if (a.status !== b.status || a.server !== b.server) return false
  if (!g.cfg.cookie) return true
  if (a.setCookie !== b.setCookie) return false
  if (a.status !== 200) return true
  if (a.cacheControl !== b.cacheControl) return false
  return input.cookie === null || a.seenOurCookie === b.seenOurCookie
}

/** A random request for group `g` (`pool`: reuse these client addresses). */
export function randomInput(rnd: Random, g: Group, nowSec: number, pool?: readonly string[]): Input {
  const input: Input = {
    ip: pool && pool.length > 0 ? rnd.pick(pool) : randomIp(rnd),
    keys: g.cfg.balance.kind === 'hdr' ? randomHeaderValues(rnd) : rnd.chance(0.5) ? randomHeaderValues(rnd) : [],
    cookie: null,
    otherCookies: false,
    method: 'GET',
    responseHeaders: [],
  }
  const c = g.cfg.cookie
  if (c) {
    input.otherCookies = rnd.chance(0.4)
    input.method = rnd.chance(0.15) ? 'POST' : rnd.chance(0.05) ? 'HEAD' : 'GET'
    input.responseHeaders = [...rnd.pick(RESPONSE_HEADER_SETS)]
    const values = g.cfg.servers.map((s) => s.cookie).filter((v): v is string => v !== null)
    const r = rnd.int(0, 99)
    if (r < 25) input.cookie = null
    else if (r < 75 && values.length > 0) input.cookie = rnd.pick(values)
    else if (r < 80) input.cookie = rnd.pick(['zzz', '', 'c99'])
    else if (values.length > 0) {
      // Dates inside the value, well away from the maxidle / maxlife limits and the 4-second rounding.
      const v = rnd.pick(values)
      const ago = (s: number): string => encodeDate(nowSec - s)
      const idle = c.maxidle || 60
      const life = c.maxlife || 300
      const last = rnd.pick([ago(12), ago(idle + 20), ago(-40), ago(-90000), 'AAAAA', '!!!!!'])
      input.cookie = rnd.chance(0.5) ? `${v}|${last}` : `${v}|${last}|${rnd.pick([ago(30), ago(life + 30), ago(-90000)])}`
    }
  }
  return input
}
