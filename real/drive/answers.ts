// Reading the real system's answers in the model's words: a page's outcome, a health probe.

import http from 'node:http'
import type { Outcome } from '../../src/sim/types.ts'
import { H } from '../app/protocol.ts'
import type { HttpAnswer } from './browserHttp.ts'

/** What the app's page said (or the load balancer's error), in the model's outcome words. */
export function outcomeOf(a: HttpAnswer): Outcome {
  if (a.status >= 500) return 'error'
  if (a.status === 401) return 'revoked'
  const r = a.headers[H.result]
  return r === 'notLoggedIn' || r === 'cartMissing' || r === 'revoked' ? r : 'ok'
}

/** A real health probe: GET /healthz on the server's own address (a refused connection = down). */
export function probe(address: string): Promise<boolean> {
  const colon = address.lastIndexOf(':')
  return new Promise((resolve) => {
    const req = http.get({ host: address.slice(0, colon), port: Number(address.slice(colon + 1)), path: '/healthz', agent: false, timeout: 2000 }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode === 200))
    })
    req.on('timeout', () => req.destroy())
    req.on('error', () => resolve(false))
  })
}
