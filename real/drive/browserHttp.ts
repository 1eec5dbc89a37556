// A simulated user's request as real HTTP: the method and path of the request kind, the user's
// cookies (from the model's cookie jar, dropped when expired on the model's clock), their JWT, their
// address in X-Real-IP (nginx realip; HAProxy set-src), the header affinity value — sent to the load
// balancer on 127.0.0.1. The answer comes back as the response plus the server that answered.

import http from 'node:http'
import type { Socket } from 'node:net'
import { decodeJwt } from 'jose'
import type { RequestKind, ServerId, SimConfig, SimMs, SimRequest, User } from '../../src/sim/types.ts'
import { H } from '../app/protocol.ts'
import { EPOCH_MS } from '../app/shop.ts'

export const ROUTE: Record<RequestKind, { method: 'GET' | 'POST'; path: string }> = {
  landing: { method: 'GET', path: '/' },
  login: { method: 'POST', path: '/login' },
  browse: { method: 'GET', path: '/browse' },
  addToCart: { method: 'POST', path: '/cart' },
  checkout: { method: 'POST', path: '/checkout' },
}

export interface HttpAnswer {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
}

/** What a response set, as the model's SimRequest fields (`sets`, `affinity`) — plus the JWT's text. */
export interface ResponseSets {
  readonly sets: NonNullable<SimRequest['sets']> | null
  readonly affinity: { readonly server: ServerId; readonly issued: boolean } | null
  readonly token: string | null
}

/** The value of the header a user sends for header affinity (src/sim/policies/header.ts `headerValue`). */
export function headerAffinityValue(config: SimConfig, user: User): string {
  const identity = `user-${user.id}`
  return config.header.source === 'gateway' ? identity : (user.forgedHeader ?? identity)
}

export interface Outgoing {
  readonly path: string
  readonly method: 'GET' | 'POST'
  readonly headers: Record<string, string>
}

/** The request a browser sends for `req` at model time `now`. */
export function outgoing(req: SimRequest, user: User, config: SimConfig, now: SimMs, token: string | null, affinityCookie: string | null): Outgoing {
  const { method, path } = ROUTE[req.kind]
  const jar = user.jar
  const cookies: string[] = []
  if (jar.uid !== null) cookies.push(`uid=${jar.uid}`)
  if (jar.sid !== null) cookies.push(`sid=${jar.sid}`)
  if (affinityCookie !== null && jar.affinity !== null && jar.affinity.expiresAt > now) cookies.push(`${affinityCookie}=${jar.affinity.server}`)
  const headers: Record<string, string> = {
    'x-real-ip': user.ip,
    [H.cost]: String(user.heavy ? config.heavyCostFactor : 1),
    [H.cart]: String(user.believedCart),
    [H.intent]: String(req.intent),
  }
  if (cookies.length > 0) headers.cookie = cookies.join('; ')
  if (token !== null && jar.jwt !== null) headers.authorization = `Bearer ${token}`
  if (config.policy === 'header') headers['x-user-id'] = headerAffinityValue(config, user)
  if (req.kind === 'checkout' && config.idempotencyKeys) headers[H.idempotencyKey] = `${user.id}-${req.intent}`
  return { path: `${path}?r=${req.id}&u=${user.id}`, method, headers }
}

/**
 * Each request on a connection of its own. A connection kept open would change what HAProxy does
 * when a server dies with the request: on a connection's first request it answers 502, on a later
 * one it closes the connection without an answer for the browser to retry (http_ana.c, TX_NOT_FIRST
 * → abort_keep_alive) — and the model's browsers have no connections, they get the 502.
 */
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity })

/** Sends one request to the load balancer; resolves with the whole response. `onPort`: its connection's client port, once connected. */
export function send(port: number, o: Outgoing, onPort?: (port: number) => void): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const r = http.request({ host: '127.0.0.1', port, method: o.method, path: o.path, headers: { ...o.headers, 'content-length': '0' }, agent }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      res.on('error', reject)
    })
    if (onPort) r.on('socket', (sock) => whenConnected(sock, onPort))
    r.on('error', reject)
    r.end()
  })
}

/** Calls `f` with the socket's local port once it is connected (HAProxy's `show sess` names a stream by it). */
export function whenConnected(sock: Socket, f: (port: number) => void): void {
  if (!sock.connecting && sock.localPort !== undefined) f(sock.localPort)
  else sock.once('connect', () => f(sock.localPort!))
}

/** Reads the cookies and token a response set, in the model's terms. */
export function readSets(a: HttpAnswer, affinityCookie: string | null): ResponseSets {
  const sets: { uid?: string; sid?: string; jwt?: { jti: string; exp: SimMs } } = {}
  let affinity: ResponseSets['affinity'] = null
  for (const line of a.headers['set-cookie'] ?? []) {
    const first = line.split(';')[0] ?? ''
    const eq = first.indexOf('=')
    if (eq <= 0) continue
    const name = first.slice(0, eq).trim()
    const value = first.slice(eq + 1).trim()
    if (name === 'uid') sets.uid = value
    else if (name === 'sid') sets.sid = value
    else if (affinityCookie !== null && name === affinityCookie && value !== '') affinity = { server: value as ServerId, issued: true }
  }
  let token: string | null = null
  if (a.status === 200 && a.body.startsWith('{"token"')) {
    token = (JSON.parse(a.body) as { token: string }).token
    const claims = decodeJwt(token)
    if (typeof claims.jti === 'string' && typeof claims.exp === 'number') sets.jwt = { jti: claims.jti, exp: claims.exp * 1000 - EPOCH_MS }
  }
  return { sets: Object.keys(sets).length > 0 ? sets : null, affinity, token }
}
